// The candidate's part of the demo, through the real UI: for every take, skip any think time, answer until the
// take's share of the requested length is used up, then press the button that ends it (retake, next, finish)
// and confirm it where the app asks.
// Shares are counted from the start of question 1, so a slow take is made up by the next ones.
import type { Page } from 'playwright-core';
import type { DemoPlan, Take, TakeEnd } from './plan';

const STEP_TIMEOUT_MS = 60_000;

function header(take: Take, questionCount: number): string {
  const base = `Question ${take.question + 1} of ${questionCount}`;
  return take.take > 1 ? `${base} · take ${take.take}` : base;
}

/** How long a confirmation ignores clicks after it opens (PHASE_GUARD_MS, plus the screen's clock tick). */
const CONFIRM_GUARD_MS = 1000;

/** The confirmation Next and Finish ask for ("Submit this answer?", "Finish the interview?"); a retake asks none. */
const CONFIRM: Record<TakeEnd, string | null> = {
  'Retake this answer': null,
  'Next question': 'Yes, submit',
  'Finish interview': 'Yes, finish',
};

/** Waits for the take's answer phase, pressing "Start answering now" if its think time is still running. */
async function reachAnswer(page: Page, take: Take): Promise<void> {
  const answering = page.getByRole('button', { name: take.endsWith });
  const thinking = page.getByRole('button', { name: 'Start answering now' });
  await thinking.or(answering).first().waitFor({ timeout: STEP_TIMEOUT_MS });
  // The think time may run out between seeing the button and pressing it: then the answer has simply begun.
  if (await thinking.isVisible()) await thinking.click({ timeout: 5000 }).catch(() => undefined);
  await answering.waitFor({ timeout: STEP_TIMEOUT_MS });
}

export async function takeInterview(page: Page, plan: DemoPlan, log: (line: string) => void): Promise<void> {
  const questionCount = plan.script.questions.length;
  await page.getByText(header(plan.takes[0]!, questionCount)).waitFor({ timeout: STEP_TIMEOUT_MS });
  const startedAt = Date.now();
  for (const [i, take] of plan.takes.entries()) {
    await page.getByText(header(take, questionCount)).waitFor({ timeout: STEP_TIMEOUT_MS });
    await reachAnswer(page, take);
    const confirm = CONFIRM[take.endsWith];
    // The answer goes on while the confirmation waits out its guard: press early by that much.
    const endAt = startedAt + (i + 1) * plan.takeMs - (confirm ? CONFIRM_GUARD_MS : 0);
    await page.waitForTimeout(Math.max(0, endAt - Date.now()));
    await page.getByRole('button', { name: take.endsWith }).click({ timeout: STEP_TIMEOUT_MS });
    if (confirm) await page.getByRole('dialog').getByRole('button', { name: confirm }).click({ timeout: STEP_TIMEOUT_MS });
    log(`  question ${take.question + 1}${take.take > 1 ? `, take ${take.take}` : ''}: answered, then "${take.endsWith}"`);
  }
}
