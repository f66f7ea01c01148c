import { AppError } from '../../../errors/app-error';
import type { OutboxItem } from '../../catalog/queries/outbox';

/** A local reason the call can never be made (the recording failed, its file is gone): fails the item. */
export class Undeliverable extends AppError {
  constructor(message: string) {
    super('BACKEND_ERROR', message, { retryable: false, details: { undeliverable: true } });
  }
}

/** What one delivery attempt achieved: acknowledged, or not yet (the backend is still working; not a failure). */
export type DeliveryOutcome = { done: true } | { done: false; retryInMs: number; note?: string };

/** The call went through: the item leaves the outbox. */
export const DONE: DeliveryOutcome = { done: true };

/** Not yet, and not a failure: look again in a while that grows with the time already waited (1 s to 30 s). */
export function stillWorking(sinceMs: number, note: string): DeliveryOutcome {
  return { done: false, retryInMs: Math.min(30_000, Math.max(1000, sinceMs / 4)), note };
}

export type Deliver = (item: OutboxItem, signal: AbortSignal) => Promise<DeliveryOutcome>;
