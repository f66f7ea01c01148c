import type { CallError, CallEvent, CallState, Participant } from '../interview-call';

/**
 * What every provider keeps the same way: the state, the participants (the local one first) and the listeners.
 * Providers translate their SDK's events into calls on this, so the events the UI sees are alike for all.
 */
export function createCallState(localId: string, displayName: string) {
  let state: CallState = 'idle';
  const listeners = new Set<(event: CallEvent) => void>();
  const people = new Map<string, Participant>();
  const local: Participant = {
    id: localId,
    displayName,
    isLocal: true,
    hasAudio: false,
    hasVideo: false,
    audioMuted: false,
    videoMuted: false,
  };

  const emit = (event: CallEvent) => {
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One listener's bug must not stop the others or the provider's own event handling.
        console.error('call listener failed', error);
      }
    }
  };

  return {
    state: () => state,
    setState(next: CallState, error?: CallError) {
      if (next === state && !error) return;
      state = next;
      emit(error ? { type: 'state', state: next, error } : { type: 'state', state: next });
    },
    emit,
    on(listener: (event: CallEvent) => void) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
    participants: (): Participant[] => [{ ...local }, ...[...people.values()].map((p) => ({ ...p }))],
    local,
    /** Adds a remote participant, or changes one; emits joined or updated. */
    upsert(id: string, change: Partial<Omit<Participant, 'id' | 'isLocal'>>) {
      const known = people.get(id);
      const next: Participant = known
        ? { ...known, ...change }
        : { id, isLocal: false, hasAudio: false, hasVideo: false, audioMuted: false, videoMuted: false, ...change };
      people.set(id, next);
      emit(known ? { type: 'participant-updated', participant: { ...next } } : { type: 'participant-joined', participant: { ...next } });
    },
    remove(id: string) {
      if (people.delete(id)) emit({ type: 'participant-left', participantId: id });
    },
    /** Everyone else is gone once this participant has left the call. */
    clearRemote() {
      for (const id of [...people.keys()]) this.remove(id);
    },
  };
}

export type CallStateStore = ReturnType<typeof createCallState>;
