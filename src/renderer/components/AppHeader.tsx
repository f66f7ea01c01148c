import type { ResponseOf } from '../../shared/ipc/contract';
import { useMessages } from '../i18n/locale-context';
import { shellMessages } from '../shell-messages';

export function AppHeader({ info }: { info: ResponseOf<'getAppInfo'> | null }) {
  const t = useMessages(shellMessages);
  return (
    <header className="app-header">
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <div className="brand">
        <span className="brand-mark" aria-hidden="true" />
        {/* The product's name, like any brand, is not translated. */}
        <span className="brand-name">Interview Recorder</span>
      </div>
      {info && (
        <div className="header-meta">
          {info.runtime === 'browser-host' && (
            <span className="badge" title={t('browserPreviewHint')}>
              {t('browserPreview')}
            </span>
          )}
          <span className="version">v{info.version}</span>
        </div>
      )}
    </header>
  );
}
