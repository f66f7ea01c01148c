import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import { listenForTest } from './loopback-server';

const CREDENTIAL_HEADER = /^(authorization|x-amz-security-token)$/i;

/** A loopback HTTP server whose every answer is written by `answer`; closed when the test ends. */
export interface EchoServer {
  url: string;
  /** How many requests arrived (a test that expects echoes must first see that calls were made). */
  requests(): number;
}

/**
 * The request's headers as "Name: value" lines — what a careless server or proxy puts into its error text, and
 * with it the Authorization header, the session token and the key id the client signed with.
 */
export const headerLines = (headers: IncomingHttpHeaders): string =>
  Object.entries(headers)
    // Credentials first: a server that cuts its text short still shows them.
    .sort(([a], [b]) => Number(!CREDENTIAL_HEADER.test(a)) - Number(!CREDENTIAL_HEADER.test(b)))
    .map(([name, value]) => `${name}: ${Array.isArray(value) ? value.join(', ') : value}`)
    .join('\n');

export async function startEchoServer(answer: (req: IncomingMessage, res: ServerResponse) => void): Promise<EchoServer> {
  let count = 0;
  const server = http.createServer((req, res) => {
    count += 1;
    // The body is drained first: the client sees the answer as a reply, not a reset.
    req.resume();
    req.on('end', () => answer(req, res));
  });
  const url = await listenForTest(server);
  return { url, requests: () => count };
}
