/**
 * A small typed emitter a service exposes (`recording.on('stopped', …)`): services say what happened, the
 * pipeline decides what follows. A listener that throws is reported, never allowed to break the service.
 */
export interface ServiceEvents<Events extends Record<string, unknown>> {
  on<E extends keyof Events>(event: E, listener: (payload: Events[E]) => void): () => void;
}

export interface ServiceEmitter<Events extends Record<string, unknown>> extends ServiceEvents<Events> {
  emit<E extends keyof Events>(event: E, payload: Events[E]): void;
}

export function createServiceEmitter<Events extends Record<string, unknown>>(
  onListenerError: (event: string, error: unknown) => void = () => undefined,
): ServiceEmitter<Events> {
  const listeners = new Map<keyof Events, Set<(payload: never) => void>>();
  return {
    on(event, listener) {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
    emit(event, payload) {
      for (const listener of listeners.get(event) ?? []) {
        try {
          (listener as (payload: Events[typeof event]) => void)(payload);
        } catch (error) {
          onListenerError(String(event), error);
        }
      }
    },
  };
}
