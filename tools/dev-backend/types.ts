// The shapes shared by the dev backend's files: its options, its fault switches, its request log and the small
// routing contract every backend module (Agora, LiveKit, Media) implements for server.ts.

export type BackendName = 'agora' | 'livekit' | 'media' | 'call';

export type FaultMode = 'http500' | 'reset' | 'delay' | 'noStorage' | 'unauthorized' | 'recordingFailed' | 'mergeError';

export interface Fault {
  backend: BackendName | '*';
  /** A route's endpoint name (see README); omitted = every endpoint of the backend. */
  endpoint?: string;
  mode: FaultMode;
  /** How many requests it hits; omitted = until cleared. */
  times?: number;
  /** For `delay`: how long to hold the request before handling it (default 2000). */
  delayMs?: number;
}

export interface S3Options {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  forcePathStyle?: boolean;
}

export interface DevBackendOptions {
  /** 0 = any free port (default 0). */
  port?: number;
  /** state.json and media chunks live here; a restart with the same dataDir keeps every session. */
  dataDir: string;
  s3: S3Options;
  /** Accepted LiveKit bearer tokens, default ['dev-token']. */
  livekitTokens?: string[];
  /** Known `site` values of the Media API, default ['localhost', 'interview-recorder.local']. */
  mediaSites?: string[];
  /** After /stop, a LiveKit egress stays status 0 this long, then becomes 1 (default 1500). */
  livekitProcessingMs?: number;
  /** finalize-async stays "processing" this long (default 500). */
  mediaProcessingMs?: number;
  /** LiveKit rate-limit window, default 60_000; the counts per window stay the documented ones. */
  rateWindowMs?: number;
  /** Makes small real media files; default 'ffmpeg' from PATH; if it fails, a small placeholder is written. */
  ffmpegPath?: string;
}

export interface LoggedRequest {
  method: string;
  /** Path with query string. */
  path: string;
  /** 0 when the socket was destroyed without an answer (`reset` fault). */
  status: number;
  /** Parsed JSON; for multipart the text fields plus `{chunk: {size, filename}}`; raw text if the JSON was malformed. */
  body: unknown;
  headers: Record<string, string>;
  responseHeaders: Record<string, string>;
  /** ISO-8601 time the request arrived. */
  at: string;
}

export interface DevBackend {
  url: string;
  agoraUrl: string;
  livekitUrl: string;
  mediaApiUrl: string;
  /** The development call server's signalling WebSocket (ws://127.0.0.1:port/call/ws). */
  callUrl: string;
  /** POST {room, participantId, ttlSeconds?} → {token, expiresAt} for the call server. */
  callTokenUrl: string;
  token: string;
  env: Record<string, string>;
  requests(): LoggedRequest[];
  clearRequests(): void;
  setFault(fault: Fault): void;
  clearFaults(): void;
  close(): Promise<void>;
}

/** A parsed request as a route handler sees it. */
export interface DevRequest {
  method: string;
  /** Path below the backend's prefix, e.g. `/recording/start`. */
  path: string;
  query: URLSearchParams;
  headers: Record<string, string>;
  /** Parsed JSON body (undefined when empty). */
  body: unknown;
  /** Set for multipart/form-data bodies. */
  form: FormData | null;
  /** The body claimed to be JSON (or multipart) but did not parse. */
  malformed: boolean;
}

export interface DevReply {
  status: number;
  body: unknown;
  headers?: Record<string, string>;
}

export interface Route {
  method: 'GET' | 'POST';
  /** Matched against DevRequest.path; capture groups become `params` (URL-decoded). */
  pattern: RegExp;
  /** The name faults use to target this route. */
  endpoint: string;
  handle(req: DevRequest, params: string[]): Promise<DevReply>;
}

export interface Backend {
  name: BackendName;
  /** e.g. '/api/agora' */
  prefix: string;
  routes: Route[];
  /** This backend's own error body for a status and message (404 unknown route, 413, unexpected 500). */
  error(status: number, message: string): DevReply;
  /** Runs a matched route: auth, rate limits and the backend's fault handling wrap `route.handle` here. */
  dispatch(route: Route, req: DevRequest, params: string[]): Promise<DevReply>;
}
