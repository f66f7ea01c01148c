// The LiveKit egress recording backend (`/api/recording`), as livekit-recording-api.md and the contracts README
// describe it: bearer-token auth, `{error, code}` errors, per-token rate limits with X-RateLimit-* headers and a
// 429 when exceeded. An egress is status 0 while recording and processing, then 1 (file in the bucket) or 2.
import { type DevContext, hex, isObject } from './context';
import { callTokenRoute } from './call-tokens';
import { finishEgress, resumeEgresses } from './livekit-egress';
import { RateLimiter } from './rate-limit';
import type { Egress } from './state-store';
import type { Backend, DevReply, Route } from './types';

const CODES: Record<number, string> = {
  400: 'INVALID_REQUEST',
  401: 'UNAUTHORIZED',
  404: 'NOT_FOUND',
  413: 'INVALID_REQUEST',
  429: 'RATE_LIMITED',
  500: 'INTERNAL_ERROR',
};
const error = (status: number, message: string): DevReply => ({
  status,
  body: { error: message, code: CODES[status] ?? 'INTERNAL_ERROR' },
});
const ok = (body: unknown): DevReply => ({ status: 200, body });
const notFound = () => error(404, 'Recording not found');

/** Documented limits per window; /status and /list share one bucket (the stricter reading), /stop has none. */
const LIMITS: Record<string, { bucket: string; limit: number }> = {
  start: { bucket: 'start', limit: 10 },
  status: { bucket: 'read', limit: 60 },
  list: { bucket: 'read', limit: 60 },
  delete: { bucket: 'delete', limit: 5 },
};

/** Second precision, as in the document ("2026-01-30T10:00:00Z"), so that duration = endedAt - startedAt. */
export const isoSeconds = (ms: number): string => new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');

/** An egress as /status and /list show it: optional fields only once they have a value. */
function describe(e: Egress, withRoom: boolean) {
  return {
    egressId: e.egressId,
    ...(withRoom && { roomName: e.roomName }),
    status: e.status,
    ...(e.downloadUrl && { downloadUrl: e.downloadUrl }),
    ...(e.duration !== undefined && { duration: e.duration }),
    startedAt: e.startedAt,
    ...(e.endedAt && e.status !== 0 && { endedAt: e.endedAt }),
    ...(!withRoom && e.error && { error: e.error }),
  };
}

/** The egressId of a JSON body, or undefined. */
const bodyEgressId = (body: unknown): string | undefined =>
  isObject(body) && typeof body.egressId === 'string' && body.egressId !== '' ? body.egressId : undefined;

export function livekitBackend(ctx: DevContext): Backend {
  const limiter = new RateLimiter(ctx.rateWindowMs);
  const egresses = () => ctx.store.state.livekit;
  const find = (id: string | undefined | null) => egresses().find((e) => e.egressId === id);
  resumeEgresses(ctx);

  const routes: Route[] = [
    {
      method: 'POST',
      pattern: /^\/start$/,
      endpoint: 'start',
      async handle(req) {
        const roomName = isObject(req.body) ? req.body.roomName : undefined;
        if (typeof roomName !== 'string' || roomName.trim() === '') return error(400, 'Invalid room name');
        const egress: Egress = { egressId: `egress_${hex(6)}`, roomName, status: 0, startedAt: isoSeconds(Date.now()) };
        egresses().push(egress);
        ctx.store.save();
        return ok({ egressId: egress.egressId, status: 'started' });
      },
    },
    {
      method: 'POST',
      pattern: /^\/stop$/,
      endpoint: 'stop',
      async handle(req) {
        const egress = find(bodyEgressId(req.body));
        if (!egress) return notFound();
        // Idempotent: a second stop (say, a retry after a lost answer) changes nothing and says the same.
        if (!egress.endedAt) {
          const now = Date.now();
          egress.endedAt = isoSeconds(now);
          egress.readyAt = now + ctx.livekitProcessingMs;
          if (ctx.faults.take('livekit', 'stop', ['recordingFailed'])) egress.willFail = true;
          ctx.store.save();
          ctx.background.later(ctx.livekitProcessingMs, () => finishEgress(ctx, egress.egressId));
        }
        return ok({ status: 'stopping', message: 'Recording will be processed' });
      },
    },
    {
      method: 'GET',
      pattern: /^\/status$/,
      endpoint: 'status',
      async handle(req) {
        const id = req.query.get('egressId');
        if (!id) return error(400, 'Missing egressId parameter');
        const egress = find(id);
        return egress ? ok(describe(egress, false)) : notFound();
      },
    },
    {
      method: 'GET',
      pattern: /^\/list$/,
      endpoint: 'list',
      async handle(req) {
        const roomName = req.query.get('roomName');
        if (!roomName) return error(400, 'Missing roomName parameter');
        return ok({
          recordings: egresses()
            .filter((e) => e.roomName === roomName)
            .map((e) => describe(e, true)),
        });
      },
    },
    {
      method: 'POST',
      pattern: /^\/delete$/,
      endpoint: 'delete',
      async handle(req) {
        const egress = find(bodyEgressId(req.body));
        if (!egress) return notFound();
        ctx.store.state.livekit = egresses().filter((e) => e !== egress);
        ctx.store.save();
        if (egress.objectKey) await ctx.objects.delete(egress.objectKey);
        return ok({ message: 'Recording deleted successfully' });
      },
    },
    callTokenRoute('livekit'),
  ];

  return {
    name: 'livekit',
    prefix: '/api/recording',
    routes,
    error,
    async dispatch(route, req, params) {
      const token = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1]?.trim();
      // Rejected before counting: an unauthenticated caller has no budget to spend.
      if (!token || !ctx.livekitTokens.includes(token) || ctx.faults.take('livekit', route.endpoint, ['unauthorized'])) {
        return error(401, 'Unauthorized');
      }
      const limit = LIMITS[route.endpoint];
      const decision = limit ? limiter.hit(token, limit.bucket, limit.limit) : { allowed: true, headers: {} };
      let reply: DevReply;
      if (!decision.allowed) reply = error(429, 'Too many requests');
      else if (ctx.faults.take('livekit', route.endpoint, ['http500'])) reply = error(500, 'Internal server error');
      else if (req.malformed) reply = error(400, 'Invalid JSON body');
      else reply = await route.handle(req, params);
      return { ...reply, headers: { ...reply.headers, ...decision.headers } };
    },
  };
}
