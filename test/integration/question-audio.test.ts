import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { interviewScriptSchema } from '../../src/shared/interview/script';
import { questionAudio } from '../../src/core/services/interview/question-audio';
import { createSpeechSynthesizer } from '../../src/core/services/speech/speech-synthesizer';
import { findOnPath } from '../../src/core/platform/executables';
import { tempDir } from '../support/temp-dir';

const question = (audio?: string) =>
  interviewScriptSchema.parse({ id: 's', title: 't', candidateName: 'c', questions: [{ text: 'Why us?', audio }] }).questions[0]!;
const isRiff = (bytes: Uint8Array) => Buffer.from(bytes.subarray(0, 4)).toString('latin1') === 'RIFF';

let server: http.Server | undefined;
afterEach(() => server?.close());

async function serve(status: number, body: Buffer): Promise<string> {
  server = http.createServer((_req, res) => {
    res.writeHead(status, { 'Content-Type': 'audio/wav' });
    res.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/q.wav`;
}

describe('question audio', () => {
  const speech = () => createSpeechSynthesizer({ cacheDir: path.join(tempDir(), 'cache') });
  const noVoice = () => createSpeechSynthesizer({ cacheDir: path.join(tempDir(), 'cache'), env: { PATH: tempDir() } });

  it("uses the script's own file, relative to the script", async () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'q1.wav'), 'RIFF-fake-audio');
    const audio = await questionAudio(question('q1.wav'), 'en-US', dir, { speech: noVoice() });
    expect(audio).toMatchObject({ source: 'file', detail: path.join(dir, 'q1.wav') });
    expect(Buffer.from((audio as { audio: Uint8Array }).audio).toString()).toBe('RIFF-fake-audio');
  });

  it('fetches a URL', async () => {
    const url = await serve(200, Buffer.from('RIFF-from-server'));
    const audio = await questionAudio(question(url), 'en-US', undefined, { speech: noVoice() });
    expect(audio).toMatchObject({ source: 'url', detail: url });
  });

  it.runIf(findOnPath('espeak-ng'))('falls back to the OS voice when the file is missing, and says why', async () => {
    const audio = await questionAudio(question('missing.wav'), 'en-US', tempDir(), { speech: speech() });
    expect(audio.source).toBe('speech');
    expect(isRiff((audio as { audio: Uint8Array }).audio)).toBe(true);
    expect((audio as { detail: string }).detail).toMatch(/could not be loaded.*espeak-ng en-us/);
  });

  it('reports a failing URL and no voice as one reason, without throwing', async () => {
    const url = await serve(404, Buffer.from('nope'));
    const audio = await questionAudio(question(url), 'en-US', undefined, { speech: noVoice() });
    expect(audio.source).toBe('none');
    expect((audio as { reason: string }).reason).toMatch(/answered 404.*install espeak-ng/);
  });
});
