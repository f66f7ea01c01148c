import { events, type EventName, type EventPayload } from '../shared/ipc/contract';

export type EventListener = (event: EventName, payload: unknown) => void;

/** Main → renderer events, validated against the contract before any transport sees them. */
export interface EventBus {
  emit<E extends EventName>(event: E, payload: EventPayload<E>): void;
  subscribe(listener: EventListener): () => void;
}

export function createEventBus(): EventBus {
  const listeners = new Set<EventListener>();
  return {
    emit(event, payload) {
      const checked = events[event].parse(payload);
      for (const listener of listeners) listener(event, checked);
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
