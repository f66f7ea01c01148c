// What the interviewer's in-call screen shows of a call, folded from the provider's events: who is in it (the
// candidate is the first remote participant), how good each link is, and since when this participant is in.
import type { CallError, CallEvent, NetworkQuality, Participant } from '../call/interview-call';

export type DeskCallPhase = 'idle' | 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'left';

export interface LinkQuality {
  uplink: NetworkQuality;
  downlink: NetworkQuality;
}

export interface DeskCallState {
  phase: DeskCallPhase;
  error?: CallError;
  /** Epoch ms of the first connect: the elapsed time runs from here, across reconnections. */
  joinedAt?: number;
  /** Remote participants in the order they joined. */
  remotes: Participant[];
  /** Per participant id (this one's too), the latest `quality` event. */
  quality: Record<string, LinkQuality>;
}

export type DeskCallAction =
  | { type: 'joining' }
  | { type: 'joined'; at: number }
  | { type: 'failed'; error: CallError }
  | { type: 'left' }
  | { type: 'call'; event: CallEvent };

export const initialDeskCall: DeskCallState = { phase: 'idle', remotes: [], quality: {} };

function followCall(state: DeskCallState, event: CallEvent): DeskCallState {
  switch (event.type) {
    case 'participant-joined':
    case 'participant-updated': {
      if (event.participant.isLocal) return state;
      const known = state.remotes.some((p) => p.id === event.participant.id);
      const remotes = known
        ? state.remotes.map((p) => (p.id === event.participant.id ? event.participant : p))
        : [...state.remotes, event.participant];
      return { ...state, remotes };
    }
    case 'participant-left': {
      const { [event.participantId]: _gone, ...quality } = state.quality;
      return { ...state, remotes: state.remotes.filter((p) => p.id !== event.participantId), quality };
    }
    case 'quality':
      return { ...state, quality: { ...state.quality, [event.participantId]: { uplink: event.uplink, downlink: event.downlink } } };
    case 'state':
      // Joining is the hook's business (its connect resolves or rejects); once in, the provider's states count.
      if (state.joinedAt === undefined || state.phase === 'left') return state;
      if (event.state === 'reconnecting') return { ...state, phase: 'reconnecting', error: event.error };
      if (event.state === 'connected') return { ...state, phase: 'connected', error: undefined };
      if (event.state === 'disconnected')
        return { ...state, phase: 'failed', error: event.error ?? { kind: 'dropped', detail: 'the call ended' } };
      return state;
    case 'error':
      return state;
  }
}

export function deskCallReducer(state: DeskCallState, action: DeskCallAction): DeskCallState {
  switch (action.type) {
    case 'joining':
      return { ...initialDeskCall, phase: 'connecting' };
    case 'joined':
      return { ...state, phase: 'connected', error: undefined, joinedAt: state.joinedAt ?? action.at };
    case 'failed':
      return { ...state, phase: 'failed', error: action.error };
    case 'left':
      return { ...state, phase: 'left' };
    case 'call':
      return followCall(state, action.event);
  }
}

/**
 * The participant shown large: the first remote participant still in the call who sends audio or video (a cloud
 * recording's bot joins the channel too, but sends nothing), else the first one.
 */
export const candidateOf = (state: DeskCallState): Participant | undefined =>
  state.remotes.find((p) => p.hasAudio || p.hasVideo) ?? state.remotes[0];

/**
 * One grade for a participant's link: the worse of its known directions (0 = unknown when neither is known).
 * A remote participant's uplink is 0 (unknown) with the development server: its downlink alone counts then.
 */
export function gradeOf(quality: LinkQuality | undefined): NetworkQuality {
  const known = [quality?.uplink ?? 0, quality?.downlink ?? 0].filter((q) => q > 0);
  return known.length === 0 ? 0 : (Math.max(...known) as NetworkQuality);
}
