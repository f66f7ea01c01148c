import { events, type EventName, type EventPayload } from '../shared/ipc/contract';
import { redactWith, type Redact } from '../shared/redact';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Main → renderer events, validated against the contract and redacted before any transport sees them. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

/**
 * `redact` is the core's (its known secrets): events carry servers' words (a cloud session's error, an upload's
 * message) to the renderer, the browser host's event stream and the CLI. Redaction keeps a payload's shape.
 */
export function createEventBus(redact: Redact = redactWith([])): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const checked = redact(events[event].parse(payload));
      for (const listener of listeners) listener(event, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
