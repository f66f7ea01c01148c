import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { beginInterview } from '../test/support/candidate-flow';
import { probeVideo, type VideoProbe } from '../test/support/media-analysis';
import { startApp } from '../test/support/start-app';
import { testEnv, testPaths } from '../test/support/test-core';

/**
 * A one-question interview script in `dir` whose answer lasts `seconds` (no think time), asked with the fake
 * media's question.wav; `extra` adds fields (a live call). Returns its path.
 */
export function writeOneQuestionScript(dir: string, name: string, seconds: number, extra: Record<string, unknown> = {}): string {
  const script = path.join(dir, `${name}.json`);
  const question = { text: 'Talk.', audio: 'question.wav', thinkSeconds: 0, answerSeconds: seconds };
  fs.writeFileSync(script, JSON.stringify({ id: name, title: 'Bench', candidateName: 'Bench', questions: [question], ...extra }));
  return script;
}

export interface InterviewTake<T> {
  probe: VideoProbe;
  mimeType: string;
  /** What `whileRecording` answered. */
  during: T;
}

/**
 * A real interview through the browser host (its own app and data folder, `env` added to its environment) in
 * `browser`, whose fake devices it records. `whileRecording` runs from the first question until the finish screen
 * shows (`finished` settles then). Answers the segment file's frames and the format chosen; the app is stopped.
 */
export async function recordInterview<T>(
  browser: Browser,
  dir: string,
  script: string,
  seconds: number,
  whileRecording: (finished: Promise<unknown>) => Promise<T>,
  env: Record<string, string> = {},
): Promise<InterviewTake<T>> {
  const runDir = fs.mkdtempSync(path.join(dir, 'ours-'));
  const app = await startApp(testEnv(runDir, env), ['--no-open', '--port', '0', '--script', script]);
  try {
    const page = await browser.newPage();
    try {
      await beginInterview(page, await app.launchUrl());
      const finished = page.locator('#finish-title').waitFor({ timeout: (seconds + 120) * 1000 });
      // Should `whileRecording` fail first, closing the page rejects `finished`: that is no second failure.
      void finished.catch(() => undefined);
      const during = await whileRecording(finished);
      await finished;
      const db = new Database(path.join(testPaths(runDir).userDataDir, 'catalog.sqlite'), { readonly: true });
      const row = db.prepare('SELECT s.file_path, r.mime_type FROM segments s JOIN recordings r ON r.id = s.recording_id').get() as {
        file_path: string;
        mime_type: string;
      };
      db.close();
      return { probe: await probeVideo(row.file_path), mimeType: row.mime_type, during };
    } finally {
      await page.close();
    }
  } finally {
    // Ends finalize and upload too: they would otherwise load the machine during the next take.
    await app.stop();
  }
}
