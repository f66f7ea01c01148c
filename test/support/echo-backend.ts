import { headerLines, startEchoServer, type EchoServer } from './echo-server';

export interface EchoBackendReply {
  status: number;
  /** json: the contract's `{error, code}` with the headers in `error`; text: a plain-text page of them. */
  format: 'json' | 'text';
  /** Sent as the JSON body instead of an echo (a call that goes through, e.g. a start before a refused stop). */
  body?: unknown;
}

/**
 * A recording backend (the LiveKit contract's error shape) that answers every call with `reply()`'s status and a
 * body echoing the request's headers, `Authorization: Bearer <token>` among them.
 */
export function startEchoBackend(reply: () => EchoBackendReply): Promise<EchoServer> {
  return startEchoServer((req, res) => {
    const { status, format, body } = reply();
    if (body !== undefined) {
      res.writeHead(status, { 'Content-Type': 'application/json' });
      return void res.end(JSON.stringify(body));
    }
    const echoed = `Refused ${req.method} ${req.url}; headers were:\n${headerLines(req.headers)}`;
    if (format === 'text') {
      res.writeHead(status, { 'Content-Type': 'text/plain' });
      return void res.end(echoed);
    }
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(
      JSON.stringify({ error: echoed, code: status === 401 ? 'UNAUTHORIZED' : status === 400 ? 'INVALID_REQUEST' : 'INTERNAL_ERROR' }),
    );
  });
}
