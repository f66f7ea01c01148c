// `POST /call/token {channel, participantId, role?, ttlSeconds?}` → `{token, expiresAt}` (ISO 8601): the same
// contract as the Agora and LiveKit call-token routes (docs/backends.md, "Call tokens"), here for the development
// call server. No auth: loopback development only. `ttlSeconds` is a development extra for tests.
import { isObject } from '../context';
import type { Faults } from '../faults';
import type { Backend, DevReply } from '../types';
import { DEFAULT_TOKEN_TTL_SECONDS, MAX_TOKEN_TTL_SECONDS, mintCallToken } from './tokens';

const error = (status: number, message: string): DevReply => ({ status, body: { error: message } });
const isName = (value: unknown): value is string => typeof value === 'string' && value.length >= 1 && value.length <= 128;

function mint(secret: Buffer, body: unknown): DevReply {
  if (!isObject(body)) return error(400, 'Expected a JSON object {channel, participantId, role}');
  const { channel, participantId, role = 'publisher', ttlSeconds = DEFAULT_TOKEN_TTL_SECONDS } = body;
  if (!isName(channel)) return error(400, 'channel: a string of 1 to 128 characters');
  if (!isName(participantId)) return error(400, 'participantId: a string of 1 to 128 characters');
  if (role !== 'publisher' && role !== 'subscriber') return error(400, 'role: publisher or subscriber');
  if (typeof ttlSeconds !== 'number' || !Number.isInteger(ttlSeconds) || ttlSeconds < 1 || ttlSeconds > MAX_TOKEN_TTL_SECONDS) {
    return error(400, `ttlSeconds: an integer from 1 to ${MAX_TOKEN_TTL_SECONDS}`);
  }
  const expiresAt = Date.now() + ttlSeconds * 1000;
  const token = mintCallToken(secret, { room: channel, participantId, role, expiresAt });
  return { status: 200, body: { token, expiresAt: new Date(expiresAt).toISOString() } };
}

export function callBackend(secret: Buffer, faults: Faults): Backend {
  return {
    name: 'call',
    prefix: '/call',
    error,
    routes: [
      { method: 'POST', pattern: /^\/token$/, endpoint: 'token', handle: async (req) => mint(secret, req.malformed ? null : req.body) },
    ],
    async dispatch(route, req, params) {
      if (faults.take('call', route.endpoint, ['http500'])) return error(500, 'Internal server error');
      return route.handle(req, params);
    },
  };
}
