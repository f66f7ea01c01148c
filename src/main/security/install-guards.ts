import { shell, type Session, type WebContents } from 'electron';
import type { ExternalLinks } from '../../core/security/external-links';
import { decideWindowOpen, isNavigationAllowed } from './navigation';
import { isPermissionAllowed } from './permissions';

/** Camera/microphone for the app's own main frame; every other permission, origin and frame is refused. */
export function guardPermissions(session: Session, appOrigin: string): void {
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      isPermissionAllowed({ permission, requestingUrl: details.requestingUrl, isMainFrame: details.isMainFrame, mediaTypes }, appOrigin),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    isPermissionAllowed(
      {
        permission,
        requestingUrl: details.requestingUrl ?? requestingOrigin,
        isMainFrame: details.isMainFrame,
        mediaTypes: details.mediaType && details.mediaType !== 'unknown' ? [details.mediaType] : [],
      },
      appOrigin,
    ),
  );
}

/**
 * No navigation away from the app, no new windows; the script's contact links and pages on the hosts of
 * `externalLinks` (read from the script and settings at each click, never from the renderer) open outside it.
 */
export function guardNavigation(contents: WebContents, externalLinks: () => ExternalLinks): void {
  const openOutside = (url: string) => {
    const decision = decideWindowOpen(url, externalLinks());
    if (decision.action === 'open-externally') void shell.openExternal(decision.url);
  };
  const refuse = (event: Electron.Event, url: string) => {
    if (isNavigationAllowed(url, contents.getURL())) return;
    event.preventDefault();
    openOutside(url);
  };
  contents.on('will-navigate', (event) => refuse(event, event.url));
  contents.on('will-frame-navigate', (event) => refuse(event, event.url));
  contents.on('will-redirect', (event) => refuse(event, event.url));
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    openOutside(url);
    return { action: 'deny' };
  });
}
