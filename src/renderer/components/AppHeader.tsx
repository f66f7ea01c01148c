import type { ResponseOf } from '../../shared/ipc/contract';

export function AppHeader({ info }: { info: ResponseOf<'getAppInfo'> | null }) {
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        <span className="brand-name">Interview Recorder</span>
      </div>
      {info && (
        <div className="header-meta">
          {info.runtime === 'browser-host' && (
            <span className="badge" title="Running in a browser instead of the desktop app">
              Browser preview
            </span>
          )}
          <span className="version">v{info.version}</span>
        </div>
      )}
    </header>
  );
}
