import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { projectRoot } from '../support/built';
import { launchChromium } from '../support/chromium';
import { unexpectedErrors } from '../support/console-errors';
import { checkScreen } from '../support/screen-check';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-core';

/** The lock as people see it (the whole screen, and its storage group), beside the other e2e screenshots. */
const SCREENSHOT = path.join(projectRoot, 'test-results', 'e2e', 'settings-lock.png');

/** `npm start` would point the app at its own S3 and backend through IREC_* variables: here only the test's settings count. */
const WITHOUT_DEV_SERVERS = { IREC_LOCAL_S3: '0', IREC_DEV_BACKEND: '0' };

describe('the settings screen', () => {
  it('shows what IT enforces as locked with its source, beside the user’s own settings', { timeout: 180_000 }, async () => {
    const root = tempDir();
    const paths = testPaths(root);
    // IT enforces the bucket; the user tried to choose another one and set the prefix and bitrate themselves.
    fs.writeFileSync(paths.policyFile, JSON.stringify({ s3: { bucket: 'company-interviews' } }));
    fs.writeFileSync(paths.recommendedPolicyFile, JSON.stringify({ update: { mode: 'none' } }));
    fs.writeFileSync(
      paths.userConfigFile,
      JSON.stringify({ s3: { bucket: 'my-own-bucket', prefix: 'mine/' }, backends: { livekit: { token: 'lk-token-never-shown' } } }),
    );

    const [browser, app] = await Promise.all([
      launchChromium(),
      startApp(testEnv(root, { IREC_S3_REGION: 'eu-central-1', ...WITHOUT_DEV_SERVERS })),
    ]);
    onTestFinished(() => app.stop());
    onTestFinished(() => browser.close());
    // axe needs a page of a context of its own.
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    const consoleErrors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(message.text());
    });
    await page.goto(await app.launchUrl());
    await page.getByRole('button', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await page.getByRole('status').filter({ hasText: 'Some settings are managed by your organization' }).waitFor();

    const storage = page.getByRole('table', { name: 'Storage and upload' });
    const bucket = storage.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /s3\.bucket/ }) });
    expect(await bucket.getByRole('cell').allInnerTexts()).toEqual(['company-interviews', `Set by your organization\n${paths.policyFile}`]);
    expect(await bucket.locator('.setting-source').getAttribute('title')).toBe(paths.policyFile);
    expect(await bucket.locator('svg.setting-lock').count()).toBe(1);

    const prefix = storage.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /s3\.prefix/ }) });
    expect(await prefix.getByRole('cell').allInnerTexts()).toEqual([
      'mine/\nDefault: recordings/',
      `Your settings\n${paths.userConfigFile}`,
    ]);
    expect(await prefix.locator('svg.setting-lock').count()).toBe(0);

    const region = storage.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /s3\.region/ }) });
    expect(await region.getByRole('cell').allInnerTexts()).toEqual([
      'eu-central-1\nDefault: us-east-1',
      'Environment variable IREC_S3_REGION',
    ]);
    const updates = page.getByRole('table', { name: 'Updates' }).getByRole('row').filter({ hasText: 'update.mode' });
    expect(await updates.getByRole('cell').allInnerTexts()).toEqual([
      'none\nDefault: manual',
      `Recommended by your organization\n${paths.recommendedPolicyFile}`,
    ]);
    const token = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: /backends\.livekit\.token/ }) });
    expect((await token.getByRole('cell').allInnerTexts())[0]).toBe('Set (hidden)');
    expect(await page.content()).not.toContain('lk-token-never-shown');
    // The user's own bucket is overruled, so nowhere on the screen.
    expect(await page.content()).not.toContain('my-own-bucket');

    fs.mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    await page.getByRole('region', { name: 'Storage and upload' }).screenshot({ path: SCREENSHOT.replace(/\.png$/, '-storage.png') });
    const report = await checkScreen(page, 'settings');
    expect(report.violations).toEqual([]);
    expect(report.cutOff).toEqual([]);
    expect(report.focusedHeading).toBe('Settings');
    expect(unexpectedErrors(consoleErrors)).toEqual([]);

    await page.getByRole('button', { name: 'Back' }).click();
    await page.getByRole('heading', { level: 1, name: 'Welcome to Interview Recorder' }).waitFor();
  });
});
