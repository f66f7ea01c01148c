import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { interviewScriptSchema } from '../../src/shared/interview/script';
import { MAX_AUDIO_BYTES, questionAudio } from '../../src/core/services/interview/question-audio';
import { readScriptFile } from '../../src/core/services/interview/script-file';
import { pinnedFetch } from '../../src/core/services/interview/pinned-fetch';
import { safeFetch } from '../../src/core/services/interview/safe-fetch';
import { createSpeechSynthesizer } from '../../src/core/services/speech/speech-synthesizer';
import { tempDir } from '../support/temp-dir';

const posix = process.platform !== 'win32';
const question = (audio: string) =>
  interviewScriptSchema.parse({ id: 's', title: 't', candidateName: 'c', questions: [{ text: 'Why us?', audio }] }).questions[0]!;
const noVoice = () => createSpeechSynthesizer({ cacheDir: path.join(tempDir(), 'cache'), env: { PATH: tempDir() } });
const reasonOf = (audio: Awaited<ReturnType<typeof questionAudio>>) => {
  expect(audio.source).toBe('none');
  return (audio as { reason: string }).reason;
};

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function serve(handler: http.RequestListener): Promise<string> {
  server = http.createServer(handler);
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

/** A fetch that records every URL asked for, then passes the call on (or answers itself). */
function countingFetch(answer?: (url: string) => Response): { fetch: typeof fetch; urls: string[] } {
  const urls: string[] = [];
  const wrapped = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = String(input);
    urls.push(url);
    return answer ? answer(url) : fetch(url, init);
  }) as typeof fetch;
  return { fetch: wrapped, urls };
}

describe("a script's audio file is confined to the script's folder", () => {
  it.runIf(posix)('refuses a symlink to /etc/passwd inside the folder, returning none of it', async () => {
    const dir = tempDir();
    fs.symlinkSync('/etc/passwd', path.join(dir, 'q1.wav'));
    const reason = reasonOf(await questionAudio(question('q1.wav'), 'en-US', dir, { speech: noVoice() }));
    expect(reason).toMatch(/q1\.wav leads outside the script's folder/);
    expect(reason).not.toContain('root:');
  });

  it.runIf(posix)('refuses /dev/zero and a FIFO without reading: fast, and memory does not grow', async () => {
    const dir = tempDir();
    fs.symlinkSync('/dev/zero', path.join(dir, 'zero.wav'));
    execFileSync('mkfifo', [path.join(dir, 'pipe.wav')]);
    const rssBefore = process.memoryUsage().rss;
    const started = Date.now();
    await expect(readScriptFile('/dev', 'zero', MAX_AUDIO_BYTES)).rejects.toThrow(/zero is not a regular file/);
    await expect(readScriptFile(dir, 'pipe.wav', MAX_AUDIO_BYTES)).rejects.toThrow(/pipe\.wav is not a regular file/);
    expect(reasonOf(await questionAudio(question('zero.wav'), 'en-US', dir, { speech: noVoice() }))).toMatch(/leads outside/);
    expect(Date.now() - started).toBeLessThan(2000);
    expect(process.memoryUsage().rss - rssBefore).toBeLessThan(20 * 1024 * 1024);
  });

  it('refuses a file over the cap by its size, before reading it', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'big.wav');
    fs.writeFileSync(file, '');
    fs.truncateSync(file, MAX_AUDIO_BYTES + 1); // sparse: nothing to read, only a size
    const reason = reasonOf(await questionAudio(question('big.wav'), 'en-US', dir, { speech: noVoice() }));
    expect(reason).toMatch(/big\.wav is larger than 26214400 bytes/);
  });

  it('still reads a plain file in a subfolder', async () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'audio'));
    fs.writeFileSync(path.join(dir, 'audio', 'q1.wav'), 'RIFF-fake');
    const audio = await questionAudio(question('audio/q1.wav'), 'en-US', dir, { speech: noVoice() });
    expect(audio).toMatchObject({ source: 'file', detail: path.join(dir, 'audio', 'q1.wav') });
  });
});

