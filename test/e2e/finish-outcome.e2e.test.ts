import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { beginInterview } from '../support/candidate-flow';
import { launchChromium } from '../support/chromium';
import { fakeDeviceArgs, makeFakeMedia } from '../support/fake-devices';
import { startFaultProxy, type FaultProxy } from '../support/fault-proxy';
import { localS3, objectDigest } from '../support/local-s3';
import { checkScreen } from '../support/screen-check';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv, testPaths } from '../support/test-core';

const HOST = 'dist/host/main.cjs';
const CONTACT = { name: 'Dana Whitfield', email: 'dana.whitfield@example.com', phone: '+1 555 0100' };
const ORGANIZATION = 'Acme Hiring';
/** What a candidate should never have to read: file paths, bucket URLs, the local servers. */
const ENGINEER_TEXT = /\/(tmp|home|root|var)\/|s3:\/\/|localhost|127\.0\.0\.1/;

/** One short question (its answer time ends the interview by itself) and whom to contact. */
function writeScript(root: string): string {
  const file = path.join(root, 'interview.json');
  const question = { text: 'What did you build last?', audio: 'question.wav', thinkSeconds: 1, answerSeconds: 5 };
  const script = { id: 'e2e-outcome', title: 'Outcome test', candidateName: 'Sam', organization: ORGANIZATION, contact: CONTACT };
  fs.writeFileSync(file, JSON.stringify({ ...script, questions: [question] }));
  return file;
}

/** The app, Chromium with fake devices, and a local S3 reached through a fault proxy the test controls. */
async function startWithBucket(): Promise<{ page: Page; proxy: FaultProxy; root: string; bucket: Awaited<ReturnType<typeof localS3>> }> {
  const root = tempDir('irec-outcome-e2e-');
  const media = await makeFakeMedia(root);
  const bucket = await localS3();
  const proxy = await startFaultProxy({ target: bucket.endpoint });
  onTestFinished(() => proxy.close());
  const env = { ...testEnv(root), ...bucket.env, IREC_S3_ENDPOINT: proxy.url };
  const [browser, app] = await Promise.all([
    launchChromium(fakeDeviceArgs(media)),
    startApp(env, ['--no-open', '--port', '0', '--script', writeScript(root)], HOST),
  ]);
  onTestFinished(() => app.stop());
  onTestFinished(() => browser.close());
  // axe-core's runner needs a page of a context of its own.
  const page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
  await beginInterview(page, await app.launchUrl());
  await page.getByText('Question 1 of 1').waitFor();
  return { page, proxy, root, bucket };
}

const finishHeading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

/** The recording's verified file and the key of its object in the bucket, from the catalog. */
function catalogFacts(root: string): { sha256: string; key: string } {
  const db = new Database(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), { readonly: true });
  try {
    const { sha256 } = db.prepare('SELECT sha256 FROM recording_outputs').get() as { sha256: string };
    const { key } = db.prepare("SELECT object_key AS key FROM upload_jobs WHERE kind = 'final'").get() as { key: string };
    return { sha256, key };
  } finally {
    db.close();
  }
}

async function expectScreen(page: Page, name: string, heading: string): Promise<void> {
  const report = await checkScreen(page, name);
  expect(report).toEqual({ violations: [], focusedHeading: heading, cutOff: [] });
}

/** The finish screen's buttons, in order. */
const finishButtons = (page: Page) => page.locator('section.finish button').allInnerTexts();

describe('the finish screen says plainly where the interview stands', () => {
  it('goes from "Sending…" with what is left to "Submitted ✓" once the bucket verified it; the list says so too', async () => {
    const { page, proxy, root, bucket } = await startWithBucket();
    // A slow link, so "Sending…" lasts long enough to be read.
    proxy.capBandwidth(150_000);
    await finishHeading(page, 'Sending…').waitFor({ timeout: 60_000 });
    await page.getByText(/Left to send: .+ of .+/).waitFor({ timeout: 30_000 });
    await expect(page.locator('section.finish progress').count()).resolves.toBe(1);
    // The heading may turn to "Submitted ✓" while this looks, so only axe's verdict is held to here.
    expect((await checkScreen(page, 'finish-sending')).violations).toEqual([]);
    proxy.capBandwidth(null);

    await finishHeading(page, 'Submitted ✓').waitFor({ timeout: 90_000 });
    await page.getByText(`${ORGANIZATION} has received your interview.`).waitFor();
    await page.getByText(/^Received on .+ at .+\.$/).waitFor();
    await expectScreen(page, 'finish-submitted', 'Submitted ✓');
    expect(await finishButtons(page)).toEqual(['Back to the start']);

    const { sha256, key } = catalogFacts(root);
    expect((await objectDigest(bucket, key)).sha256).toBe(sha256);
    // Paths, keys and URLs only behind the closed "Details"; opened, it names the object.
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(ENGINEER_TEXT);
    await page.getByText('Details', { exact: true }).click();
    await expect(page.getByText(`s3://${bucket.bucket}/${key}`).isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.body.innerText)).toMatch(ENGINEER_TEXT);
    const details = await checkScreen(page, 'finish-details');
    expect({ violations: details.violations, cutOff: details.cutOff }).toEqual({ violations: [], cutOff: [] });

    await page.getByRole('button', { name: 'Back to the start' }).click();
    await page.locator('.recordings li').first().getByText('Submitted ✓').waitFor();
    await page.getByText('Ready for your interview.').waitFor();
    for (const words of ['Camera and microphone ready', 'Enough space for this interview', 'Connection to the employer’s storage']) {
      await expect(page.locator('.check-label', { hasText: words }).isVisible()).resolves.toBe(true);
    }
    // The installation's facts are there for support, folded away.
    await expect(page.locator('details.technical-details').getAttribute('open')).resolves.toBeNull();
    await expect(page.getByText('Technical details').isVisible()).resolves.toBe(true);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(/ffmpeg|In effect|\/tmp\//);
    await expectScreen(page, 'home', 'Welcome to Interview Recorder');
  }, 180_000);

  it('says "Needs attention" with the contact and one action while the bucket is unreachable; the action sends it once it is back', async () => {
    const { page, proxy, root, bucket } = await startWithBucket();
    proxy.down();
    await finishHeading(page, 'Needs attention').waitFor({ timeout: 90_000 });
    await page.getByText(`cannot reach the storage of ${ORGANIZATION}`, { exact: false }).waitFor();
    await page.getByText(`Need help? Contact ${CONTACT.name}.`).waitFor();
    await expect(page.getByRole('link', { name: CONTACT.email }).getAttribute('href')).resolves.toBe(`mailto:${CONTACT.email}`);
    await expect(page.getByRole('link', { name: CONTACT.phone }).getAttribute('href')).resolves.toBe('tel:+15550100');
    expect(await finishButtons(page)).toEqual(['Try sending again', 'Back to the start']);
    expect(await page.evaluate(() => document.body.innerText)).not.toMatch(ENGINEER_TEXT);
    await expectScreen(page, 'finish-needs-attention', 'Needs attention');

    proxy.up();
    await page.getByRole('button', { name: 'Try sending again' }).click();
    await finishHeading(page, 'Submitted ✓').waitFor({ timeout: 90_000 });
    const { sha256, key } = catalogFacts(root);
    expect((await objectDigest(bucket, key)).sha256).toBe(sha256);
  }, 180_000);
});
