import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type http from 'node:http';

/**
 * Who may use the browser host: whoever opened a one-time launch link, which the host prints on the terminal of the
 * user who started it. Opening one sets this run's session cookie; every other request needs that cookie.
 */
export interface HostAccess {
  /** The cookie's name; it names the port, as cookies are shared by every port of 127.0.0.1. */
  cookieName: string;
  /** A fresh launch secret, good for one use. */
  issueLaunchSecret(): string;
  /** True the first time a secret this run issued is given, never again; false for any other value. */
  redeem(secret: string): boolean;
  /** Whether the request carries this run's session cookie. */
  hasSession(req: http.IncomingMessage): boolean;
  /** The `Set-Cookie` value: HttpOnly (no page script reads it), SameSite=Strict, host-only (no Domain). */
  setCookieHeader(): string;
}

const newSecret = () => randomBytes(24).toString('base64url');
// Secrets are kept as digests: a lookup's timing then says nothing about the secret's characters.
const digest = (secret: string) => createHash('sha256').update(secret).digest('base64url');

/** The value of the cookie `name` in a request's Cookie header, if there is one. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const pair of (header ?? '').split(';')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === name) return pair.slice(at + 1).trim();
  }
  return undefined;
}

export function createHostAccess(port: number): HostAccess {
  const session = Buffer.from(newSecret());
  const unused = new Set<string>();
  const cookieName = `irec-session-${port}`;
  return {
    cookieName,
    issueLaunchSecret() {
      const secret = newSecret();
      unused.add(digest(secret));
      return secret;
    },
    redeem: (secret) => unused.delete(digest(secret)),
    hasSession(req) {
      const given = Buffer.from(cookieValue(req.headers.cookie, cookieName) ?? '');
      return given.length === session.length && timingSafeEqual(given, session);
    },
    setCookieHeader: () => `${cookieName}=${session.toString()}; HttpOnly; SameSite=Strict; Path=/`,
  };
}
