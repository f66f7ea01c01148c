import { headerLines, startEchoServer, type EchoServer } from './echo-server';

const xmlEscape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * An S3 stand-in that refuses every call with an S3-style XML error whose Message echoes the request's headers
 * (Authorization with `Credential=AKIA…`, `X-Amz-Security-Token`), as some S3-compatible stores and proxies do.
 */
export function startEchoS3(refusal: { status: number; code: string }): Promise<EchoServer> {
  return startEchoServer((req, res) => {
    const message = `Request refused. The request carried:\n${headerLines(req.headers)}`;
    res.writeHead(refusal.status, { 'Content-Type': 'application/xml' });
    res.end(
      `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${refusal.code}</Code><Message>${xmlEscape(message)}</Message>` +
        `<Resource>${xmlEscape(req.url ?? '/')}</Resource><RequestId>echo-1</RequestId></Error>`,
    );
  });
}
