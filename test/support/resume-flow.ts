import Database from 'better-sqlite3';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { testPaths } from './test-paths';

/** The home screen's offer for an interrupted interview (English UI). */
export const RESUME_OFFER = {
  heading: /^Your interview “.*” was interrupted$/,
  continueAt: (question: number) => `Continue at question ${question}`,
  submit: 'Submit what was recorded',
} as const;

/** Paused recordings in the app's catalog under `root`. */
export function pausedCount(root: string): number {
  const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
  try {
    return (db.prepare(`SELECT COUNT(*) AS n FROM recordings WHERE state = 'paused'`).get() as { n: number }).n;
  } finally {
    db.close();
  }
}

/**
 * Submits every paused interview through the home screen's offer, as a candidate would: the offer shows the most
 * recent one, and after each submit it shows the next, until none is left.
 */
export async function submitEveryPausedInterview(page: Page, root: string, timeout = 120_000): Promise<void> {
  const submit = page.getByRole('button', { name: RESUME_OFFER.submit });
  await expect
    .poll(
      async () => {
        if ((await submit.isVisible()) && (await submit.isEnabled())) await submit.click();
        return pausedCount(root);
      },
      { timeout, interval: 500 },
    )
    .toBe(0);
  await submit.waitFor({ state: 'detached', timeout: 10_000 });
}
