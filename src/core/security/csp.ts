import type { Config } from '../../shared/config/schema';

/**
 * The renderer's Content-Security-Policy, sent as a response header by both the app:// protocol and the
 * browser host. No inline script, no eval, no remote origins but the call servers configuration names; media
 * may come from the camera, blobs and received calls (MediaStream).
 */
const BASE_DIRECTIVES = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "font-src 'self'",
  "worker-src 'self' blob:",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
];

/**
 * Where Agora's Web SDK connects (its gateways, edge servers, cloud proxy and statistics collector), from Agora's
 * firewall requirements for the Web SDK 4.x: https and wss to any host under these domains.
 */
export const AGORA_DOMAINS = ['agora.io', 'sd-rtn.com', 'rtnsvc.com', 'rtesvc.com'] as const;

/** A URL's origin for connect-src in both of its schemes (http↔ws, https↔wss): SDKs use both on one server. */
function bothSchemes(raw: string): string[] {
  const url = new URL(raw);
  const secure = url.protocol === 'https:' || url.protocol === 'wss:';
  const host = url.host;
  return secure ? [`https://${host}`, `wss://${host}`] : [`http://${host}`, `ws://${host}`];
}

/**
 * The origins the renderer's calls must reach, from configuration only: the development call server and the
 * LiveKit server when their URLs are set, Agora's domains when an Agora call is configured (App ID and token
 * URL). Nothing else: a script cannot widen it, and token endpoints are reached by the core, not the page.
 */
export function callConnectSources(backends: Pick<Config['backends'], 'agora' | 'livekit' | 'dev'>): string[] {
  const sources = [
    ...(backends.dev.callUrl ? bothSchemes(backends.dev.callUrl) : []),
    ...(backends.livekit.url ? bothSchemes(backends.livekit.url) : []),
    ...(backends.agora.appId && backends.agora.tokenUrl ? AGORA_DOMAINS.flatMap((d) => [`https://*.${d}`, `wss://*.${d}`]) : []),
  ];
  return [...new Set(sources)];
}

/** An http(s) URL's origin, or nothing for a value that is not one. */
function originOf(raw: string | undefined): string[] {
  if (!raw) return [];
  try {
    const url = new URL(raw);
    return url.protocol === 'https:' || url.protocol === 'http:' ? [url.origin] : [];
  } catch {
    return [];
  }
}

/**
 * Where the review player loads recordings from (media-src, and connect-src for hls.js, which fetches playlists and
 * segments itself): the configured S3 (its endpoint, or AWS S3 when only a bucket is set) and the Agora and LiveKit
 * recording backends. Local recordings come from the app's own origin (the local media route).
 */
export function playbackSources(config: Pick<Config, 'backends' | 's3'>): string[] {
  const s3 = config.s3.endpoint ? originOf(config.s3.endpoint) : config.s3.bucket ? ['https://*.amazonaws.com'] : [];
  return [...new Set([...s3, ...originOf(config.backends.agora.baseUrl), ...originOf(config.backends.livekit.baseUrl)])];
}

/** The policy with `connectSources` added to connect-src (see callConnectSources) and `mediaSources` to media-src and connect-src. */
export function contentSecurityPolicy(connectSources: readonly string[] = [], mediaSources: readonly string[] = []): string {
  const extra = (directive: string): readonly string[] =>
    directive.startsWith('connect-src ')
      ? [...new Set([...connectSources, ...mediaSources])]
      : directive.startsWith('media-src ')
        ? mediaSources
        : [];
  return BASE_DIRECTIVES.map((directive) => [directive, ...extra(directive)].join(' ')).join('; ');
}

/** The policy of an app with no live calls configured. */
export const CONTENT_SECURITY_POLICY = contentSecurityPolicy();

/** Headers every renderer response carries, whatever serves it, for a given policy. */
export const securityHeaders = (policy: string = CONTENT_SECURITY_POLICY): Readonly<Record<string, string>> => ({
  'Content-Security-Policy': policy,
  'X-Content-Type-Options': 'nosniff',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Referrer-Policy': 'no-referrer',
});

/** The headers with no call servers: for responses that are never the app's page (refusals, JSON answers). */
export const SECURITY_HEADERS = securityHeaders();

/**
 * The native call window's policy (docs/security.md, "The native call window"): its own scripts and styles and
 * nothing else. Agora's native SDK reaches Agora from native code and draws frames it is handed into canvases, so
 * the page itself connects nowhere; its frames are copied into blobs and workers may start from them.
 */
export const NATIVE_CALL_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "worker-src 'self' blob:",
  "connect-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');

/** The headers for the app's page under this configuration: its call servers and where its recordings play from. */
export const securityHeadersFor = (config: Pick<Config, 'backends' | 's3'>) =>
  securityHeaders(contentSecurityPolicy(callConnectSources(config.backends), playbackSources(config)));
