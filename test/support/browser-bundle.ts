import { build } from 'esbuild';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ServedBundle {
  /** The page's URL on 127.0.0.1: an empty document that runs the bundle. */
  url: string;
  close(): Promise<void>;
}

/**
 * Bundles `entry` (a test page's script: it imports real renderer modules and SDKs) for the browser and serves it
 * on loopback as the only script of an otherwise empty page, so a real Chromium can run renderer code that the app
 * has no screen for yet. Served over http://127.0.0.1, a secure context, so getUserMedia and WebRTC work.
 */
export async function serveBrowserBundle(entry: string): Promise<ServedBundle> {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  });
  const script = result.outputFiles[0]!.contents;
  const page =
    '<!doctype html><html><head><meta charset="utf-8"></head><body><script type="module" src="/bundle.js"></script></body></html>';
  const server = http.createServer((req, res) => {
    if (req.url === '/bundle.js') {
      res.writeHead(200, { 'Content-Type': 'text/javascript; charset=utf-8', 'Cache-Control': 'no-store' });
      return void res.end(script);
    }
    res.writeHead(req.url === '/' ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(req.url === '/' ? page : 'Not found');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
