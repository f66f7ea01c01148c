// The signalling side of the development call server: WebSockets on DEV_CALL_WS_PATH of the backend's HTTP
// server. A connection must `join` with a valid token within JOIN_WINDOW_MS; then it offers its publishing
// connection, answers the server's offers of the others' media, trickles candidates, reports mute changes, renews
// its token before it expires, and leaves. Protocol errors, bad tokens and a full room end it with an `error`.
import type http from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocket, WebSocketServer } from 'ws';
import {
  DEV_CALL_CLOSE,
  DEV_CALL_WS_PATH,
  type DevCallClientMessage,
  type DevCallErrorCode,
  type DevCallServerMessage,
  parseDevCallClientMessage,
} from '../../../src/shared/call/dev-call-protocol';
import { Member } from './member';
import { loadWebRtc } from './peer';
import type { Rooms } from './rooms';
import { type CallTokenClaims, verifyCallToken } from './tokens';

const JOIN_WINDOW_MS = 10_000;
const HEARTBEAT_MS = 10_000;
const CLOSE_CODES: Record<DevCallErrorCode, number> = {
  auth: DEV_CALL_CLOSE.auth,
  rejected: DEV_CALL_CLOSE.rejected,
  replaced: DEV_CALL_CLOSE.replaced,
  'bad-request': DEV_CALL_CLOSE.badRequest,
};

/** Only loopback names: a page on another site cannot reach this server through DNS rebinding. */
const LOOPBACK_HOST = /^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/;

class Connection {
  member: Member | undefined;
  alive = true;
  private publisher = false;
  private joining = false;
  private readonly joinTimer: NodeJS.Timeout;
  private expiryTimer: NodeJS.Timeout | undefined;

  constructor(
    readonly ws: WebSocket,
    private readonly rooms: Rooms,
    private readonly secret: Buffer,
  ) {
    this.joinTimer = setTimeout(() => this.fail('bad-request', `no join within ${JOIN_WINDOW_MS / 1000} s`), JOIN_WINDOW_MS);
    ws.on('pong', () => (this.alive = true));
    ws.on('message', (data, isBinary) => {
      const parsed = isBinary
        ? ({ ok: false, error: 'binary messages are not part of the protocol' } as const)
        : parseDevCallClientMessage(String(data));
      if (!parsed.ok) return this.fail('bad-request', parsed.error);
      this.handle(parsed.message).catch((error: unknown) => this.fail('bad-request', (error as Error).message));
    });
    ws.on('close', () => this.ended());
  }

  send(message: DevCallServerMessage): void {
    if (this.ws.readyState === WebSocket.OPEN) this.ws.send(JSON.stringify(message));
  }

  fail(code: DevCallErrorCode, message: string): void {
    this.send({ type: 'error', code, message });
    this.ws.close(CLOSE_CODES[code], message.slice(0, 120));
    this.ended();
  }

  private ended(): void {
    clearTimeout(this.joinTimer);
    clearTimeout(this.expiryTimer);
    if (this.member) this.rooms.leave(this.member);
  }

  /** A valid token is good until its expiry; past it, without a renewal, the participant is put out. */
  private acceptToken(token: string, room: string, participantId: string): CallTokenClaims | undefined {
    const check = verifyCallToken(this.secret, token, { room, participantId });
    if (!check.ok) return void this.fail('auth', `token refused: ${check.reason}`);
    const { expiresAt } = check.claims;
    clearTimeout(this.expiryTimer);
    const expired = () => this.fail('auth', `the token expired at ${new Date(expiresAt).toISOString()} and was not renewed`);
    this.expiryTimer = setTimeout(expired, expiresAt - Date.now());
    return check.claims;
  }

  private async join(message: Extract<DevCallClientMessage, { type: 'join' }>): Promise<void> {
    const claims = this.acceptToken(message.token, message.room, message.participantId);
    if (!claims) return;
    clearTimeout(this.joinTimer);
    await loadWebRtc();
    if (this.ws.readyState !== WebSocket.OPEN) return;
    this.publisher = claims.role === 'publisher';
    const { participantId: id, displayName, audioMuted, videoMuted } = message;
    const [hasAudio, hasVideo] = [message.hasAudio && this.publisher, message.hasVideo && this.publisher];
    const member = new Member(message.room, { id, displayName, hasAudio, hasVideo, audioMuted, videoMuted }, this);
    const result = this.rooms.join(member, claims.expiresAt, (old) =>
      old.kick('replaced', 'the same participant joined again from another connection'),
    );
    if (!result.ok) return void member.close().then(() => this.fail('rejected', result.reason));
    this.member = member;
  }

  private renew(member: Member, token: string): void {
    const claims = this.acceptToken(token, member.room, member.id);
    if (claims) this.send({ type: 'renewed', expiresAt: claims.expiresAt });
  }

  private async handle(message: DevCallClientMessage): Promise<void> {
    const member = this.member;
    if (message.type === 'join') {
      if (member || this.joining) return this.fail('bad-request', 'already joined');
      this.joining = true;
      return this.join(message);
    }
    if (!member) return this.fail('bad-request', `"${message.type}" before "join"`);
    if (message.type === 'offer') {
      if (!this.publisher) return this.fail('rejected', "this participant's token allows watching, not publishing");
      await member.publish(message.sdp);
    } else if (message.type === 'answer') await member.acceptAnswer(message.from, message.sdp);
    else if (message.type === 'candidate') await member.addCandidate(message.from, message.candidate);
    else if (message.type === 'renew') this.renew(member, message.token);
    else if (message.type === 'leave') this.ws.close(1000, 'left');
    else {
      member.info = { ...member.info, [message.kind === 'audio' ? 'audioMuted' : 'videoMuted']: message.muted };
      this.rooms.updated(member);
    }
  }
}

export interface CallSignalling {
  close(): Promise<void>;
}

/** Serves the call signalling on `server`'s upgrade requests to DEV_CALL_WS_PATH. */
export function attachCallSignalling(server: http.Server, rooms: Rooms, secret: Buffer): CallSignalling {
  const wss = new WebSocketServer({ noServer: true, maxPayload: 256 * 1024 });
  const connections = new Set<Connection>();
  const onUpgrade = (req: http.IncomingMessage, socket: Duplex, head: Buffer) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname !== DEV_CALL_WS_PATH || !LOOPBACK_HOST.test(req.headers.host ?? '')) {
      socket.end('HTTP/1.1 404 Not Found\r\nConnection: close\r\n\r\n');
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const connection = new Connection(ws, rooms, secret);
      connections.add(connection);
      ws.on('close', () => connections.delete(connection));
    });
  };
  server.on('upgrade', onUpgrade);
  // A browser that vanished without closing its socket is noticed by a missed pong.
  const heartbeat = setInterval(() => {
    for (const connection of connections) {
      if (!connection.alive) connection.ws.terminate();
      connection.alive = false;
      connection.ws.ping();
    }
  }, HEARTBEAT_MS);
  heartbeat.unref();

  return {
    async close() {
      server.off('upgrade', onUpgrade);
      clearInterval(heartbeat);
      // Like a crashed server: sockets are cut, not closed politely, so clients see a drop and reconnect.
      for (const connection of connections) connection.ws.terminate();
      await Promise.all(rooms.members().map((member) => (rooms.leave(member), member.close())));
      await new Promise<void>((resolve) => wss.close(() => resolve()));
    },
  };
}
