import type { Database } from 'better-sqlite3';
import { backoffDelayMs } from '../../../../shared/async/backoff';
import { sleep } from '../../../../shared/async/sleep';
import { isAppError } from '../../../errors/app-error';
import {
  dueOutboxItems,
  makeOutboxDueNow,
  makeSessionDueNow,
  markOutboxDelivered,
  nextOutboxAttemptAt,
  releaseOutbox,
  rescheduleOutbox,
  settleOutbox,
  type OutboxItem,
  type OutboxKind,
} from '../../catalog/queries/outbox';
import type { Logger } from '../../logging/logger';
import { isBackendError } from '../backend-error';
import type { Deliver, DeliveryOutcome } from './delivery';

/** Backoff with jitter, or longer when the backend asked for it (Retry-After). */
export function retryDelayMs(attempt: number, error: unknown, capMs: number): number {
  return Math.max(backoffDelayMs(attempt, { baseMs: 1000, capMs }), isBackendError(error) ? (error.retryAfterMs ?? 0) : 0);
}

/** How long quitting waits for deliveries under way; each is safe to repeat, so the rest go next time. */
const CLOSE_GRACE_MS = 3000;

export interface OutboxDeps {
  db: Database;
  deliver: Record<OutboxKind, Deliver>;
  /** An attempt changed the item (rescheduled, with its last error): the session's view shows it. */
  onChanged?(sessionId: string): void;
  /** A call that can never succeed (refused, not found) or that waits for a new token: the session shows why. */
  onGaveUp(item: OutboxItem, state: 'held' | 'failed', message: string): void;
  logger: Logger;
  now?: () => Date;
  /** Longest pause between retries of an unreachable backend: how soon a returning backend is noticed. */
  capMs?: number;
}

interface AttemptContext {
  deps: OutboxDeps;
  logger: Logger;
  now: () => Date;
  capMs: number;
}

const later = (ctx: AttemptContext, ms: number) => new Date(ctx.now().getTime() + ms).toISOString();

function recordOutcome(ctx: AttemptContext, item: OutboxItem, outcome: DeliveryOutcome): void {
  if (outcome.done) {
    markOutboxDelivered(ctx.deps.db, item.id, ctx.now().toISOString());
    ctx.logger.info('Delivered', { kind: item.kind, sessionId: item.sessionId, attempts: item.attempts + 1 });
  } else {
    rescheduleOutbox(ctx.deps.db, item.id, { at: later(ctx, outcome.retryInMs), error: outcome.note ?? null, counts: false });
  }
}

/**
 * A refusal (an app error that says retrying cannot help) fails the item, or holds it until a new token when the
 * backend did not accept ours; anything else (network, 5xx, 429, an unexpected error) is tried again later.
 */
function recordFailure(ctx: AttemptContext, item: OutboxItem, error: unknown): void {
  const message = (error as Error).message;
  if (isAppError(error) && !error.retryable) {
    const state = isBackendError(error, 'auth') ? 'held' : 'failed';
    settleOutbox(ctx.deps.db, item.id, state, message);
    ctx.logger.warn(state === 'held' ? 'Held until a new token' : 'Gave up', {
      kind: item.kind,
      sessionId: item.sessionId,
      error: message,
    });
    ctx.deps.onGaveUp(item, state, message);
    return;
  }
  const delay = retryDelayMs(item.attempts, error, ctx.capMs);
  rescheduleOutbox(ctx.deps.db, item.id, { at: later(ctx, delay), error: message, counts: true });
  ctx.logger.info('Not delivered yet', { kind: item.kind, sessionId: item.sessionId, retryInMs: delay, error: message });
}

async function attempt(ctx: AttemptContext, item: OutboxItem, signal: AbortSignal): Promise<void> {
  try {
    try {
      recordOutcome(ctx, item, await ctx.deps.deliver[item.kind](item, signal));
    } catch (error) {
      if (!signal.aborted) recordFailure(ctx, item, error);
    }
    ctx.deps.onChanged?.(item.sessionId);
  } catch (error) {
    // Only at quit (the catalog closed under an attempt): the item stays owed for the next run.
    ctx.logger.warn('Delivery interrupted', { kind: item.kind, error: (error as Error).message });
  }
}

/** Waits for the attempts under way, but not longer than the grace period (its timer is cleared either way). */
async function settleWithin(work: Iterable<Promise<void>>, ms: number): Promise<void> {
  const grace = new AbortController();
  await Promise.race([Promise.allSettled(work), sleep(ms, grace.signal).catch(() => undefined)]);
  grace.abort();
}

/**
 * Delivers the calls that must reach a backend (stops, uploads) until each is acknowledged: across offline
 * periods with jittered backoff, and across restarts because every item and its next attempt live in SQLite.
 * A 401 holds the item until the app starts again (with, perhaps, a new token); a refusal fails it, and so does
 * an `Undeliverable` local problem. Anything else (network, 5xx, 429, an unexpected error) is retried.
 */
export function createOutbox(deps: OutboxDeps) {
  const ctx: AttemptContext = {
    deps,
    logger: deps.logger.child('outbox'),
    now: deps.now ?? (() => new Date()),
    capMs: deps.capMs ?? 15_000,
  };
  const { db } = deps;
  const stamp = () => ctx.now().toISOString();
  const inFlight = new Map<number, Promise<void>>();
  /** Items nudged while an attempt was under way: due again as soon as it ends, whatever it rescheduled. */
  const nudgedInFlight = new Set<number>();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  function pump(): void {
    if (!running) return;
    clearTimeout(timer);
    for (const item of dueOutboxItems(db, stamp())) {
      if (inFlight.has(item.id)) continue;
      const run = attempt(ctx, item, abort.signal).finally(() => {
        inFlight.delete(item.id);
        // Not after close(): the catalog may be closing under us.
        if (nudgedInFlight.delete(item.id) && running) makeSessionDueNow(db, item.sessionId, stamp());
        pump();
      });
      inFlight.set(item.id, run);
    }
    const next = nextOutboxAttemptAt(db);
    if (next) timer = setTimeout(pump, Math.min(ctx.capMs, Math.max(50, Date.parse(next) - ctx.now().getTime()))).unref();
  }

  return {
    /** Begins delivering; held items get another chance (the token may have changed since). */
    start(): void {
      if (running) return;
      running = true;
      // A new run tries everything owed at once: the network or the backend may be back since the last attempt.
      makeOutboxDueNow(db, stamp());
      const released = releaseOutbox(db, stamp());
      if (released) ctx.logger.info('Held calls released for another try', { count: released });
      pump();
    },
    /** Something changed (a new item, the network is back): look now instead of at the next timer. */
    kick: pump,
    /** One session has new work (more of its recording is durable): its calls are tried now, or right after the current try. */
    nudge(sessionId: string): void {
      for (const id of makeSessionDueNow(db, sessionId, stamp())) if (inFlight.has(id)) nudgedInFlight.add(id);
      pump();
    },
    /** Everything pending is tried now, e.g. on "Retry" or when the network returns. */
    retryNow(states: ReadonlyArray<'held' | 'failed'> = ['held']): void {
      makeOutboxDueNow(db, stamp());
      releaseOutbox(db, stamp(), states);
      pump();
    },
    /** Resolves when nothing is in flight (tests, CLI). */
    async idle(): Promise<void> {
      while (inFlight.size) await Promise.allSettled([...inFlight.values()]);
    },
    async close(): Promise<void> {
      running = false;
      clearTimeout(timer);
      abort.abort();
      await settleWithin([...inFlight.values()], CLOSE_GRACE_MS);
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
