// One stay in a development-server room: the signalling WebSocket, the connection that publishes this
// participant's tracks, and one connection per other participant that carries their media here. A session never
// comes back after it ends: the provider (dev-call.ts) opens a new one to reconnect.
import { createSerialQueue } from '../../../../shared/async/serial-queue';
import {
  DEV_CALL_WS_PATH,
  type DevCallClientMessage,
  type DevCallParticipant,
  type DevCallServerMessage,
  parseDevCallServerMessage,
} from '../../../../shared/call/dev-call-protocol';
import { type CallError, CallFailure, type JoinInfo } from '../interview-call';
import { closedSocketError, serverError } from './dev-call-errors';

/** The signalling URL from `serverUrl`: the backend's base URL (http:, https:) or the WebSocket URL itself. */
export function devCallSignallingUrl(serverUrl: string | undefined): string {
  if (!URL.canParse(serverUrl ?? '')) {
    throw new CallFailure({ kind: 'unreachable', detail: `the development call server's URL is missing or invalid: "${serverUrl ?? ''}"` });
  }
  const url = new URL(serverUrl!);
  url.protocol = url.protocol.replace(/^http/, 'ws');
  if (url.pathname === '/' || url.pathname === '') url.pathname = DEV_CALL_WS_PATH;
  return url.toString();
}

/** How long the publishing connection may stay `disconnected` before the call counts as dropped. */
const MEDIA_GRACE_MS = 5_000;

export interface SessionEvents {
  joined(participants: DevCallParticipant[]): void;
  participantJoined(participant: DevCallParticipant): void;
  participantLeft(participantId: string): void;
  participantUpdated(participant: DevCallParticipant): void;
  /** A track of `participantId`'s media arrived on its connection. */
  remoteTrack(participantId: string, track: MediaStreamTrack): void;
  /** The server accepted a token: it is good until `expiresAt` (epoch ms). */
  tokenAccepted(expiresAt: number): void;
  /** The session is over without `close()`: the server put it out, the socket or the media connection dropped. */
  ended(error: CallError): void;
}

export interface SessionOptions {
  url: string;
  join: JoinInfo;
  token: string;
  /** This session's own copies of the tracks to publish. */
  tracks: MediaStreamTrack[];
  muted: { audio: boolean; video: boolean };
  events: SessionEvents;
}

export class DevCallSession {
  readonly subscriptions = new Map<string, RTCPeerConnection>();
  publishing: RTCPeerConnection | undefined;
  private readonly ws: WebSocket;
  private readonly queue = createSerialQueue();
  private opened = false;
  private established = false;
  private finished = false;
  private serverSaid: CallError | undefined;
  private mediaGrace: ReturnType<typeof setTimeout> | undefined;
  private settle: { resolve: () => void; reject: (error: CallFailure) => void } | undefined;
  /** Resolves once joined and publishing (the media connection is up); rejects with the reason it could not. */
  readonly started: Promise<void>;

  constructor(private readonly options: SessionOptions) {
    this.started = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.ws = new WebSocket(options.url);
    this.ws.onopen = () => this.onOpen();
    this.ws.onmessage = (event) => this.onMessage(event.data);
    this.ws.onclose = (event) => this.end(this.serverSaid ?? closedSocketError(options.url, this.opened, event.code, event.reason));
  }

