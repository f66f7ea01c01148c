/**
 * `http://user:pass@host/` → `http://user:***@host/`: a password written inside a URL is never shown (doctor,
 * the readiness panel, JSON output). Works on any text; everything but the password is left as it is.
 * Greedy up to the last "@" before the path, as URL parsers do, so a password holding "@" is masked whole.
 */
export const maskUrlPassword = (text: string): string => text.replace(/(\b[a-z][a-z0-9+.-]*:\/\/[^/?#\s:@]*:)[^/?#\s]*@/gi, '$1***@');
