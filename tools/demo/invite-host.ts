// The interviewer's invite for `npm run demo -- --live --interviewer`: the candidate's script on a loopback HTTP
// server standing in for the recruiter's invite host, and the interviewer's deep link to it.
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface InviteHost {
  /** host:port, for the interviewer app's `interview.inviteHosts`. */
  host: string;
  /** interview-recorder://interview?script=…&role=interviewer&name=… */
  link(name: string): string;
  close(): Promise<void>;
}

/** As the interviewer's app fetches it: without question audio (a linked script has no folder for audio files; the desk plays none). */
function interviewerScript(script: object): object {
  const { questions, ...rest } = script as { questions: Array<{ audio?: string }> };
  return { ...rest, questions: questions.map(({ audio: _audio, ...question }) => question) };
}

export async function serveInvite(script: object): Promise<InviteHost> {
  const body = JSON.stringify(interviewerScript(script));
  const server = http.createServer((req, res) => {
    const found = req.url === '/interview.json';
    res.writeHead(found ? 200 : 404, { 'Content-Type': 'application/json' }).end(found ? body : '{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    host,
    link: (name) =>
      `interview-recorder://interview?script=${encodeURIComponent(`http://${host}/interview.json`)}&role=interviewer&name=${encodeURIComponent(name)}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
