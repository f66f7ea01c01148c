import type { Config } from '../../../../shared/config/schema';
import type { CallBackend, CallSession, CloudSession } from '../../../../shared/domain/cloud';
import type { CloudSessionChanges } from '../../catalog/queries/cloud-sessions';
import type { InterviewLinks } from '../../catalog/queries/interviews';
import type { OutboxItem, OutboxKind } from '../../catalog/queries/outbox';
import type { BackendClients } from '../backend-clients';
import type { DeliveryOutcome } from '../outbox/delivery';

/** What a new session row of a recorder holds: where it records, and the backend's own extras. */
export interface RecorderTarget {
  target: string;
  uid?: string;
  scheduleId?: string | null;
}

export interface RecorderDeps {
  clients: BackendClients;
  settings: Config['backends'];
  update(sessionId: string, changes: CloudSessionChanges): void;
  now(): Date;
}

/**
 * One cloud backend that records the call (Agora, LiveKit, …): everything the cloud service needs to know about
 * it, so that the service, the registration loop and the outbox never ask which backend a session is.
 */
export interface CloudRecorder<S extends CallSession = CallSession> {
  readonly backend: S['backend'];
  /** The outbox call that stops its recordings. */
  readonly stopKind: OutboxKind;
  /** The session an interview's links ask of this backend, or undefined when they name none. */
  plan(links: InterviewLinks): RecorderTarget | undefined;
  /** Asks the backend to record; the changes hold its handle of the recording. */
  start(session: S): Promise<CloudSessionChanges>;
  /**
   * A start whose answer was lost (timeout, reset) may have worked: the recording it made since `sinceMs`, if
   * any, so that a second start does not run unstopped beside it (or get refused as a duplicate).
   */
  findStarted(session: S, sinceMs: number): Promise<CloudSessionChanges | undefined>;
  /**
   * A recording of `where`'s call the backend already runs, whoever started it (another computer, another run),
   * so that the interviewer's start joins it instead of adding a second bot; undefined when the backend cannot
   * tell for sure.
   */
  findRunning(where: RecorderTarget): Promise<RunningRecording | undefined>;
  /** One health report of a running recording: its status, and an error when it is not recording. */
  health(session: S): Promise<CloudSessionChanges>;
  /** The outbox delivery of a stop; safe to repeat (a stop whose answer was lost is recognised). */
  stop(session: S, item: OutboxItem): Promise<DeliveryOutcome>;
}

/** A recording of the call that already runs on the backend, however it was started: its bot's uid and handle. */
export interface RunningRecording {
  uid?: string;
  changes: CloudSessionChanges;
}

/** One recorder per call backend: adding a provider is one file and one entry in `createRecorders`. */
export type Recorders = { readonly [B in CallBackend]: CloudRecorder<Extract<CallSession, { backend: B }>> };

export const isCallSession = (session: CloudSession): session is CallSession => session.backend !== 'media';

/** The recorder of a session's backend (the registry is keyed by the same discriminant, so this cannot mismatch). */
export function recorderFor<S extends CallSession>(recorders: Recorders, session: S): CloudRecorder<S> {
  return recorders[session.backend] as unknown as CloudRecorder<S>;
}
