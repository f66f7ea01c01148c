import { originOf } from './origin';

/** What to do with a `window.open` or link target: nothing opens inside the app. */
export type WindowOpenDecision = { action: 'deny' } | { action: 'open-externally'; url: string };

/**
 * Web pages the app may open in the user's browser. It links to none today; a help page added later goes here,
 * so an injected link cannot send the candidate anywhere else.
 */
export const EXTERNAL_HTTPS_HOSTS: readonly string[] = [];

/**
 * The contact links of the finish screen (`mailto:`, `tel:`) and https pages on the allowlist open outside the
 * app; anything else is dropped.
 */
export function decideWindowOpen(url: string, httpsHosts: readonly string[] = EXTERNAL_HTTPS_HOSTS): WindowOpenDecision {
  try {
    const parsed = new URL(url);
    const allowed =
      parsed.protocol === 'mailto:' || parsed.protocol === 'tel:' || (parsed.protocol === 'https:' && httpsHosts.includes(parsed.hostname));
    if (allowed) return { action: 'open-externally', url: parsed.toString() };
  } catch {
    // not a URL at all: deny
  }
  return { action: 'deny' };
}

/** The app is a single page: every navigation away from the current document is refused. */
export function isNavigationAllowed(targetUrl: string, currentUrl: string): boolean {
  const origin = originOf(targetUrl);
  if (origin === null || origin !== originOf(currentUrl)) return false;
  return new URL(targetUrl).pathname === new URL(currentUrl).pathname;
}
