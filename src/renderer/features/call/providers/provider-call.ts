import {
  CallFailure,
  type CallError,
  type CallProviderName,
  type CallStats,
  type CallToken,
  type ConnectOptions,
  type InterviewCall,
  type JoinInfo,
  type TokenSource,
} from '../interview-call';
import { createCallState, type CallStateStore } from './call-state';
import { withJoinTimeout } from './join-timeout';
import { cloneForCall, stopClones } from './local-tracks';
import { createRemoteMedia, type RemoteMedia } from './remote-media';

export type PublishedClones = ReturnType<typeof cloneForCall>;

/** What a provider's SDK session hands the shared call: the few SDK calls, already translated. */
export interface ProviderSession {
  /** Joins the channel or room; rejects with the SDK's error (see `failure`). */
  join(token: CallToken): Promise<void>;
  publish(clones: PublishedClones): Promise<void>;
  /** Leaves (also half-joined) and drops the SDK's listeners; never rejects. */
  leave(): Promise<void>;
  setMuted(kind: 'audio' | 'video', muted: boolean): Promise<void>;
  transportStats(): Promise<Pick<CallStats, 'rttMs' | 'sendBitsPerSecond' | 'receiveBitsPerSecond'>>;
  /** The SDK's join or publish error in the closed set, with its code in `detail`. */
  failure(error: unknown, during: 'join' | 'publish'): CallError;
  /** What it publishes when that is not the clones: Agora's native SDK captures the camera and microphone itself. */
  publishes?: { audio: boolean; video: boolean };
}

/** What a session reports into: the shared state, the received media and the end of the call. */
export interface SessionContext {
  join: JoinInfo;
  tokens: TokenSource;
  store: CallStateStore;
  media: RemoteMedia;
  /** The SDK ended the call (kicked, dropped, token expired); ignored once this session is no longer current. */
  ended(error: CallError): void;
}

const detailOf = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error)).slice(0, 300);

/** A fresh token; a failure to get one is the call's failure (the token source says why, as a CallFailure or not). */
export async function freshToken(tokens: TokenSource, join: JoinInfo): Promise<CallToken> {
  try {
    return await tokens(join);
  } catch (error) {
    throw error instanceof CallFailure ? error : new CallFailure({ kind: 'auth', detail: `token: ${detailOf(error)}` });
  }
}

const loaded = new Map<() => Promise<unknown>, Promise<unknown>>();

/** An SDK loaded once per page; one that cannot load (a missing chunk, an old runtime) is `unsupported`, and tried again next time. */
export async function loadOnce<T>(load: () => Promise<T>, name: string): Promise<T> {
  let pending = loaded.get(load) as Promise<T> | undefined;
  if (!pending) {
    pending = load();
    loaded.set(load, pending);
  }
  try {
    return await pending;
  } catch (error) {
    loaded.delete(load);
    throw new CallFailure({ kind: 'unsupported', detail: `${name} could not be loaded: ${detailOf(error)}` });
  }
}

const NAMES: Record<CallProviderName, string> = { agora: 'Agora', livekit: 'LiveKit', dev: 'the development call server' };

/** The mutable part of one call: its current session and what it published. */
interface CallParts {
  provider: CallProviderName;
  join: JoinInfo;
  tokens: TokenSource;
  openSession: (context: SessionContext) => Promise<ProviderSession>;
  store: CallStateStore;
  media: RemoteMedia;
  session?: ProviderSession;
  clones: PublishedClones;
}

/** Leaves and forgets the session; `error` says why when it was not asked for. */
async function end(parts: CallParts, error?: CallError): Promise<void> {
  const leaving = parts.session;
  parts.session = undefined;
  await leaving?.leave();
  stopClones(parts.clones);
  parts.clones = {};
  parts.media.clear();
  parts.store.clearRemote();
  Object.assign(parts.store.local, { hasAudio: false, hasVideo: false });
  parts.store.setState('disconnected', error);
}

