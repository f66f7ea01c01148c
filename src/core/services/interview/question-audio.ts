import path from 'node:path';
import { checkAudioReference } from '../../../shared/interview/audio-reference';
import type { Question } from '../../../shared/interview/script';
import type { SpeechSynthesizer } from '../speech/speech-synthesizer';
import type { ResolveHost } from './address-policy';
import { safeFetch } from './safe-fetch';
import { readScriptFile } from './script-file';

export type QuestionAudio = { source: 'file' | 'url' | 'speech'; audio: Uint8Array; detail: string } | { source: 'none'; reason: string };

export interface QuestionAudioDeps {
  speech: SpeechSynthesizer;
  fetch?: typeof fetch;
  /** How a URL's host is resolved (tests inject one); DNS by default. */
  resolve?: ResolveHost;
  timeoutMs?: number;
  /** `interview.allowedPrivateNetworks`: private networks a script's audio URL may reach. */
  allowedNetworks?: readonly string[];
}

export const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

type Loaded = { source: 'file' | 'url'; audio: Uint8Array; detail: string };

/** The script's own audio, under the same rules the schema applies (checked again: the script is untrusted). */
async function scriptAudio(reference: string, baseDir: string | undefined, deps: QuestionAudioDeps): Promise<Loaded> {
  const checked = checkAudioReference(reference);
  if (!checked.ok) throw new Error(`${JSON.stringify(reference)} ${checked.problem}`);
  if (checked.reference.kind === 'url') {
    const audio = await safeFetch(reference, {
      maxBytes: MAX_AUDIO_BYTES,
      fetch: deps.fetch,
      resolve: deps.resolve,
      timeoutMs: deps.timeoutMs,
      allowedNetworks: deps.allowedNetworks,
    });
    return { source: 'url', audio, detail: reference };
  }
  if (baseDir === undefined) throw new Error(`${reference} is a file, but this script has no folder to find it in`);
  const audio = await readScriptFile(baseDir, checked.reference.path, MAX_AUDIO_BYTES);
  return { source: 'file', audio, detail: path.resolve(baseDir, checked.reference.path) };
}

/**
 * The sound of one question, for the renderer to play into the recording and the speakers: the script's own
 * audio (a file in the script's folder, or an https URL) when given, else the OS voice. When neither works the
 * reason is returned, and the interview goes on with the text on screen.
 */
export async function questionAudio(
  question: Question,
  locale: string,
  baseDir: string | undefined,
  deps: QuestionAudioDeps,
): Promise<QuestionAudio> {
  let audioProblem = '';
  if (question.audio) {
    try {
      return await scriptAudio(question.audio, baseDir, deps);
    } catch (error) {
      audioProblem = `The question's audio could not be loaded (${(error as Error).message}); `;
    }
  }
  const spoken = await deps.speech.synthesize(question.text, locale);
  if (spoken.ok) return { source: 'speech', audio: new Uint8Array(spoken.wav), detail: `${audioProblem}${spoken.engine} ${spoken.voice}` };
  return { source: 'none', reason: `${audioProblem}${spoken.reason}` };
}
