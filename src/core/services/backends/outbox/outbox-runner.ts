import type { Database } from 'better-sqlite3';
import { setTimeout as sleep } from 'node:timers/promises';
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
import { backoffDelayMs } from '../../upload/backoff';
import { isBackendError } from '../backend-error';

/** Backoff with jitter, or longer when the backend asked for it (Retry-After). */
export function retryDelayMs(attempt: number, error: unknown, capMs: number): number {
  return Math.max(backoffDelayMs(attempt, { baseMs: 1000, capMs }), isBackendError(error) ? (error.retryAfterMs ?? 0) : 0);
}

/** How long quitting waits for deliveries under way; each is safe to repeat, so the rest go next time. */
const CLOSE_GRACE_MS = 3000;

/** A local reason the call can never be made (the recording failed, its file is gone): fails the item. */
export class Undeliverable extends Error {
  readonly retryable = false;
}

/** What one delivery attempt achieved: acknowledged, or not yet (the backend is still working; not a failure). */
export type DeliveryOutcome = { done: true } | { done: false; retryInMs: number; note?: string };

/** The call went through: the item leaves the outbox. */
export const DONE: DeliveryOutcome = { done: true };

export type Deliver = (item: OutboxItem, signal: AbortSignal) => Promise<DeliveryOutcome>;

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

/**
 * Delivers the calls that must reach a backend (stops, uploads) until each is acknowledged: across offline
 * periods with jittered backoff, and across restarts because every item and its next attempt live in SQLite.
 * A 401 holds the item until the app starts again (with, perhaps, a new token); a refusal fails it, and so does
 * an `Undeliverable` local problem. Anything else (network, 5xx, 429, an unexpected error) is retried.
 */
export function createOutbox(deps: OutboxDeps) {
  const now = deps.now ?? (() => new Date());
  const capMs = deps.capMs ?? 15_000;
  const logger = deps.logger.child('outbox');
  const inFlight = new Map<number, Promise<void>>();
  /** Items nudged while an attempt was under way: due again as soon as it ends, whatever it rescheduled. */
  const nudgedInFlight = new Set<number>();
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running = false;

  async function attempt(item: OutboxItem): Promise<void> {
    try {
      await tryDelivering(item);
      deps.onChanged?.(item.sessionId);
    } catch (error) {
      // Only at quit (the catalog closed under an attempt): the item stays owed for the next run.
      logger.warn('Delivery interrupted', { kind: item.kind, error: (error as Error).message });
    }
  }

  async function tryDelivering(item: OutboxItem): Promise<void> {
    try {
      const outcome = await deps.deliver[item.kind](item, abort.signal);
      if (outcome.done) {
        markOutboxDelivered(deps.db, item.id, now().toISOString());
        logger.info('Delivered', { kind: item.kind, sessionId: item.sessionId, attempts: item.attempts + 1 });
      } else {
        rescheduleOutbox(deps.db, item.id, {
          at: new Date(now().getTime() + outcome.retryInMs).toISOString(),
          error: outcome.note ?? null,
          counts: false,
        });
      }
    } catch (error) {
      if (abort.signal.aborted) return;
      const message = (error as Error).message;
      if ((error as { retryable?: boolean }).retryable === false) {
        const state = isBackendError(error) && error.kind === 'auth' ? 'held' : 'failed';
        settleOutbox(deps.db, item.id, state, message);
        logger.warn(state === 'held' ? 'Held until a new token' : 'Gave up', {
          kind: item.kind,
          sessionId: item.sessionId,
          error: message,
        });
        deps.onGaveUp(item, state, message);
        return;
      }
      const delay = retryDelayMs(item.attempts, error, capMs);
      rescheduleOutbox(deps.db, item.id, { at: new Date(now().getTime() + delay).toISOString(), error: message, counts: true });
      logger.info('Not delivered yet', { kind: item.kind, sessionId: item.sessionId, retryInMs: delay, error: message });
    }
  }

  function pump(): void {
    if (!running) return;
    clearTimeout(timer);
    for (const item of dueOutboxItems(deps.db, now().toISOString())) {
      if (inFlight.has(item.id)) continue;
      const run = attempt(item).finally(() => {
        inFlight.delete(item.id);
        // Not after close(): the catalog may be closing under us.
        if (nudgedInFlight.delete(item.id) && running) makeSessionDueNow(deps.db, item.sessionId, now().toISOString());
        pump();
      });
      inFlight.set(item.id, run);
    }
    const next = nextOutboxAttemptAt(deps.db);
    if (next) timer = setTimeout(pump, Math.min(capMs, Math.max(50, Date.parse(next) - now().getTime()))).unref();
  }

  return {
    /** Begins delivering; held items get another chance (the token may have changed since). */
    start(): void {
      if (running) return;
      running = true;
      // A new run tries everything owed at once: the network or the backend may be back since the last attempt.
      makeOutboxDueNow(deps.db, now().toISOString());
      const released = releaseOutbox(deps.db, now().toISOString());
      if (released) logger.info('Held calls released for another try', { count: released });
      pump();
    },
    /** Something changed (a new item, the network is back): look now instead of at the next timer. */
    kick(): void {
      pump();
    },
    /** One session has new work (more of its recording is durable): its calls are tried now, or right after the current try. */
    nudge(sessionId: string): void {
      for (const id of makeSessionDueNow(deps.db, sessionId, now().toISOString())) if (inFlight.has(id)) nudgedInFlight.add(id);
      pump();
    },
    /** Everything pending is tried now, e.g. on "Retry" or when the network returns. */
    retryNow(states: ReadonlyArray<'held' | 'failed'> = ['held']): void {
      makeOutboxDueNow(deps.db, now().toISOString());
      releaseOutbox(deps.db, now().toISOString(), states);
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
      await Promise.race([Promise.allSettled([...inFlight.values()]), sleep(CLOSE_GRACE_MS, undefined, { ref: false })]);
    },
  };
}
export type Outbox = ReturnType<typeof createOutbox>;