/**
 * Loading the SDK, token, join and publish, all within the join timeout: what the person waits for is the whole
 * of it (a token endpoint can hang as well as the SDK).
 */
async function connectSession(parts: CallParts, options: ConnectOptions): Promise<void> {
  const { join, tokens, store, media } = parts;
  const timeout: CallError = { kind: 'timeout', detail: `no answer from ${NAMES[parts.provider]} within ${options.timeoutMs} ms` };
  const opening: { session?: ProviderSession } = {};
  // Once given up, the steps still under way must not start the next one (a join on a client that has left).
  let abandoned = false;
  const stillWanted = () => {
    if (abandoned) throw new CallFailure(timeout);
  };
  const ended = (error: CallError) => void (opening.session && parts.session === opening.session && end(parts, error));
  const steps = async () => {
    const opened = await parts.openSession({ join, tokens, store, media, ended });
    if (abandoned) await opened.leave();
    stillWanted();
    opening.session = parts.session = opened;
    const token = await freshToken(tokens, join);
    stillWanted();
    await opened.join(token).catch((error: unknown) => {
      throw new CallFailure(opened.failure(error, 'join'));
    });
    stillWanted();
    parts.clones = cloneForCall(options.tracks);
    await opened.publish(parts.clones).catch((error: unknown) => {
      throw new CallFailure(opened.failure(error, 'publish'));
    });
  };
  const giveUp = async () => {
    abandoned = true;
    await opening.session?.leave();
  };
  await withJoinTimeout(steps(), options.timeoutMs, giveUp, timeout);
  const { audio, video } = parts.session?.publishes ?? { audio: Boolean(parts.clones.audio), video: Boolean(parts.clones.video) };
  Object.assign(store.local, { hasAudio: audio, hasVideo: video, audioMuted: false, videoMuted: false });
}

/**
 * The part of `InterviewCall` that is the same for every provider — connect with its own timeout, publish clones,
 * disconnect, reconnect, participants, attach, stats — around a provider's `ProviderSession`. A new session (a new
 * SDK client or room) is made for every connect, so a reconnect never inherits a broken one.
 */
export function createProviderCall(
  provider: CallProviderName,
  join: JoinInfo,
  tokens: TokenSource,
  openSession: (context: SessionContext) => Promise<ProviderSession>,
): InterviewCall {
  const store = createCallState(join.participantId, join.displayName);
  const parts: CallParts = { provider, join, tokens, openSession, store, media: createRemoteMedia(), clones: {} };
  let lastOptions: ConnectOptions | undefined;

  const call: InterviewCall = {
    provider,
    state: () => store.state(),
    async connect(options) {
      if (parts.session) throw new CallFailure({ kind: 'rejected', detail: `already ${store.state()}` });
      lastOptions = options;
      store.setState('connecting');
      try {
        await connectSession(parts, options);
        store.setState('connected');
      } catch (error) {
        const failure = error instanceof CallFailure ? error : new CallFailure({ kind: 'rejected', detail: detailOf(error) });
        await end(parts, failure.error);
        throw failure;
      }
    },
    disconnect: () => end(parts),
    async reconnect() {
      if (!lastOptions) throw new CallFailure({ kind: 'rejected', detail: 'reconnect before connect' });
      await end(parts);
      await call.connect(lastOptions);
    },
    async setMuted(kind, muted) {
      await parts.session?.setMuted(kind, muted);
      store.local[kind === 'audio' ? 'audioMuted' : 'videoMuted'] = muted;
    },
    participants: () => store.participants(),
    attach: (participantId, element) => parts.media.attach(participantId, element),
    async stats() {
      const transport: Partial<CallStats> = (await parts.session?.transportStats().catch(() => ({}))) ?? {};
      const video = await parts.media.videoStats();
      const receiveBitsPerSecond = transport.receiveBitsPerSecond ?? video.receiveBitsPerSecond;
      return { ...transport, receiveBitsPerSecond, framesDecoded: video.framesDecoded, packetsLost: video.packetsLost };
    },
    on: (listener) => store.on(listener),
  };
  return call;
}
