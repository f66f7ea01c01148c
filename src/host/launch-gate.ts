import type http from 'node:http';
import { SECURITY_HEADERS } from '../core/security/csp';
import type { HostAccess } from './host-access';
import { HOST_PROTOCOL } from './host-protocol';

const WHERE_LINKS_ARE =
  'Open the link printed in the terminal where <code>npm start</code> or <code>npm run host</code> runs: each link works once, and a fresh one ("Open another window: …") is printed after each use.';
export const NO_SESSION_MESSAGE = `This browser has no session with the Interview Recorder browser host. ${WHERE_LINKS_ARE}`;
export const USED_LINK_MESSAGE = `This link has been used already, or it is not one this browser host printed. ${WHERE_LINKS_ARE}`;

/** A small page with nothing usable on it: no script, no bridge, no secret. */
export function refusalPage(res: http.ServerResponse, message: string): void {
  res.writeHead(403, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...SECURITY_HEADERS });
  res.end(`<!doctype html>\n<html lang="en"><meta charset="utf-8"><title>Interview Recorder</title><p>${message}</p></html>\n`);
}

/** To the app's page, without the secret in the address bar; with the session cookie when a link was redeemed. */
function toTheApp(res: http.ServerResponse, setCookie?: string): void {
  res.writeHead(303, {
    Location: '/',
    'Cache-Control': 'no-store',
    ...(setCookie ? { 'Set-Cookie': setCookie } : {}),
    ...SECURITY_HEADERS,
  });
  res.end();
}

/** `GET /?launch=…`: a launch link opened (HEAD and other methods never use up a link). */
export const isLaunch = (req: http.IncomingMessage, url: URL) =>
  req.method === 'GET' && url.pathname === '/' && url.searchParams.has(HOST_PROTOCOL.launchParam);

/**
 * Exchanges a launch secret for the session cookie, once. The server redirects (rather than the page rewriting its
 * address) so the secret never reaches the page, and the cookie set on the redirect is sent with the `/` it leads
 * to: the navigation stays on this site, which is what SameSite=Strict asks.
 */
export function openSession(req: http.IncomingMessage, res: http.ServerResponse, url: URL, access: HostAccess, onLaunch?: () => void) {
  if (access.redeem(url.searchParams.get(HOST_PROTOCOL.launchParam) ?? '')) {
    toTheApp(res, access.setCookieHeader());
    onLaunch?.();
  } else if (access.hasSession(req)) {
    // A used link opened again in a browser that holds the session already (from its history): it grants nothing new.
    toTheApp(res);
  } else {
    refusalPage(res, USED_LINK_MESSAGE);
  }
}

/**
 * Whether a request that carries the cookie comes from this server's own page. Cookies do not tell ports apart, so a
 * page on another port of 127.0.0.1 is "same site" and its requests carry the cookie too: its Origin gives it away.
 */
export function fromOwnPage(req: http.IncomingMessage, trustedOrigins: readonly string[]): boolean {
  const { origin } = req.headers;
  const site = req.headers['sec-fetch-site'];
  return (origin === undefined || trustedOrigins.includes(origin)) && (site === undefined || site === 'same-origin' || site === 'none');
}
