import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import { detectElectron } from '../../src/core/platform/runtimes';
import { launchChromium } from '../support/chromium';
import { projectRoot } from '../support/built';
import { seedRecording } from '../support/fixtures';
import { startApp, type StartedApp } from '../support/start-app';
import { testEnv, testPaths } from '../support/test-core';

const screenshots = path.join(projectRoot, 'test-results', 'e2e');
let browser: Browser;
let app: StartedApp;
let root: string;
let page: Page;
const consoleErrors: string[] = [];

beforeAll(async () => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-e2e-'));
  const { db } = openCatalog(path.join(testPaths(root).userDataDir, 'catalog.sqlite'));
  seedRecording(db, 'rec-e2e', { title: 'Product designer — portfolio review', chunks: 90, chunkBytes: 300_000 });
  db.close();
  [browser, app] = await Promise.all([launchChromium(), startApp(testEnv(root))]);
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  await page.goto(await app.launchUrl());
});

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  if (root) fs.rmSync(root, { recursive: true, force: true });
});

describe('npm start without an Electron runtime', () => {
  it.runIf(!detectElectron().available)('says so in one line and serves the browser host', () => {
    const lines = app
      .output()
      .split('\n')
      .filter((line) => line.includes('Electron runtime not installed'));
    expect(lines).toEqual(['[irec] Electron runtime not installed (npm run fetch:electron to get it) — running the browser host instead.']);
    expect(app.output()).not.toMatch(/error|downloading|stack/i);
  });

  it("shows the app's first screen", async () => {
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('Welcome to Interview Recorder');
    await page.getByText(/Ready for your interview\.|attention before your interview/).waitFor();
    await page.getByText('Product designer — portfolio review').waitFor();
    fs.mkdirSync(screenshots, { recursive: true });
    const file = path.join(screenshots, 'first-screen.png');
    await page.screenshot({ path: file, fullPage: true });
    expect(fs.statSync(file).size).toBeGreaterThan(20_000);
    expect(await page.getByText('Browser preview').isVisible()).toBe(true);
  });

  it('has no console errors and no CSP violations', () => {
    expect(consoleErrors).toEqual([]);
  });
});

describe('window.api in the page', () => {
  it('round-trips to the main-process handlers', async () => {
    const info = await page.evaluate(() => window.api.getAppInfo());
    expect(info).toMatchObject({
      name: 'Interview Recorder',
      runtime: 'browser-host',
      dataDir: testPaths(root).userDataDir,
      configProblems: [],
    });
    const recordings = await page.evaluate(() => window.api.listRecordings({ limit: 10 }));
    expect(recordings).toEqual([expect.objectContaining({ id: 'rec-e2e', chunkCount: 90, sizeBytes: 27_000_000 })]);
  });

  it('refuses an invalid payload with a typed error', async () => {
    const error = await page.evaluate(() =>
      window.api.listRecordings({ limit: -1 }).then(
        () => null,
        (e: { name: string; code: string; issues: unknown }) => ({ name: e.name, code: e.code, issues: e.issues }),
      ),
    );
    expect(error).toEqual({ name: 'IpcError', code: 'INVALID_PAYLOAD', issues: [expect.objectContaining({ path: 'limit' })] });
  });

  it('cannot be replaced or extended by page scripts', async () => {
    const result = await page.evaluate(() => {
      try {
        (window as unknown as { api: unknown }).api = {};
      } catch {
        // strict-mode pages throw; either way the original must stay
      }
      return { kept: typeof window.api.getAppInfo === 'function', frozen: Object.isFrozen(window.api) };
    });
    expect(result).toEqual({ kept: true, frozen: true });
  });

  it('refuses inline script injected into the page (CSP)', async () => {
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true';
      document.body.append(script);
      await new Promise((r) => setTimeout(r, 50));
      return (window as unknown as { __injected?: boolean }).__injected === true;
    });
    expect(ran).toBe(false);
  });
});

describe('getting in: a one-time launch link, then a session cookie', () => {
  it('the link opens the app, leaves the address bar, sets an HttpOnly SameSite=Strict cookie, and a reload keeps working', async () => {
    const context = await browser.newContext();
    try {
      const appWindow = await context.newPage();
      const link = await app.launchUrl();
      expect((await appWindow.goto(link))?.status()).toBe(200);
      expect(appWindow.url()).toBe(app.url);
      await appWindow.getByRole('heading', { level: 1, name: 'Welcome to Interview Recorder' }).waitFor();
      const port = new URL(app.url).port;
      expect(await context.cookies()).toEqual([
        expect.objectContaining({
          name: `irec-session-${port}`,
          domain: '127.0.0.1',
          path: '/',
          httpOnly: true,
          sameSite: 'Strict',
          expires: -1,
        }),
      ]);
      // Nothing in the page knows a secret: the cookie is out of script's reach and no token is injected.
      expect(await appWindow.evaluate(() => [document.cookie, document.querySelectorAll('meta[name="irec-token"]').length])).toEqual([
        '',
        0,
      ]);
      await appWindow.reload();
      await appWindow.getByRole('heading', { level: 1, name: 'Welcome to Interview Recorder' }).waitFor();
      expect(await appWindow.evaluate(() => window.api.listRecordings({ limit: 10 }))).toEqual([
        expect.objectContaining({ id: 'rec-e2e' }),
      ]);
      // A fresh link was printed for the next window, on the terminal of whoever started the app.
      expect(app.output()).toContain(`Open another window: http://127.0.0.1:${port}/?launch=`);

      // The same link in another browser (a fresh context) is refused, and so is the address without a link.
      const other = await browser.newContext();
      const stranger = await other.newPage();
      expect((await stranger.goto(link))?.status()).toBe(403);
      await stranger.getByText('This link has been used already').waitFor();
      expect((await stranger.goto(app.url))?.status()).toBe(403);
      await stranger.getByText('This browser has no session with the Interview Recorder browser host.').waitFor();
      expect(await stranger.evaluate(() => typeof (window as { api?: unknown }).api)).toBe('undefined');
      expect(await other.cookies()).toEqual([]);
      await other.close();
    } finally {
      await context.close();
    }
  });
});

describe('a bad setting', () => {
  it('shows a banner naming the file and key, and the app still works', async () => {
    const badRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-e2e-bad-'));
    try {
      fs.writeFileSync(testPaths(badRoot).userConfigFile, JSON.stringify({ s3: { region: 42 } }));
      const badApp = await startApp(testEnv(badRoot));
      const badPage = await browser.newPage();
      await badPage.goto(await badApp.launchUrl());
      const banner = badPage.getByRole('status').filter({ hasText: 'Some settings were ignored' });
      await banner.waitFor();
      expect(await banner.textContent()).toContain(`${testPaths(badRoot).userConfigFile} → s3.region: expected string, received number.`);
      await badPage.getByText('No recordings yet').waitFor();
      // The app records on its defaults; the ignored setting is a fact for support, under "Technical details".
      await badPage.getByText('Technical details').click();
      expect(await badPage.getByText('1 setting was ignored; see the notice above').isVisible()).toBe(true);
      await badPage.screenshot({ path: path.join(screenshots, 'config-problem.png') });
      // Stopping npm start stops the browser host it runs: nothing is left listening.
      const exited = new Promise((resolve) => badApp.process.once('exit', resolve));
      badApp.process.kill('SIGTERM');
      await exited;
      await expect(fetch(badApp.url)).rejects.toThrow();
    } finally {
      fs.rmSync(badRoot, { recursive: true, force: true });
    }
  });
});
