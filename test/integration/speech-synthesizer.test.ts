import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOnPath } from '../../src/core/platform/executables';
import { espeakVoices } from '../../src/core/services/speech/engines';
import { createSpeechSynthesizer, type SpeechResult } from '../../src/core/services/speech/speech-synthesizer';
import { tempDir } from '../support/temp-dir';

const espeakNg = process.platform === 'linux' ? findOnPath('espeak-ng') : null;

/** Seconds of audio, from the header: data chunk size / byte rate. */
function wavSeconds(wav: Buffer): number {
  expect(wav.toString('latin1', 0, 4)).toBe('RIFF');
  expect(wav.toString('latin1', 8, 12)).toBe('WAVE');
  let byteRate = 0;
  for (let offset = 12; offset + 8 <= wav.length;) {
    const id = wav.toString('latin1', offset, offset + 4);
    const size = wav.readUInt32LE(offset + 4);
    if (id === 'fmt ') byteRate = wav.readUInt32LE(offset + 16);
    if (id === 'data') return size / byteRate;
    offset += 8 + size + (size % 2);
  }
  throw new Error('no data chunk');
}

function expectOk(result: SpeechResult): Extract<SpeechResult, { ok: true }> {
  if (!result.ok) throw new Error(`expected speech, got: ${result.reason}`);
  return result;
}

