import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { makeFilePrivate, makePrivateDir } from '../../platform/private-fs';
import { chooseEngine, type EngineCommand, type SpeechEngine } from './engines';

export type SpeechResult = { ok: true; wav: Buffer; engine: string; voice: string; cached: boolean } | { ok: false; reason: string }; // one human sentence saying what is missing and how to get it

export interface SpeechSynthesizerOptions {
  cacheDir: string; // WAV cache folder (created on demand)
  platform?: NodeJS.Platform; // default process.platform
  env?: Readonly<Record<string, string | undefined>>; // default process.env (PATH lookup)
  timeoutMs?: number; // per synthesis, default 20000
}

export interface SpeechSynthesizer {
  /** Which engine would be used, or why none is available. Cheap; no synthesis. */
  engine(): { available: true; engine: string } | { available: false; reason: string };
  synthesize(text: string, locale: string): Promise<SpeechResult>;
}

export const MAX_SPEECH_CHARS = 2000;
const DEFAULT_TIMEOUT_MS = 20_000;
const STDERR_LIMIT = 4000;

type Attempt = { ok: true; wav: Buffer } | { ok: false; reason: string; voiceRejected: boolean };

function textProblem(text: string): string | null {
  if (text.trim() === '') return 'Nothing to say: the question text is empty.';
  if (text.length > MAX_SPEECH_CHARS)
    return `The question text is too long to speak (${text.length} characters; the limit is ${MAX_SPEECH_CHARS}); shorten the question.`;
  return null;
}

/** A RIFF/WAVE file with more than a bare 44-byte header. */
export function isWav(bytes: Buffer): boolean {
  return bytes.length > 44 && bytes.toString('latin1', 0, 4) === 'RIFF' && bytes.toString('latin1', 8, 12) === 'WAVE';
}

function cacheKey(engine: string, voice: string, locale: string, text: string): string {
  // NUL separators so ('a b', 'c') and ('a', 'b c') can never share a key.
  return createHash('sha256').update([engine, voice, locale, text].join('\0')).digest('hex');
}

// Without its full stop, as it ends up inside a sentence of ours.
const firstLine = (text: string) => (text.trim().split(/\r?\n/)[0] ?? '').replace(/\.$/, '');

/** Runs one engine command without a shell; resolves with a one-line failure, never throws or rejects. */
function run(command: EngineCommand, env: Readonly<Record<string, string | undefined>>, timeoutMs: number) {
  return new Promise<{ error: string | null; stderr: string }>((resolve) => {
    let stderr = '';
    let settled = false;
    let child: ReturnType<typeof spawn> | undefined;
    const settle = (error: string | null) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ error, stderr });
    };
    // Resolve on timeout at once: a grandchild still holding stderr must not keep the caller waiting.
    const timer = setTimeout(() => {
      child?.kill('SIGKILL');
      settle(`timed out after ${timeoutMs} ms`);
    }, timeoutMs);
    try {
      child = spawn(command.file, command.args, {
        env: { ...env, ...command.env },
        stdio: [command.stdin === undefined ? 'ignore' : 'pipe', 'ignore', 'pipe'],
        windowsHide: true,
      });
    } catch (error) {
      return settle(error instanceof Error ? error.message : String(error));
    }
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      if (stderr.length < STDERR_LIMIT) stderr += chunk;
    });
    child.on('error', (error) => settle(error.message));
    child.on('close', (code, signal) => {
      if (code === 0) return settle(null);
      const detail = firstLine(stderr);
      settle(`exited with ${code === null ? `signal ${signal}` : `code ${code}`}${detail ? `: ${detail}` : ''}`);
    });
    child.stdin?.on('error', () => {}); // EPIPE when the engine exits before reading its script
    child.stdin?.end(command.stdin);
  });
}

async function readValidWav(file: string): Promise<Buffer | null> {
  try {
    const bytes = await fs.readFile(file);
    return isWav(bytes) ? bytes : null;
  } catch {
    return null;
  }
}

export function createSpeechSynthesizer(options: SpeechSynthesizerOptions): SpeechSynthesizer {
  const { cacheDir, platform = process.platform, env = process.env, timeoutMs = DEFAULT_TIMEOUT_MS } = options;
  const cacheFile = (engine: SpeechEngine, voice: string, locale: string, text: string) =>
    path.join(cacheDir, `${cacheKey(engine.name, voice, locale, text)}.wav`);

  /** Synthesizes into a temp file inside the cache folder, so the final rename is atomic and crash-safe. */
  async function attempt(engine: SpeechEngine, voice: string, text: string, target: string): Promise<Attempt> {
    const temp = `${target}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
    try {
      // Engines cannot take a NUL inside an argument or env var; it is never meaningful in a question.
      const { error, stderr } = await run(engine.command(text.replace(/\0/g, ' '), voice, temp), env, timeoutMs);
      if (error) {
        const reason = `The speech engine ${engine.name} failed with voice ${voice}: ${error}.`;
        return { ok: false, reason, voiceRejected: engine.rejectsVoice(stderr) };
      }
      const wav = await readValidWav(temp);
      if (!wav) return { ok: false, reason: `The speech engine ${engine.name} did not produce a valid WAV file.`, voiceRejected: false };
      // The audio is good even if caching fails (e.g. a concurrent rename on Windows), so that error is ignored.
      await makeFilePrivate(temp).catch(() => {}); // the engine created it with the umask's mode
      await fs.rename(temp, target).catch(() => {});
      return { ok: true, wav };
    } finally {
      await fs.rm(temp, { force: true }).catch(() => {});
    }
  }

  return {
    engine() {
      const choice = chooseEngine(platform, env);
      return choice.ok ? { available: true, engine: choice.engine.name } : { available: false, reason: choice.reason };
    },

    async synthesize(text, locale) {
      const problem = textProblem(text);
      if (problem) return { ok: false, reason: problem };
      const choice = chooseEngine(platform, env);
      if (!choice.ok) return { ok: false, reason: choice.reason };
      const { engine } = choice;
      const voices = engine.voices(locale);

      // Entries are keyed by the voice actually used, so a fallback voice's entry is found without re-running.
      for (const voice of voices) {
        const wav = await readValidWav(cacheFile(engine, voice, locale, text));
        if (wav) return { ok: true, wav, engine: engine.name, voice, cached: true };
      }
      try {
        await makePrivateDir(cacheDir);
      } catch (error) {
        return { ok: false, reason: `The speech cache folder ${cacheDir} cannot be created: ${(error as Error).message}.` };
      }

      let reason = `The speech engine ${engine.name} has no voice for ${locale}.`;
      for (const voice of voices) {
        const result = await attempt(engine, voice, text, cacheFile(engine, voice, locale, text));
        if (result.ok) return { ok: true, wav: result.wav, engine: engine.name, voice, cached: false };
        reason = result.reason;
        if (!result.voiceRejected) break;
      }
      return { ok: false, reason };
    },
  };
}
