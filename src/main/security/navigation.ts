import { originOf } from './origin';

/** What to do with a `window.open` or link target: nothing opens inside the app. */
export type WindowOpenDecision = { action: 'deny' } | { action: 'open-externally'; url: string };

/** https links (help pages, privacy policy) open in the user's browser; anything else is dropped. */
export function decideWindowOpen(url: string): WindowOpenDecision {
  try {
    const parsed = new URL(url);
    if (parsed.protocol === 'https:') return { action: 'open-externally', url: parsed.toString() };
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
