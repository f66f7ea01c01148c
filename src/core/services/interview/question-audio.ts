import fs from 'node:fs/promises';
import path from 'node:path';
import type { Question } from '../../../shared/interview/script';
import type { SpeechSynthesizer } from '../speech/speech-synthesizer';

export type QuestionAudio = { source: 'file' | 'url' | 'speech'; audio: Uint8Array; detail: string } | { source: 'none'; reason: string };

export interface QuestionAudioDeps {
  speech: SpeechSynthesizer;
  fetch?: typeof fetch;
  timeoutMs?: number;
}

const MAX_AUDIO_BYTES = 25 * 1024 * 1024;

async function fromUrl(url: string, deps: QuestionAudioDeps): Promise<Uint8Array> {
  const response = await (deps.fetch ?? fetch)(url, { signal: AbortSignal.timeout(deps.timeoutMs ?? 15_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes.byteLength > MAX_AUDIO_BYTES) throw new Error(`${url} is larger than 25 MB`);
  return bytes;
}

/**
 * The sound of one question, for the renderer to play into the recording and the speakers: the script's own
 * audio (file relative to the script, or URL) when given, else the OS voice. When neither works the reason
 * is returned, and the interview goes on with the text on screen.
 */
export async function questionAudio(
  question: Question,
  locale: string,
  baseDir: string | undefined,
  deps: QuestionAudioDeps,
): Promise<QuestionAudio> {
  let audioProblem = '';
  if (question.audio) {
    const isUrl = /^https?:\/\//i.test(question.audio);
    try {
      if (isUrl) return { source: 'url', audio: await fromUrl(question.audio, deps), detail: question.audio };
      const file = path.resolve(baseDir ?? '.', question.audio);
      return { source: 'file', audio: new Uint8Array(await fs.readFile(file)), detail: file };
    } catch (error) {
      audioProblem = `The question's audio could not be loaded (${(error as Error).message}); `;
    }
  }
  const spoken = await deps.speech.synthesize(question.text, locale);
  if (spoken.ok) return { source: 'speech', audio: new Uint8Array(spoken.wav), detail: `${audioProblem}${spoken.engine} ${spoken.voice}` };
  return { source: 'none', reason: `${audioProblem}${spoken.reason}` };
}
