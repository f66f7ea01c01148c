import type { Page } from 'playwright-core';

/** What a candidate does from the home screen to the first question: begin, consent, start. */
export async function beginInterview(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByLabel('I agree to be recorded as described above.').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('button', { name: 'Start interview' }).click();
}