/** A fake `espeak-ng` first on PATH, running `body` as a POSIX shell script. */
function fakeEspeak(body: string): Record<string, string | undefined> {
  const dir = tempDir('irec-fake-espeak-');
  fs.writeFileSync(path.join(dir, 'espeak-ng'), `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return { PATH: `${dir}${path.delimiter}${process.env.PATH ?? ''}` };
}

const wavFiles = (dir: string) => fs.readdirSync(dir);

describe('locale to eSpeak voice', () => {
  it('lower-cases, collapses a region equal to the language, and ends with English', () => {
    expect(espeakVoices('en-US')).toEqual(['en-us', 'en']);
    expect(espeakVoices('en-GB')).toEqual(['en-gb', 'en']);
    expect(espeakVoices('de-DE')).toEqual(['de', 'en']);
    expect(espeakVoices('th-TH')).toEqual(['th', 'en']);
    expect(espeakVoices('pt_BR')).toEqual(['pt-br', 'pt', 'en']);
    expect(espeakVoices('-w /etc/passwd')).toEqual(['wetcpasswd', 'en']);
    expect(espeakVoices('')).toEqual(['en']);
  });
});

describe.runIf(espeakNg)('speech synthesis with espeak-ng', () => {
  it('speaks a sentence into a WAV of plausible length, then serves it from the cache', async () => {
    const cacheDir = path.join(tempDir(), 'speech-cache');
    const speech = createSpeechSynthesizer({ cacheDir });
    expect(speech.engine()).toEqual({ available: true, engine: 'espeak-ng' });

    const text = 'Tell me about a project you are proud of.';
    const first = expectOk(await speech.synthesize(text, 'en-US'));
    expect(first).toMatchObject({ engine: 'espeak-ng', voice: 'en-us', cached: false });
    expect(wavSeconds(first.wav)).toBeGreaterThan(0.5);
    expect(wavSeconds(first.wav)).toBeLessThan(10);

    const second = expectOk(await speech.synthesize(text, 'en-US'));
    expect(second).toMatchObject({ engine: 'espeak-ng', voice: 'en-us', cached: true });
    expect(second.wav.equals(first.wav)).toBe(true);
    expect(wavFiles(cacheDir)).toEqual([expect.stringMatching(/^[0-9a-f]{64}\.wav$/)]);

    // A cache hit never runs the engine: one that would fail still yields the cached bytes.
    const broken = createSpeechSynthesizer({ cacheDir, env: fakeEspeak('exit 1') });
    expect(expectOk(await broken.synthesize(text, 'en-US')).cached).toBe(true);
  });

  it('speaks shell metacharacters instead of running them', async () => {
    const dir = tempDir();
    const marker = path.join(dir, 'pwned');
    const text = `"; touch ${marker}; echo '$(touch ${marker})' \`touch ${marker}\` $$ | rm -rf ${dir} &&\ntouch ${marker} # "; touch /tmp/pwned-$$; echo '$(id)'`;
    const result = expectOk(await createSpeechSynthesizer({ cacheDir: path.join(dir, 'cache') }).synthesize(text, 'en-US'));
    expect(wavSeconds(result.wav)).toBeGreaterThan(0.5);
    expect(fs.existsSync(marker)).toBe(false);
    expect(fs.existsSync(path.join(dir, 'cache'))).toBe(true);
  });

  it('speaks text that starts with a dash, not as an option', async () => {
    const result = await createSpeechSynthesizer({ cacheDir: tempDir() }).synthesize('-v xx -w /dev/null hello', 'en-US');
    expect(wavSeconds(expectOk(result).wav)).toBeGreaterThan(0.5);
  });

  it('falls back from an unknown locale to a working voice, and caches under that voice', async () => {
    const cacheDir = tempDir();
    const speech = createSpeechSynthesizer({ cacheDir });
    const first = expectOk(await speech.synthesize('What is your greatest strength?', 'xx-YY'));
    expect(first).toMatchObject({ engine: 'espeak-ng', voice: 'en', cached: false });
    expect(wavSeconds(first.wav)).toBeGreaterThan(0.5);
    expect(await speech.synthesize('What is your greatest strength?', 'xx-YY')).toMatchObject({ ok: true, voice: 'en', cached: true });
    expect(wavFiles(cacheDir)).toHaveLength(1);
  });

  it('uses the base language when only that voice exists', async () => {
    const result = expectOk(await createSpeechSynthesizer({ cacheDir: tempDir() }).synthesize('Guten Tag.', 'de-AT'));
    expect(['de-at', 'de']).toContain(result.voice);
  });

  it('falls back to plain espeak when espeak-ng is not on PATH', () => {
    const dir = tempDir();
    fs.symlinkSync(espeakNg!, path.join(dir, 'espeak'));
    const speech = createSpeechSynthesizer({ cacheDir: tempDir(), platform: 'linux', env: { PATH: dir } });
    expect(speech.engine()).toEqual({ available: true, engine: 'espeak' });
  });
});

describe('speech synthesis refusals', () => {
  it('says how to install espeak-ng when no engine is on PATH', async () => {
    const speech = createSpeechSynthesizer({ cacheDir: tempDir(), platform: 'linux', env: { PATH: tempDir() } });
    const engine = speech.engine();
    expect(engine.available).toBe(false);
    expect(!engine.available && engine.reason).toMatch(
      /No speech synthesizer found: install espeak-ng \(Debian: apt-get install espeak-ng/,
    );
    const result = await speech.synthesize('Hello there.', 'en-US');
    expect(result).toEqual({ ok: false, reason: expect.stringContaining('espeak-ng') });
  });

  it('names the missing built-in voice on macOS and Windows', () => {
    const env = { PATH: tempDir() };
    const mac = createSpeechSynthesizer({ cacheDir: tempDir(), platform: 'darwin', env }).engine();
    const windows = createSpeechSynthesizer({ cacheDir: tempDir(), platform: 'win32', env }).engine();
    expect(mac).toEqual({ available: false, reason: expect.stringMatching(/built-in voice.*`say`/) });
    expect(windows).toEqual({ available: false, reason: expect.stringMatching(/powershell\.exe.*built-in System\.Speech voice/) });
  });

  it('refuses empty and over-long text without running an engine', async () => {
    const cacheDir = path.join(tempDir(), 'cache');
    const speech = createSpeechSynthesizer({ cacheDir, env: fakeEspeak('exit 1') });
    expect(await speech.synthesize('', 'en-US')).toEqual({ ok: false, reason: 'Nothing to say: the question text is empty.' });
    expect(await speech.synthesize(' \n\t ', 'en-US')).toEqual({ ok: false, reason: 'Nothing to say: the question text is empty.' });
    const long = await speech.synthesize('a'.repeat(2001), 'en-US');
    expect(long).toEqual({ ok: false, reason: expect.stringMatching(/too long.*2001 characters.*2000/) });
    expect(fs.existsSync(cacheDir)).toBe(false);
  });
});

// Fake engines are POSIX shell scripts.
describe.skipIf(process.platform === 'win32')('engine failures are results, not exceptions', () => {
  it('reports an engine that exits with an error, naming it, and leaves no temp file', async () => {
    const cacheDir = tempDir();
    const speech = createSpeechSynthesizer({
      cacheDir,
      platform: 'linux',
      env: fakeEspeak('echo "boom: audio device on fire" >&2; exit 1'),
    });
    const result = await speech.synthesize('Hello there.', 'en-US');
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/espeak-ng.*exited with code 1: boom: audio device on fire/) });
    expect(wavFiles(cacheDir)).toEqual([]);
  });

  it('reports an engine that writes something other than a WAV file', async () => {
    const cacheDir = tempDir();
    const script = 'while [ $# -gt 0 ]; do if [ "$1" = -w ]; then printf "not a wav file" > "$2"; fi; shift; done';
    const result = await createSpeechSynthesizer({ cacheDir, platform: 'linux', env: fakeEspeak(script) }).synthesize('Hi there.', 'en-US');
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/espeak-ng did not produce a valid WAV/) });
    expect(wavFiles(cacheDir)).toEqual([]);
  });

  it('tries the next voice only when the engine rejects the voice', async () => {
    const script = 'echo "Error: The specified espeak-ng voice does not exist." >&2; exit 1';
    const result = await createSpeechSynthesizer({ cacheDir: tempDir(), platform: 'linux', env: fakeEspeak(script) }).synthesize(
      'Hi.',
      'fr-CA',
    );
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/espeak-ng failed with voice en: .*voice does not exist/) });
  });

  it('stops an engine that hangs and reports the timeout', async () => {
    const env = fakeEspeak('exec sleep 30');
    const started = Date.now();
    const result = await createSpeechSynthesizer({ cacheDir: tempDir(), platform: 'linux', env, timeoutMs: 300 }).synthesize(
      'Hi.',
      'en-US',
    );
    expect(result).toEqual({ ok: false, reason: expect.stringMatching(/espeak-ng.*timed out after 300 ms/) });
    expect(Date.now() - started).toBeLessThan(5000);
  });
});
