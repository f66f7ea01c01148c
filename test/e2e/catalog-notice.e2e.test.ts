import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import type { DoctorReport } from '../../src/shared/domain/doctor';
import { launchChromium } from '../support/chromium';
import { recordChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { runIrecAsync } from '../support/run-irec';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { createTestCore, testEnv, testPaths } from '../support/test-core';

describe('the home screen after the catalog was lost', () => {
  it('says the library was rebuilt and lists the recording again, until the notice is dismissed', { timeout: 180_000 }, async () => {
    const root = tempDir();
    const core = createTestCore(root);
    await recordSession(core, [await recordChunks('vp8-webm', 2)]);
    await core.close();
    fs.truncateSync(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), 0); // the catalog is lost, the recording is not

    const [browser, app] = await Promise.all([launchChromium(), startApp(testEnv(root))]);
    onTestFinished(() => app.stop());
    onTestFinished(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(await app.launchUrl());
    const notice = page.getByText('The recordings library was rebuilt');
    await notice.waitFor();
    await page.getByText(/was found empty\. It was rebuilt from the recordings on this computer: 1 recording was found again/).waitFor();
    await page.getByText('Finalize test interview').first().waitFor();
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await notice.waitFor({ state: 'detached' });

    const doctor = await runIrecAsync(['doctor', '--json'], testEnv(root));
    expect(doctor.json<DoctorReport>().catalog.incident).toBeUndefined();
    await page.reload();
    await page.getByText('Finalize test interview').first().waitFor();
    expect(await page.getByText('The recordings library was rebuilt').count()).toBe(0);
  });
});