describe("a script's audio URL is fetched defensively", () => {
  it('cuts a server that streams endlessly at the cap', async () => {
    let sent = 0;
    const base = await serve((_req, res) => {
      const chunk = Buffer.alloc(64 * 1024);
      const pump = () => {
        while (!res.destroyed && res.write(chunk)) sent += chunk.length;
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
    await expect(safeFetch(`${base}/endless.wav`, { maxBytes: 1024 * 1024 })).rejects.toThrow(
      /sent more than 1048576 bytes; stopped reading/,
    );
    expect(sent).toBeLessThan(16 * 1024 * 1024);
  });

  it('refuses early by Content-Length', async () => {
    const base = await serve((_req, res) => {
      res.writeHead(200, { 'Content-Length': String(MAX_AUDIO_BYTES + 1) });
      res.write('RIFF');
    });
    const reason = reasonOf(await questionAudio(question(`${base}/big.wav`), 'en-US', undefined, { speech: noVoice() }));
    expect(reason).toMatch(/is larger than 26214400 bytes \(Content-Length 26214401\)/);
  });

  it.each(['https://169.254.169.254/latest/meta-data', 'http://169.254.169.254/latest/meta-data'])(
    'refuses a redirect to %s without a request there',
    async (target) => {
      const base = await serve((_req, res) => res.writeHead(302, { Location: target }).end());
      const counting = countingFetch();
      const reason = reasonOf(
        await questionAudio(question(`${base}/q.wav`), 'en-US', undefined, { speech: noVoice(), fetch: counting.fetch }),
      );
      expect(reason).toMatch(/169\.254\.169\.254/);
      expect(counting.urls).toEqual([`${base}/q.wav`]);
    },
  );

  it('follows at most 3 redirects, each checked', async () => {
    const base = await serve((req, res) => res.writeHead(302, { Location: `${req.url}x` }).end());
    const counting = countingFetch();
    await expect(safeFetch(`${base}/q`, { maxBytes: 1024, fetch: counting.fetch })).rejects.toThrow(/redirected more than 3 times/);
    expect(counting.urls).toEqual([`${base}/q`, `${base}/qx`, `${base}/qxx`, `${base}/qxxx`]);
  });

  it('refuses an https URL whose host resolves to a private address, without a request', async () => {
    const counting = countingFetch(() => new Response('RIFF'));
    const resolve = async () => [
      { address: '93.184.216.34', family: 4 },
      { address: '10.0.0.7', family: 4 },
    ];
    const reason = reasonOf(
      await questionAudio(question('https://cdn.example/q.mp3'), 'en-US', undefined, { speech: noVoice(), fetch: counting.fetch, resolve }),
    );
    expect(reason).toMatch(/cdn\.example resolves to 10\.0\.0\.7, a private, link-local or local address/);
    expect(counting.urls).toEqual([]);
  });

  it('fetches from a private network only when configuration opened that network', async () => {
    const counting = countingFetch(() => new Response('RIFF-intranet'));
    const resolve = async () => [{ address: '10.20.3.4', family: 4 }];
    const fetchWith = (allowedNetworks: string[]) =>
      questionAudio(question('https://audio.corp.example/q.mp3'), 'en-US', undefined, {
        speech: noVoice(),
        fetch: counting.fetch,
        resolve,
        allowedNetworks,
      });
    expect(reasonOf(await fetchWith(['10.99.0.0/16']))).toMatch(/resolves to 10\.20\.3\.4.*interview\.allowedPrivateNetworks/);
    expect(counting.urls).toEqual([]);
    const audio = await fetchWith(['10.20.0.0/16']);
    expect(Buffer.from((audio as { audio: Uint8Array }).audio).toString()).toBe('RIFF-intranet');
    expect(counting.urls).toEqual(['https://audio.corp.example/q.mp3']);
  });

  it('fetches an https URL whose host is public', async () => {
    const counting = countingFetch(() => new Response('RIFF-public'));
    const resolve = async () => [{ address: '93.184.216.34', family: 4 }];
    const audio = await questionAudio(question('https://cdn.example/q.mp3'), 'en-US', undefined, {
      speech: noVoice(),
      fetch: counting.fetch,
      resolve,
    });
    expect(audio).toMatchObject({ source: 'url', detail: 'https://cdn.example/q.mp3' });
    expect(Buffer.from((audio as { audio: Uint8Array }).audio).toString()).toBe('RIFF-public');
  });

  it('connects to the address that was checked, not to a second DNS answer', async () => {
    const base = await serve((req, res) => res.end(`RIFF ${req.headers.host}`));
    const port = new URL(base).port;
    // "audio.invalid" cannot resolve; reaching the server proves the connection used the pinned address.
    const response = await pinnedFetch(
      new URL(`http://audio.invalid:${port}/q.wav`),
      { address: '127.0.0.1', family: 4 },
      AbortSignal.timeout(2000),
    );
    expect(await response.text()).toBe(`RIFF audio.invalid:${port}`);
  });

  it('gives up on a server that never answers, at the timeout', async () => {
    const base = await serve(() => undefined);
    const started = Date.now();
    await expect(safeFetch(`${base}/slow.wav`, { maxBytes: 1024, timeoutMs: 300 })).rejects.toThrow();
    expect(Date.now() - started).toBeLessThan(3000);
  });
});
