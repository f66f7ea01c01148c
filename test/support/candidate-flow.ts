import type { Page } from 'playwright-core';

/** What a candidate does from the home screen to the first question: begin, consent, start. */
export async function beginInterview(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByLabel('I agree to be recorded as described above.').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Start interview' }).click();
}

/** The answer's button and the confirmation it asks for (English UI). */
export const ANSWER_BUTTONS = {
  next: { button: 'Next question', confirm: 'Yes, submit', dialog: 'Submit this answer?' },
  finish: { button: 'Finish interview', confirm: 'Yes, finish', dialog: 'Finish the interview?' },
} as const;

async function endAnswer(page: Page, which: keyof typeof ANSWER_BUTTONS, timeout: number): Promise<void> {
  const { button, confirm } = ANSWER_BUTTONS[which];
  // Both buttons ignore clicks for a moment after they appear (disabled); click() waits until they take them.
  await page.getByRole('button', { name: button, exact: true }).click({ timeout });
  await page.getByRole('dialog').getByRole('button', { name: confirm }).click({ timeout });
}

/** Ends the current answer with "Next question" and confirms "Submit this answer?". */
export const answerAndContinue = (page: Page, timeout = 30_000): Promise<void> => endAnswer(page, 'next', timeout);

/** Ends the last answer with "Finish interview" and confirms "Finish the interview?". */
export const finishInterview = (page: Page, timeout = 30_000): Promise<void> => endAnswer(page, 'finish', timeout);

/** Skips the rest of the think time, once "Start answering now" takes clicks. */
export async function startAnswering(page: Page, timeout = 30_000): Promise<void> {
  await page.getByRole('button', { name: 'Start answering now' }).click({ timeout });
}
