import type { ExternalLinks } from '../../core/security/external-links';
import { originOf } from './origin';

/** What to do with a `window.open` or link target: nothing opens inside the app. */
export type WindowOpenDecision = { action: 'deny' } | { action: 'open-externally'; url: string };

/**
 * The script's contact links (`mailto:`, `tel:`, exactly as the finish screen draws them, so no `?attach=` or
 * other address) and https pages on an allowed host open outside the app; anything else is dropped.
 */
export function decideWindowOpen(url: string, allowed: ExternalLinks): WindowOpenDecision {
  try {
    const parsed = new URL(url);
    const isContact = (parsed.protocol === 'mailto:' || parsed.protocol === 'tel:') && allowed.contactLinks.includes(parsed.href);
    // No user name or password: a page on an allowed host is opened as itself, never with credentials.
    const isAllowedPage = parsed.protocol === 'https:' && !parsed.username && !parsed.password && allowed.httpsHosts.includes(parsed.host);
    if (isContact || isAllowedPage) return { action: 'open-externally', url: parsed.href };
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
