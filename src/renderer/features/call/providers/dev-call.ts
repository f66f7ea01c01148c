// The InterviewCall for the development call server (tools/dev-backend/call/): plain WebSocket signalling and the
// browser's own RTCPeerConnection, no SDK. Unlike the SDK providers it reconnects by itself (nothing underneath does
// it), and renews its token before the server would put it out. It publishes clones of the given tracks, so muting
// or leaving never touches the tracks the interview records.
import {
  type CallError,
  CallFailure,
  type CallStats,
  type CallToken,
  type ConnectOptions,
  type InterviewCall,
  type JoinInfo,
  type Participant,
  type TokenSource,
} from '../interview-call';
import { createCallState, type CallStateStore } from './call-state';
import { asCallError, isTerminal } from './dev-call-errors';
import { reconnectWithBackoff } from './dev-call-recovery';
import { rosterEvents } from './dev-call-roster';
import { collectStats, QualityReporter } from './dev-call-monitor';
import { DevCallSession, devCallSignallingUrl, type SessionEvents } from './dev-call-session';
import { withJoinTimeout } from './join-timeout';
import { cloneForCall } from './local-tracks';
import { freshToken } from './provider-call';
import { createRemoteMedia } from './remote-media';
import { renewalDelayMs } from './token-renewal';

export interface DevCallOptions {
  /** Keep trying to reconnect this long after a drop before giving up with `dropped` (default 5 minutes). */
  reconnectForMs?: number;
}

