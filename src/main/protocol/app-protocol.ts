import { net, protocol, type Protocol } from 'electron';
import { Readable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { APP_HOST, APP_SCHEME } from '../../shared/product';
import { resolveInside } from '../../core/platform/resolve-inside';
import { SECURITY_HEADERS } from '../../core/security/csp';
import { isLocalMediaPath, type MediaReply } from '../../core/services/review/local-media';

/** The local media route's answer for a path (`localMediaReply` over the core's review service). */
export type LocalMedia = (pathname: string, range: string | null, head: boolean) => MediaReply;

/** Must run before `app.ready`: app:// behaves like https (secure context, fetch, media permissions). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

/**
 * Serves the built renderer from `rendererDir` only; anything outside it, or another host, is 404. `securityHeaders`:
 * `securityHeadersFor(config)`, whose CSP lets the page reach the configured call servers.
 */
export function serveRenderer(
  rendererDir: string,
  securityHeaders: Readonly<Record<string, string>> = SECURITY_HEADERS,
  localMedia?: LocalMedia,
): void {
  serveFolder(protocol, APP_HOST, rendererDir, securityHeaders, localMedia);
}

/** A finalized recording's file for the review player, with Range so it can seek (see local-media.ts). */
function mediaResponse(localMedia: LocalMedia, request: Request, pathname: string, securityHeaders: Readonly<Record<string, string>>) {
  const reply = localMedia(pathname, request.headers.get('range'), request.method === 'HEAD');
  const body = reply.body ? (Readable.toWeb(reply.body) as ReadableStream<Uint8Array>) : null;
  return new Response(body, { status: reply.status, headers: { ...reply.headers, ...securityHeaders } });
}

/**
 * app://<host>/… from `dir` only, on one session's protocol (the default session's for the app, its own for the
 * native call window, whose session serves nothing else); any other host, or a path outside `dir`, is 404.
 */
export function serveFolder(
  target: Pick<Protocol, 'handle'>,
  host: string,
  dir: string,
  securityHeaders: Readonly<Record<string, string>>,
  localMedia?: LocalMedia,
): void {
  target.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (localMedia && url.host === host && isLocalMediaPath(url.pathname))
      return mediaResponse(localMedia, request, url.pathname, securityHeaders);
    const file = url.host === host ? resolveInside(dir, url.pathname === '/' ? '/index.html' : url.pathname) : null;
    if (!file) return new Response('Not found', { status: 404 });
    const response = await net.fetch(pathToFileURL(file).toString());
    const responseHeaders = new Headers(response.headers);
    for (const [name, value] of Object.entries(securityHeaders)) responseHeaders.set(name, value);
    return new Response(response.body, { status: response.status, headers: responseHeaders });
  });
}
