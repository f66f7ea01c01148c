import type { z } from 'zod';
import { BACKEND_LABELS, BackendError, HTTP, kindForStatus } from '../backend-error';
import { parseReply, retryAfterMs, sendHttp, type FetchPort, type HttpReply } from '../http-json';
import { createRateBudget, realClock, type RateBudget, type RateBudgetClock } from './rate-budget';
import {
  deleteReplySchema,
  EGRESS_STATUS,
  egressSchema,
  errorReplySchema,
  LIVEKIT_RATE_LIMITS,
  LIVEKIT_STATUS_TEXT,
  listReplySchema,
  startReplySchema,
  stopReplySchema,
  type LivekitEgress,
  type LivekitRateGroup,
  type LivekitStatus,
} from './livekit-wire';

export interface LivekitClientOptions {
  baseUrl: string;
  token?: string;
  fetch?: FetchPort;
  clock?: RateBudgetClock;
}

const LABEL = BACKEND_LABELS.livekit;
/** A 429 despite the budget (another client on the same token) is waited out this many times, then reported. */
const MAX_RATE_LIMITED_RETRIES = 3;
const SIGN_IN_AGAIN = 'Sign in again, or set a new token in backends.livekit.token (IREC_LIVEKIT_TOKEN).';

function replyError(reply: HttpReply, what: string, now: number): BackendError {
  const parsed = errorReplySchema.safeParse(reply.body);
  const reason = parsed.success
    ? `${parsed.data.error}${parsed.data.code ? ` (${parsed.data.code})` : ''}`
    : reply.text || `HTTP ${reply.status}`;
  const status = reply.status;
  if (status === HTTP.unauthorized)
    return new BackendError({
      backend: 'livekit',
      kind: 'auth',
      status,
      message: `The ${LABEL} did not accept the access token: ${reason}. ${SIGN_IN_AGAIN}`,
    });
  return new BackendError({
    backend: 'livekit',
    kind: kindForStatus(status),
    status,
    retryAfterMs: status === HTTP.tooManyRequests ? waitFromHeaders(reply.headers, now) : undefined,
    message: `The ${LABEL} could not ${what} (HTTP ${status}): ${reason}.`,
  });
}

/** How long the server asks us to hold off: Retry-After, else until X-RateLimit-Reset, else a minute. */
function waitFromHeaders(headers: Headers, now: number): number {
  const reset = Number(headers.get('x-ratelimit-reset'));
  const untilReset = Number.isFinite(reset) && reset > 0 ? reset * 1000 - now : undefined;
  return Math.max(retryAfterMs(headers, now) ?? 0, untilReset ?? 0) || 60_000;
}

/**
 * The LiveKit recording backend (egress): start, stop, status, list, delete, with the bearer token. Each
 * endpoint group has its own budget under the documented per-minute limits, so polling never meets a 429.
 */
export function createLivekitClient(options: LivekitClientOptions) {
  const clock = options.clock ?? realClock;
  const budgets = Object.fromEntries(
    Object.entries(LIVEKIT_RATE_LIMITS).map(([group, limit]) => [group, createRateBudget(limit, 60_000, clock)]),
  ) as Record<LivekitRateGroup, RateBudget>;

  async function call<S extends z.ZodType>(
    request: { method: 'GET' | 'POST'; path: string; body?: unknown; group?: LivekitRateGroup; signal?: AbortSignal },
    schema: S,
    what: string,
  ): Promise<z.output<S>> {
    if (!options.token)
      throw new BackendError({ backend: 'livekit', kind: 'auth', message: `No access token for the ${LABEL}. ${SIGN_IN_AGAIN}` });
    const budget = request.group && budgets[request.group];
    for (let attempt = 0; ; attempt++) {
      await budget?.take(request.signal);
      const reply = await sendHttp(
        'livekit',
        options.baseUrl,
        { ...request, headers: { Authorization: `Bearer ${options.token}` } },
        options.fetch,
      );
      const remaining = reply.headers.get('x-ratelimit-remaining');
      if (budget && remaining !== null && Number(remaining) <= 0)
        budget.blockUntil(clock.now() + waitFromHeaders(reply.headers, clock.now()));
      if (reply.status === HTTP.ok) return parseReply('livekit', schema, reply.body, what);
      const error = replyError(reply, what, clock.now());
      if (error.kind !== 'rate-limited' || !budget || attempt >= MAX_RATE_LIMITED_RETRIES) throw error;
      budget.blockUntil(clock.now() + (error.retryAfterMs ?? 60_000));
    }
  }

  const status = (egressId: string, signal?: AbortSignal) =>
    call(
      { method: 'GET', path: `status?egressId=${encodeURIComponent(egressId)}`, group: 'read', signal },
      egressSchema,
      'report the recording status',
    );

  return {
    baseUrl: options.baseUrl,
    start: (roomName: string) =>
      call({ method: 'POST', path: 'start', body: { roomName }, group: 'start' }, startReplySchema, 'start the room recording'),
    stop: (egressId: string) => call({ method: 'POST', path: 'stop', body: { egressId } }, stopReplySchema, 'stop the recording'),
    status,
    list: async (roomName: string): Promise<LivekitEgress[]> =>
      (
        await call(
          { method: 'GET', path: `list?roomName=${encodeURIComponent(roomName)}`, group: 'read' },
          listReplySchema,
          'list the room recordings',
        )
      ).recordings,
    delete: (egressId: string) =>
      call({ method: 'POST', path: 'delete', body: { egressId }, group: 'delete' }, deleteReplySchema, 'delete the recording'),

    /**
     * Polls status until the recording is ready (1) or failed (2), backing off from 1 s to 15 s. A failed
     * recording throws `recording-failed` with the backend's reason.
     */
    async waitUntilDone(
      egressId: string,
      {
        signal,
        onStatus,
        firstDelayMs = 1000,
        capMs = 15_000,
      }: { signal?: AbortSignal; onStatus?: (egress: LivekitEgress) => void; firstDelayMs?: number; capMs?: number } = {},
    ): Promise<LivekitEgress> {
      for (let delay = firstDelayMs; ; delay = Math.min(capMs, delay * 2)) {
        const egress = await status(egressId, signal);
        onStatus?.(egress);
        if (egress.status === EGRESS_STATUS.ready) return egress;
        if (egress.status === EGRESS_STATUS.failed) throw failedRecording(egress);
        await clock.sleep(delay, signal);
      }
    },
  };
}
export type LivekitClient = ReturnType<typeof createLivekitClient>;

export function failedRecording(egress: LivekitEgress): BackendError {
  return new BackendError({
    backend: 'livekit',
    kind: 'recording-failed',
    reply: egress,
    message: `The LiveKit room recording ${egress.egressId} failed: ${egress.error ?? 'the backend gave no reason'}.`,
  });
}

export const livekitStatusText = (status: LivekitStatus): string => LIVEKIT_STATUS_TEXT[status];
