import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { listenForTest } from '../support/loopback-server';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-core';

const HOST = 'dist/host/main.cjs';

const script = (id: string, title: string) =>
  JSON.stringify({ id, title, candidateName: 'Ada', questions: [{ text: 'Tell us about a hard bug.', answerSeconds: 30 }] });

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

/** The interview card's title (the home screen offers this interview). */
const offered = (page: Page) => page.locator('.interview-card .lead');

/** The browser host with `interview.inviteHosts` naming the test's script server, started with `args`. */
function hostConfiguredFor(base: string, args: string[]) {
  const root = tempDir('irec-link-e2e-');
  fs.mkdirSync(path.dirname(testPaths(root).userConfigFile), { recursive: true });
  fs.writeFileSync(testPaths(root).userConfigFile, JSON.stringify({ interview: { inviteHosts: [new URL(base).host] } }));
  return startApp(testEnv(root), ['--no-open', '--port', '0', ...args], HOST);
}

describe('the browser host opens interviews from links', () => {
  it('--link at start, then a launch link with &link= while it runs, and a refused link leaves the interview alone', async () => {
    const asked: string[] = [];
    const base = await listenForTest(
      http.createServer((req, res) => {
        asked.push(req.url ?? '');
        const files: Record<string, string> = {
          '/s/first.json': script('first', 'Backend engineer — first round'),
          '/interview/inv-2/script.json': script('second', 'Backend engineer — second round'),
        };
        res.writeHead(files[req.url ?? ''] ? 200 : 404, { 'Content-Type': 'application/json' }).end(files[req.url ?? ''] ?? '{}');
      }),
    );
    const first = `interview-recorder://interview?script=${encodeURIComponent(`${base}/s/first.json`)}`;
    const app = await hostConfiguredFor(base, ['--link', first]);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(await app.launchUrl());
      await expect.poll(() => offered(page).textContent(), { timeout: 30_000 }).toBe('Backend engineer — first round');
      expect(await page.locator('.interview-card').innerText()).not.toContain('practice interview');

      // A running host: a fresh launch link carrying an invite link; the page already open follows too.
      const second = await context.newPage();
      await second.goto(`${await app.launchUrl()}&link=${encodeURIComponent(`${base}/interview/inv-2`)}`);
      for (const shown of [second, page])
        await expect.poll(() => offered(shown).textContent(), { timeout: 30_000 }).toBe('Backend engineer — second round');

      // A link to a host that is not configured: said so, and nothing is fetched or replaced.
      const third = await context.newPage();
      await third.goto(`${await app.launchUrl()}&link=${encodeURIComponent('https://evil.example/interview/x')}`);
      await third.getByText('The interview link could not be opened').waitFor({ timeout: 30_000 });
      expect(await third.getByRole('alert').innerText()).toContain('evil.example, which is not one of the hosts configured');
      expect(await offered(third).textContent()).toBe('Backend engineer — second round');

      // A link on a launch link whose secret is not valid is never taken, from a browser with a session (sent on
      // to the app) or without one (refused): nothing fetched or opened.
      const forgedLink = `${app.url}?launch=forged&link=${encodeURIComponent(`${base}/interview/inv-3`)}`;
      await (await context.newPage()).goto(forgedLink);
      const stranger = await browser.newContext();
      const refused = await (await stranger.newPage()).goto(forgedLink);
      expect(refused?.status()).toBe(403);
      await stranger.close();
      await page.reload();
      await expect.poll(() => offered(page).textContent(), { timeout: 30_000 }).toBe('Backend engineer — second round');
      expect(await page.evaluate(() => window.api.openInterviewLink())).toEqual({ state: 'none' });
      expect(asked).toEqual(['/s/first.json', '/interview/inv-2/script.json']);
    } finally {
      await context.close();
      await app.stop();
    }
  }, 120_000);

  it('a link that arrives during an interview waits, said so on screen, and opens once the candidate is back home', async () => {
    const base = await listenForTest(
      http.createServer((_req, res) =>
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(script('later', 'Opened afterwards')),
      ),
    );
    const app = await hostConfiguredFor(base, []);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(await app.launchUrl());
      await expect.poll(() => offered(page).textContent(), { timeout: 30_000 }).toContain('Practice');
      await page.getByRole('button', { name: 'Begin' }).click();
      await page.getByRole('button', { name: 'Back' }).waitFor();

      // The link comes from outside any page (as the OS hands one to the app): a launch link used by plain HTTP.
      const handedOver = await fetch(`${await app.launchUrl()}&link=${encodeURIComponent(`${base}/interview/later`)}`, {
        redirect: 'manual',
      });
      expect(handedOver.status).toBe(303);
      await page.getByText('A link to another interview arrived').waitFor({ timeout: 30_000 });
      const during = await page.evaluate(() => window.api.getInterviewScript());
      expect(during.ok && during.source).toBe('demo');

      await page.getByRole('button', { name: 'Back' }).click();
      await expect.poll(() => offered(page).textContent(), { timeout: 30_000 }).toBe('Opened afterwards');
      expect(await page.getByText('A link to another interview arrived').count()).toBe(0);
    } finally {
      await context.close();
      await app.stop();
    }
  }, 120_000);
});
