import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ANSWER_BUTTONS, beginInterview } from '../support/candidate-flow';
import { launchChromium } from '../support/chromium';
import { fakeDeviceArgs, makeFakeMedia } from '../support/fake-devices';
import { checkScreen } from '../support/screen-check';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-core';
import { unexpectedErrors } from '../support/console-errors';

const HOST = 'dist/host/main.cjs';
// With the invite's --extra-time 1.5: question 1 thinks 15 s and answers 30 s (its 10 s warning is reached),
// question 2 answers 32 s (its 30 s warning is reached at once).
const QUESTIONS = [
  { text: 'Tell us about a project you are proud of.', audio: 'question.wav', thinkSeconds: 10, answerSeconds: 20, retakes: 1 },
  { text: 'Why do you want this role?', audio: 'question.wav', thinkSeconds: 10, answerSeconds: 21, retakes: 0 },
];
const WARNING_30 = '30 seconds left to answer.';
const WARNING_10 = '10 seconds left to answer.';

interface Seen {
  warnings: string[];
  focused: string[];
}

/**
 * Every text the time-warning region takes over the run, and every h1 that took focus, in order (installed once
 * the interview shows). Focus is logged as it moves: the second click of a double-click may move it on again.
 */
const recordSeen = (page: Page) =>
  page.evaluate(() => {
    const active = document.activeElement;
    const seen: Seen = { warnings: [], focused: active?.tagName === 'H1' ? [(active.textContent ?? '').trim()] : [] };
    (window as unknown as { seen: Seen }).seen = seen;
    new MutationObserver(() => {
      const text = document.querySelector('[data-testid="time-warnings"]')?.textContent ?? '';
      if (text && text !== seen.warnings.at(-1)) seen.warnings.push(text);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
    document.addEventListener('focusin', (event) => {
      const target = event.target as HTMLElement;
      if (target.tagName === 'H1') seen.focused.push((target.textContent ?? '').trim());
    });
  });
const seenSoFar = (page: Page) => page.evaluate(() => (window as unknown as { seen: Seen }).seen);

/** The screen passes axe-core, has its heading focused (when given) and nothing cut off, at both sizes. */
async function expectScreen(page: Page, name: string, heading: string | null) {
  const report = await checkScreen(page, name);
  expect(report.violations, name).toEqual([]);
  expect(report.cutOff, name).toEqual([]);
  if (heading !== null) expect(report.focusedHeading, name).toBe(heading);
}

/** Waits for a phase and checks that focus moved to its heading when it began. */
async function reachPhase(page: Page, heading: string) {
  await page.getByRole('heading', { level: 1, name: heading }).waitFor({ timeout: 30_000 });
  await expect.poll(async () => (await seenSoFar(page)).focused.at(-1), { timeout: 5_000 }).toBe(heading);
}

/** Two quick clicks at the same point, as a slip would make them. */
const doubleClick = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).dblclick({ timeout: 30_000 });

async function answerQuestionOne(page: Page) {
  await reachPhase(page, 'Think about your answer');
  expect(
    await page.evaluate(() => {
      const leaving = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(leaving);
      return leaving.defaultPrevented;
    }),
    'leaving while recording asks first',
  ).toBe(true);
  await expectScreen(page, 'interview-thinking', 'Think about your answer');
  await doubleClick(page, 'Start answering now');
  await reachPhase(page, 'Answer now');
  await expectScreen(page, 'interview-answering', null);
  await page.getByText(WARNING_10).waitFor({ state: 'attached', timeout: 30_000 });
  await expect(page.locator('.countdown').getAttribute('data-level')).resolves.toBe('last');
  await expectScreen(page, 'interview-last-seconds', null);
  await doubleClick(page, 'Retake this answer');
  // Take 2: a double-click on "Start answering now", then on Next and on the dialog's confirm.
  await reachPhase(page, 'Think about your answer');
  await doubleClick(page, 'Start answering now');
  await reachPhase(page, 'Answer now');
  await page.waitForTimeout(1_500);
  await doubleClick(page, ANSWER_BUTTONS.next.button);
  await reachPhase(page, ANSWER_BUTTONS.next.dialog);
  await expectScreen(page, 'confirm-next', null);
  await doubleClick(page, ANSWER_BUTTONS.next.confirm);
}

async function answerQuestionTwo(page: Page) {
  await reachPhase(page, 'Think about your answer');
  await page.getByRole('button', { name: 'Hear the question again' }).click();
  await doubleClick(page, 'Start answering now');
  await reachPhase(page, 'Answer now');
  await page.getByText(WARNING_30).waitFor({ state: 'attached', timeout: 10_000 });
  await expect(page.locator('.countdown').getAttribute('data-level')).resolves.toBe('soon');
  // Escape keeps answering; the second time, the confirmation is answered with a double-click.
  await page.getByRole('button', { name: ANSWER_BUTTONS.finish.button }).click();
  await reachPhase(page, ANSWER_BUTTONS.finish.dialog);
  await page.keyboard.press('Escape');
  await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
  await doubleClick(page, ANSWER_BUTTONS.finish.button);
  await reachPhase(page, ANSWER_BUTTONS.finish.dialog);
  await expectScreen(page, 'confirm-finish', null);
  await doubleClick(page, ANSWER_BUTTONS.finish.confirm);
}

describe('slips while answering', () => {
  it('a double-click on every phase button never skips an answer; warnings are said once; focus follows each phase', async () => {
    const root = tempDir('irec-slips-');
    const media = await makeFakeMedia(root);
    const script = path.join(root, 'interview.json');
    fs.writeFileSync(script, JSON.stringify({ id: 'e2e-slips', title: 'Slips', candidateName: 'Test Candidate', questions: QUESTIONS }));
    const [browser, app] = await Promise.all([
      launchChromium(fakeDeviceArgs(media)),
      startApp(testEnv(root), ['--no-open', '--port', '0', '--script', script, '--extra-time', '1.5'], HOST),
    ]);
    try {
      const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
      const consoleErrors: string[] = [];
      page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
      await beginInterview(page, await app.launchUrl());
      await page.getByText('Extra time ×1.5 is included').waitFor({ timeout: 30_000 });
      await recordSeen(page);
      await page.getByText('Question 1 of 2').waitFor();
      await answerQuestionOne(page);
      await page.getByText('Question 2 of 2').waitFor({ timeout: 30_000 });
      await answerQuestionTwo(page);
      await page.locator('#finish-title').waitFor({ timeout: 60_000 });
      expect((await seenSoFar(page)).warnings).toEqual([WARNING_10, WARNING_30]);
      expect(unexpectedErrors(consoleErrors)).toEqual([]);

      const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
      const events = (
        db.prepare("SELECT kind, data FROM events WHERE kind LIKE 'question.%' ORDER BY id").all() as Array<{ kind: string; data: string }>
      ).map((e) => ({ kind: e.kind, ...(JSON.parse(e.data) as { index: number; take: number; ended?: string; answeredMs?: number }) }));
      db.close();
      const ends = events.filter((e) => e.kind === 'question.end');
      expect(events.filter((e) => e.kind === 'question.start').map((e) => `${e.index}:${e.take}`)).toEqual(['0:1', '0:2', '1:1']);
      expect(ends.map((e) => `${e.index}:${e.take}:${e.ended}`)).toEqual(['0:1:retake', '0:2:skip', '1:1:skip']);
      for (const end of ends) expect(end.answeredMs, `question ${end.index + 1}, take ${end.take}`).toBeGreaterThan(1_000);
    } finally {
      await browser.close();
      await app.stop();
    }
  }, 240_000);
});