  send(message: DevCallClientMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  /** Leaves the room and ends every connection; no `ended` event follows. */
  close(): void {
    if (this.finished) return;
    this.send({ type: 'leave' });
    this.finish();
    this.settle?.reject(new CallFailure({ kind: 'dropped', detail: 'the call was left before it was joined' }));
  }

  private onOpen(): void {
    this.opened = true;
    const { join, token, tracks, muted } = this.options;
    const has = (kind: string) => tracks.some((track) => track.kind === kind);
    this.send({
      type: 'join',
      room: join.channel,
      participantId: join.participantId,
      displayName: join.displayName,
      token,
      hasAudio: has('audio'),
      hasVideo: has('video'),
      audioMuted: muted.audio,
      videoMuted: muted.video,
    });
  }

  private onMessage(data: unknown): void {
    const parsed = parseDevCallServerMessage(String(data));
    if (!parsed.ok) return this.end({ kind: 'rejected', detail: `the development call server sent ${parsed.error}` });
    // In order: a subscription's candidates and answers must follow its offer.
    this.queue
      .run(() => this.handle(parsed.message))
      .catch((error: unknown) => this.end({ kind: 'dropped', detail: `signalling failed: ${(error as Error).message}` }));
  }

  private async handle(message: DevCallServerMessage): Promise<void> {
    const { events } = this.options;
    if (this.finished) return;
    if (message.type === 'joined') {
      events.tokenAccepted(message.expiresAt);
      events.joined(message.participants);
      await this.publish();
    } else if (message.type === 'answer') await this.publishing?.setRemoteDescription({ type: 'answer', sdp: message.sdp });
    else if (message.type === 'offer') await this.subscribe(message.from, message.sdp);
    else if (message.type === 'participant-joined') events.participantJoined(message.participant);
    else if (message.type === 'participant-updated') events.participantUpdated(message.participant);
    else if (message.type === 'participant-left') {
      this.subscriptions.get(message.participantId)?.close();
      this.subscriptions.delete(message.participantId);
      events.participantLeft(message.participantId);
    } else if (message.type === 'renewed') events.tokenAccepted(message.expiresAt);
    // The socket closes next; its close event ends the session with this reason.
    else this.serverSaid = serverError(message.code, message.message);
  }

  private async publish(): Promise<void> {
    // Someone who only watches has nothing to publish: being in the room is all there is to wait for.
    if (this.options.tracks.length === 0) return this.joinedAndPublishing();
    const pc = new RTCPeerConnection({ iceServers: [] });
    this.publishing = pc;
    for (const track of this.options.tracks) pc.addTransceiver(track, { direction: 'sendonly' });
    pc.onicecandidate = ({ candidate }) => candidate && this.send({ type: 'candidate', candidate: candidate.toJSON() as Candidate });
    pc.onconnectionstatechange = () => {
      clearTimeout(this.mediaGrace);
      const lost = () => this.end(this.mediaLost());
      if (pc.connectionState === 'connected') this.joinedAndPublishing();
      else if (pc.connectionState === 'failed') lost();
      // `disconnected` may heal by itself (a few lost consent checks); if it does not soon, the call has dropped.
      else if (pc.connectionState === 'disconnected') this.mediaGrace = setTimeout(lost, MEDIA_GRACE_MS);
    };
    await pc.setLocalDescription(await pc.createOffer());
    this.send({ type: 'offer', sdp: pc.localDescription!.sdp });
  }

  private async subscribe(from: string, sdp: string): Promise<void> {
    this.subscriptions.get(from)?.close();
    const pc = new RTCPeerConnection({ iceServers: [] });
    this.subscriptions.set(from, pc);
    pc.ontrack = ({ track }) => this.options.events.remoteTrack(from, track);
    pc.onicecandidate = ({ candidate }) => candidate && this.send({ type: 'candidate', from, candidate: candidate.toJSON() as Candidate });
    await pc.setRemoteDescription({ type: 'offer', sdp });
    await pc.setLocalDescription(await pc.createAnswer());
    this.send({ type: 'answer', from, sdp: pc.localDescription!.sdp });
  }

  private mediaLost(): CallError {
    return this.established
      ? { kind: 'dropped', detail: 'the media connection to the development call server was lost' }
      : {
          kind: 'unreachable',
          detail:
            'no media connection to the development call server (UDP blocked? Chromium needs --allow-loopback-in-peer-connection on a machine with no other interface)',
        };
  }

  private joinedAndPublishing(): void {
    this.established = true;
    this.settle?.resolve();
    this.settle = undefined;
  }

  private end(error: CallError): void {
    if (this.finished) return;
    this.finish();
    if (this.settle) this.settle.reject(new CallFailure(error));
    else if (this.established) this.options.events.ended(error);
    this.settle = undefined;
  }

  private finish(): void {
    this.finished = true;
    clearTimeout(this.mediaGrace);
    this.ws.onclose = null;
    this.ws.close();
    this.publishing?.close();
    for (const pc of this.subscriptions.values()) pc.close();
    this.subscriptions.clear();
  }
}

type Candidate = { candidate: string; sdpMid?: string | null; sdpMLineIndex?: number | null };
