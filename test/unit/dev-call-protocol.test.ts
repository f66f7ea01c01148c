import { describe, expect, it } from 'vitest';
import { parseDevCallClientMessage, parseDevCallServerMessage } from '../../src/shared/call/dev-call-protocol';
import { closedSocketError, isTerminal, serverError } from '../../src/renderer/features/call/providers/dev-call-errors';
import { devCallSignallingUrl } from '../../src/renderer/features/call/providers/dev-call-session';

const join = {
  type: 'join',
  room: 'interview-1',
  participantId: 'candidate-7',
  displayName: 'Ada',
  token: 'abc.def',
  hasAudio: true,
  hasVideo: true,
  audioMuted: false,
  videoMuted: false,
};
const text = (value: unknown) => JSON.stringify(value);

describe('development call signalling: client messages', () => {
  it('accepts each message of the protocol', () => {
    const messages = [
      join,
      { type: 'offer', sdp: 'v=0\r\n' },
      { type: 'answer', from: 'interviewer', sdp: 'v=0\r\n' },
      { type: 'candidate', candidate: { candidate: 'candidate:1 1 udp 1 127.0.0.1 5000 typ host', sdpMid: '0', sdpMLineIndex: 0 } },
      { type: 'candidate', from: 'interviewer', candidate: { candidate: '', sdpMid: null, sdpMLineIndex: null } },
      { type: 'mute', kind: 'video', muted: true },
      { type: 'renew', token: 'abc.def' },
      { type: 'leave' },
    ];
    for (const message of messages) expect(parseDevCallClientMessage(text(message))).toEqual({ ok: true, message });
  });

  it('drops fields the protocol does not have (a browser candidate carries usernameFragment)', () => {
    const parsed = parseDevCallClientMessage(text({ type: 'candidate', candidate: { candidate: 'c', usernameFragment: 'u' }, extra: 1 }));
    expect(parsed).toEqual({ ok: true, message: { type: 'candidate', candidate: { candidate: 'c' } } });
  });

  it('says in words what is wrong with a message', () => {
    expect(parseDevCallClientMessage('{not json')).toEqual({ ok: false, error: 'the message is not JSON' });
    expect(parseDevCallClientMessage(text({ ...join, token: undefined }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('at token'),
    });
    expect(parseDevCallClientMessage(text({ ...join, room: '' }))).toMatchObject({ ok: false, error: expect.stringContaining('at room') });
    expect(parseDevCallClientMessage(text({ type: 'dance' }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('invalid message'),
    });
    expect(parseDevCallClientMessage(text({ type: 'mute', kind: 'screen', muted: true }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('at kind'),
    });
    expect(parseDevCallClientMessage(text({ type: 'offer', sdp: 'x'.repeat(100_001) }))).toMatchObject({
      ok: false,
      error: expect.stringContaining('at sdp'),
    });
    expect(parseDevCallClientMessage(text([join]))).toMatchObject({ ok: false });
  });
});

describe('development call signalling: server messages', () => {
  const participant = { id: 'b', displayName: 'B', hasAudio: true, hasVideo: false, audioMuted: false, videoMuted: false };

  it('accepts what the server sends', () => {
    const messages = [
      { type: 'joined', participantId: 'a', participants: [participant], expiresAt: 1_900_000_000_000 },
      { type: 'offer', from: 'b', sdp: 'v=0\r\n' },
      { type: 'participant-updated', participant: { ...participant, audioMuted: true } },
      { type: 'participant-left', participantId: 'b' },
      { type: 'error', code: 'auth', message: 'token refused: the token expired at …' },
    ];
    for (const message of messages) expect(parseDevCallServerMessage(text(message))).toEqual({ ok: true, message });
  });

  it('refuses an unknown error code and a participant without its media flags', () => {
    expect(parseDevCallServerMessage(text({ type: 'error', code: 'teapot', message: '' }))).toMatchObject({ ok: false });
    expect(parseDevCallServerMessage(text({ type: 'participant-joined', participant: { id: 'b', displayName: 'B' } }))).toMatchObject({
      ok: false,
    });
  });
});

describe('development call errors in the closed set', () => {
  it('maps the server’s codes: replaced is kicked, a bad request is rejected', () => {
    expect(serverError('auth', 'token refused')).toEqual({ kind: 'auth', detail: 'token refused' });
    expect(serverError('rejected', 'room full').kind).toBe('rejected');
    expect(serverError('replaced', 'joined elsewhere').kind).toBe('kicked');
    expect(serverError('bad-request', 'invalid message').kind).toBe('rejected');
  });

  it('tells a server that was never reached from a call that dropped', () => {
    expect(closedSocketError('ws://127.0.0.1:9/call/ws', false, 1006, '')).toEqual({
      kind: 'unreachable',
      detail: 'cannot reach the development call server at ws://127.0.0.1:9/call/ws (WebSocket closed with code 1006)',
    });
    expect(closedSocketError('ws://127.0.0.1:9/call/ws', true, 1001, 'going away')).toMatchObject({
      kind: 'dropped',
      detail: expect.stringContaining('1001: going away'),
    });
  });

  it('retries drops and timeouts, not refusals', () => {
    expect(isTerminal({ kind: 'dropped', detail: '' })).toBe(false);
    expect(isTerminal({ kind: 'unreachable', detail: '' })).toBe(false);
    expect(isTerminal({ kind: 'kicked', detail: '' })).toBe(true);
    expect(isTerminal({ kind: 'rejected', detail: '' })).toBe(true);
  });
});

describe('development call server URL', () => {
  it('takes the backend’s base URL or the signalling URL itself', () => {
    expect(devCallSignallingUrl('http://127.0.0.1:8000')).toBe('ws://127.0.0.1:8000/call/ws');
    expect(devCallSignallingUrl('https://calls.example.test/')).toBe('wss://calls.example.test/call/ws');
    expect(devCallSignallingUrl('ws://127.0.0.1:8000/call/ws')).toBe('ws://127.0.0.1:8000/call/ws');
  });

  it('calls a missing or broken URL unreachable, naming it', () => {
    expect(() => devCallSignallingUrl(undefined)).toThrow(
      expect.objectContaining({ error: expect.objectContaining({ kind: 'unreachable' }) }),
    );
    expect(() => devCallSignallingUrl('not a url')).toThrow('"not a url"');
  });
});
