// The candidate's side of a live interview's call, apart from React: join once the recording runs, tell the core
// (its cloud recordings start only then), follow the call's state for the screen, and turn every drop into one
// proctoring event with the time it was down. Nothing here can stop or delay the recording: every failure ends
// as a status with words, never as a thrown error.
import type { LiveCall } from '../../../shared/interview/live-call';
import type { Api } from '../../../shared/ipc/client';
import type { Mark } from '../recorder/proctoring';
import { prepareCall, tokenFailure } from './call-token-source';
import { CallFailure, type CallError, type CallEvent, type CallFactory, type CallProviderName, type InterviewCall } from './interview-call';

export type LiveCallPhase = 'connecting' | 'connected' | 'reconnecting' | 'failed' | 'ended';

export interface LiveCallStatus {
  provider: CallProviderName;
  phase: LiveCallPhase;
  /** Why the call failed or is reconnecting (shown with the words of call-messages). */
  error?: CallError;
  /** Epoch ms when the call went down (reconnecting, or failed after having been connected). */
  downSince?: number;
  /** The other participant shown (the interviewer): the first remote participant still in the call. */
  remoteId?: string;
}

export interface LiveCallDeps {
  api: Pick<Api, 'getCallToken' | 'callJoined'>;
  factories: Readonly<Record<CallProviderName, CallFactory>>;
  live: LiveCall;
  /** The recording this call belongs to: told to the core once the candidate is in. */
  recordingId: string;
  participantId: string;
  displayName: string;
  /** The camera and microphone the interview records: the call publishes copies of them. */
  tracks: MediaStreamTrack[];
  mark: Mark;
  onStatus(status: LiveCallStatus): void;
  now?: () => number;
  /** After a first join that failed for a reason time can cure (unreachable, timeout), try again this much later. */
  retryMs?: number;
}

/** Failures a later attempt may get past: the service could not be reached, did not answer in time, or dropped the join. */
const RETRYABLE = new Set<CallError['kind']>(['unreachable', 'timeout', 'dropped']);
const RETRY_MS = 10_000;

const asError = (error: unknown): CallError => (error instanceof CallFailure ? error.error : tokenFailure(error).error);

/** What the screen shows of one call, and its drops as proctoring events (one per drop, with how long it lasted). */
function callTracker(deps: Pick<LiveCallDeps, 'live' | 'mark' | 'onStatus'>, now: () => number) {
  const { provider } = deps.live;
  let status: LiveCallStatus = { provider, phase: 'connecting' };
  let silent = false;
  let inCall = false;
  const remotes: string[] = [];
  const set = (changes: Partial<LiveCallStatus>) => {
    status = { ...status, ...changes, remoteId: remotes[0] };
    if (!silent) deps.onStatus(status);
  };
  /** A drop is recorded once its length is known: the call is back, or the interview ends without it. */
  const recordDrop = (recovered: boolean) => {
    if (status.downSince === undefined) return;
    const { downSince } = status;
    status = { ...status, downSince: undefined };
    deps.mark('call.dropped', {
      provider,
      downMs: now() - downSince,
      downSince: new Date(downSince).toISOString(),
      reason: status.error?.kind ?? 'dropped',
      recovered,
    });
  };
  const down = (phase: 'reconnecting' | 'failed', error: CallError | undefined) =>
    set({ phase, error: error ?? { kind: 'dropped', detail: 'the call ended' }, downSince: status.downSince ?? now() });

  return {
    status: () => status,
    set,
    connected() {
      inCall = true;
      set({ phase: 'connected', error: undefined });
    },
    /** The provider's events: participants always; its states only once in the call (joining is the loop's business). */
    follow(event: CallEvent) {
      if (event.type === 'participant-joined' && !event.participant.isLocal && !remotes.includes(event.participant.id)) {
        remotes.push(event.participant.id);
        set({});
      } else if (event.type === 'participant-left' && remotes.includes(event.participantId)) {
        remotes.splice(remotes.indexOf(event.participantId), 1);
        set({});
      } else if (event.type === 'state' && inCall) {
        if (event.state === 'reconnecting') down('reconnecting', event.error);
        else if (event.state === 'disconnected') down('failed', event.error);
        else if (event.state === 'connected') {
          recordDrop(true);
          set({ phase: 'connected', error: undefined });
        }
      }
    },
    end() {
      recordDrop(false);
      silent = true;
      status = { ...status, phase: 'ended' };
    },
  };
}

export function startLiveCall(deps: LiveCallDeps) {
  const { provider } = deps.live;
  const tracker = callTracker(deps, deps.now ?? Date.now);
  let call: InterviewCall | undefined;
  let stopped = false;

  /** One join: join information and a token from the core, then the provider's connect. */
  async function join(): Promise<void> {
    const prepared = await prepareCall(deps.api, {
      provider,
      channel: deps.live.channel,
      participantId: deps.participantId,
      displayName: deps.displayName,
    });
    if (stopped) return;
    const attempt = deps.factories[provider](prepared.join, prepared.tokens);
    call = attempt;
    const unlisten = attempt.on(tracker.follow);
    await attempt.connect({ tracks: deps.tracks, timeoutMs: prepared.timeoutMs }).catch((error: unknown) => {
      unlisten();
      throw error;
    });
  }

  // Joins until it works, or until a failure another try cannot cure; the interview records all the while.
  void (async () => {
    for (;;) {
      try {
        await join();
        if (stopped) return void call?.disconnect().catch(() => undefined);
        // The core registers the cloud recordings now; if it cannot be told, the interview still records.
        void deps.api.callJoined({ recordingId: deps.recordingId }).catch(() => undefined);
        return tracker.connected();
      } catch (error) {
        const failure = asError(error);
        tracker.set({ phase: 'failed', error: failure });
        if (!RETRYABLE.has(failure.kind)) return;
        await new Promise((resolve) => setTimeout(resolve, deps.retryMs ?? RETRY_MS));
        if (stopped) return;
      }
    }
  })();

  return {
    status: tracker.status,
    /** Shows the other participant's video and plays their audio in `element`; returns the detach. */
    attach: (participantId: string, element: HTMLVideoElement) => call?.attach(participantId, element) ?? (() => undefined),
    /** The interview ends: a drop still open is recorded (it never came back), then the call is left. */
    async stop(): Promise<void> {
      if (stopped) return;
      stopped = true;
      tracker.end();
      await call?.disconnect().catch(() => undefined);
    },
  };
}

export type LiveCallSession = ReturnType<typeof startLiveCall>;