class DevCall implements InterviewCall {
  readonly provider = 'dev' as const;
  private readonly store: CallStateStore;
  private readonly media = createRemoteMedia();
  private readonly quality: QualityReporter;
  private session: DevCallSession | undefined;
  /** The session being opened, so that leaving can cut it short. */
  private opening: DevCallSession | undefined;
  private token: CallToken | undefined;
  private published: MediaStreamTrack[] = [];
  private muted = { audio: false, video: false };
  private timeoutMs = 15_000;
  private run: AbortController | undefined;
  private recovering: Promise<CallError | undefined> | undefined;
  private renewTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly join: JoinInfo,
    private readonly tokens: TokenSource,
    private readonly options: DevCallOptions,
  ) {
    this.store = createCallState(join.participantId, join.displayName);
    this.quality = new QualityReporter(join.participantId, () => this.session, this.store.emit);
  }

  state = () => this.store.state();
  on = (listener: Parameters<InterviewCall['on']>[0]) => this.store.on(listener);
  participants = (): Participant[] => this.store.participants();
  attach = (participantId: string, element: HTMLVideoElement) => this.media.attach(participantId, element);
  stats = (): Promise<CallStats> => collectStats(this.session, this.quality);

  async connect({ tracks, timeoutMs }: ConnectOptions): Promise<void> {
    const state = this.store.state();
    if (state !== 'idle' && state !== 'disconnected') throw new CallFailure({ kind: 'rejected', detail: `already ${state}` });
    this.timeoutMs = timeoutMs;
    this.run = new AbortController();
    const clones = cloneForCall(tracks);
    this.published = [clones.audio, clones.video].filter((t): t is MediaStreamTrack => t !== undefined);
    this.published.forEach((track) => (track.enabled = !this.muted[track.kind as 'audio' | 'video']));
    Object.assign(this.store.local, {
      hasAudio: !!clones.audio,
      hasVideo: !!clones.video,
      audioMuted: this.muted.audio,
      videoMuted: this.muted.video,
    });
    this.store.setState('connecting');
    try {
      await this.openSession();
    } catch (error) {
      const reason = asCallError(error, 'unreachable', 'joining the development call server failed');
      this.finish(reason);
      throw new CallFailure(reason);
    }
    this.store.setState('connected');
    this.quality.start();
  }

  async disconnect(): Promise<void> {
    const state = this.store.state();
    if (state !== 'idle' && state !== 'disconnected') this.finish();
  }

  async reconnect(): Promise<void> {
    const state = this.store.state();
    if (state === 'idle' || state === 'disconnected') throw new CallFailure({ kind: 'rejected', detail: 'reconnect before connect' });
    if (!this.recovering) {
      this.session?.close();
      this.session = undefined;
    }
    const failed = await this.recover({ kind: 'dropped', detail: 'a reconnect was asked for' });
    if (failed) throw new CallFailure(failed);
  }

  async setMuted(kind: 'audio' | 'video', muted: boolean): Promise<void> {
    this.muted = { ...this.muted, [kind]: muted };
    for (const track of this.published) if (track.kind === kind) track.enabled = !muted;
    this.session?.send({ type: 'mute', kind, muted });
    this.store.local[kind === 'audio' ? 'audioMuted' : 'videoMuted'] = muted;
    this.store.emit({ type: 'participant-updated', participant: { ...this.store.local } });
  }

  /** One attempt to join and publish (the token too), within the connect timeout. */
  private async openSession(): Promise<void> {
    const timeout: CallError = { kind: 'timeout', detail: `the development call server did not let us in within ${this.timeoutMs} ms` };
    let session: DevCallSession | undefined;
    let abandoned = false;
    const attempt = async () => {
      const token = await this.currentToken();
      if (abandoned || this.run?.signal.aborted) throw new CallFailure(timeout);
      this.opening = session = new DevCallSession({
        url: devCallSignallingUrl(this.join.serverUrl),
        join: this.join,
        token: token.token,
        tracks: this.published,
        muted: this.muted,
        events: this.sessionEvents(),
      });
      await session.started;
      return session;
    };
    const giveUp = async () => {
      abandoned = true;
      session?.close();
    };
    try {
      this.session = await withJoinTimeout(attempt(), this.timeoutMs, giveUp, timeout);
    } finally {
      this.opening = undefined;
    }
    this.quality.reset();
  }

  private sessionEvents(): SessionEvents {
    return {
      ...rosterEvents(this.store, this.media),
      tokenAccepted: (expiresAt) => this.scheduleRenewal(expiresAt),
      ended: (error) => {
        this.session = undefined;
        this.media.clear();
        if (isTerminal(error)) this.finish(error);
        else void this.recover(error);
      },
    };
  }

  /** The token in hand unless it is within its renewal margin, else a new one from the TokenSource. */
  private async currentToken(): Promise<CallToken> {
    const held = this.token;
    if (held && (held.expiresAt === undefined || renewalDelayMs(held.expiresAt, Date.now()) > 0)) return held;
    this.token = await freshToken(this.tokens, this.join);
    return this.token;
  }

  private scheduleRenewal(expiresAt: number): void {
    clearTimeout(this.renewTimer);
    this.renewTimer = setTimeout(() => void this.renew(expiresAt), renewalDelayMs(expiresAt, Date.now()));
  }

  /** A new token handed to the server (it answers `renewed`, which schedules the next); retried until the old one ends. */
  private async renew(expiresAt: number): Promise<void> {
    try {
      this.token = await freshToken(this.tokens, this.join);
      this.session?.send({ type: 'renew', token: this.token.token });
    } catch (error) {
      this.store.emit({ type: 'error', error: asCallError(error, 'auth', 'renewing the call token failed') });
      const left = expiresAt - Date.now();
      if (left > 0) this.renewTimer = setTimeout(() => void this.renew(expiresAt), Math.min(5_000, left));
    }
  }

  /** Reconnects with backoff until it works, trying again cannot help, or time is up; the error if it gave up. */
  private recover(cause: CallError): Promise<CallError | undefined> {
    this.recovering ??= this.reconnectLoop(cause).finally(() => (this.recovering = undefined));
    return this.recovering;
  }

  private async reconnectLoop(cause: CallError): Promise<CallError | undefined> {
    const signal = this.run!.signal;
    this.store.setState('reconnecting', cause);
    const hooks = { attempt: () => this.openSession(), forgetToken: () => (this.token = undefined) };
    const failed = await reconnectWithBackoff(cause, hooks, { signal, giveUpAt: Date.now() + (this.options.reconnectForMs ?? 5 * 60_000) });
    if (signal.aborted) return failed;
    if (failed) this.finish(failed);
    else this.store.setState('connected');
    return failed;
  }

  /** Ends everything this call opened; the tracks it was given are untouched (it stops only its own clones). */
  private finish(error?: CallError): void {
    this.run?.abort(new CallFailure({ kind: 'dropped', detail: 'the call ended' }));
    clearTimeout(this.renewTimer);
    this.quality.stop();
    this.opening?.close();
    this.session?.close();
    this.session = undefined;
    for (const track of this.published) track.stop();
    this.published = [];
    this.media.clear();
    this.store.clearRemote();
    this.store.setState('disconnected', error);
  }
}

/** A `CallFactory` for the development call server (`join.serverUrl`: its backend's base URL or signalling URL). */
export const createDevCall = (join: JoinInfo, tokens: TokenSource, options: DevCallOptions = {}): InterviewCall =>
  new DevCall(join, tokens, options);
