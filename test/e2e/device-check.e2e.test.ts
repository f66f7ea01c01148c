import { describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { fakeDeviceArgs, generateMedia, makeFakeMedia } from '../support/fake-devices';
import { checkScreen } from '../support/screen-check';
import { startApp, type StartedApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-core';

const HOST = 'dist/host/main.cjs';
const HEADING = 'Check your camera, microphone and speakers';
const SMALL = { width: 800, height: 600 };

/** A browser, the app on the browser host, and a page at 800×600 of a context of its own (axe-core needs one). */
async function open(browserArgs: string[], root: string, prepare?: (context: BrowserContext) => Promise<unknown>) {
  const [browser, app] = await Promise.all([launchChromium(browserArgs), startApp(testEnv(root), ['--no-open', '--port', '0'], HOST)]);
  const context = await browser.newContext({ viewport: SMALL });
  await prepare?.(context);
  return { browser, app, page: await context.newPage() };
}

async function close({ browser, app }: { browser: Browser; app: StartedApp }) {
  await browser.close();
  await app.stop();
}

/** Home → consent → the device check. */
async function reachDeviceCheck(page: Page, url: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Begin' }).click();
  await page.getByLabel('I agree to be recorded as described above.').check();
  await page.getByRole('button', { name: 'Continue' }).click();
  await page.getByRole('heading', { level: 1, name: HEADING }).waitFor();
}

/** Whether the element is entirely inside the window as it is now, and not covered by anything. */
const inView = (page: Page, name: string) =>
  page.getByRole('button', { name, exact: true }).evaluate((element) => {
    const box = element.getBoundingClientRect();
    const inside = box.top >= 0 && box.left >= 0 && box.bottom <= window.innerHeight && box.right <= window.innerWidth;
    return inside && element.contains(document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2));
  });

const optionsOf = (page: Page, label: string) =>
  page.getByLabel(label, { exact: true }).evaluate((select) => Array.from((select as HTMLSelectElement).options, (option) => option.text));

describe('the device check', () => {
  it('lists the devices, hears the microphone, records 5 s to play back, and keeps Start in view at 800×600', async () => {
    const root = tempDir('irec-devices-e2e-');
    const media = await makeFakeMedia(root);
    // A camera chosen on an earlier day that is not connected any more.
    const session = await open(fakeDeviceArgs(media), root, (context) =>
      context.addInitScript(() =>
        localStorage.setItem('irec.deviceChoice', JSON.stringify({ videoinput: { id: 'gone-camera', label: 'Old USB camera' } })),
      ),
    );
    const { page } = session;
    try {
      await reachDeviceCheck(page, await session.app.launchUrl());
      await page.getByText('The camera you chose last time is not connected, so the default camera is used.').waitFor();
      // The fake microphone plays a tone: it must register before Start is offered.
      await page.getByText('We hear you ✓').waitFor();
      expect(await page.getByRole('button', { name: 'Start interview' }).isEnabled()).toBe(true);
      expect(await inView(page, 'Start interview')).toBe(true);
      expect(await checkScreen(page, 'device-check')).toEqual({ violations: [], focusedHeading: HEADING, cutOff: [] });

      const camera = await page.evaluate(
        () => (document.querySelector<HTMLVideoElement>('video.preview')!.srcObject as MediaStream).getVideoTracks()[0]!.label,
      );
      expect(await optionsOf(page, 'Camera')).toEqual([camera]); // Chromium's one fake camera, the file
      expect(await optionsOf(page, 'Microphone')).toEqual(expect.arrayContaining(['Fake Audio Input 1', 'Fake Audio Input 2']));
      expect(await optionsOf(page, 'Speakers')).toContain('Fake Audio Output 1');
      await page.getByLabel('Microphone', { exact: true }).selectOption({ label: 'Fake Audio Input 1' });
      await page.getByLabel('Speakers', { exact: true }).selectOption({ label: 'Fake Audio Output 1' });
      // The new microphone is the one opened (and heard); both choices are remembered.
      await page.getByText('We hear you ✓').waitFor();
      const opened = await page.evaluate(() => {
        const preview = document.querySelector<HTMLVideoElement>('video.preview')!.srcObject as MediaStream;
        return { microphone: preview.getAudioTracks()[0]!.label, saved: JSON.parse(localStorage.getItem('irec.deviceChoice')!) };
      });
      expect(opened.microphone).toBe('Fake Audio Input 1');
      expect(opened.saved).toMatchObject({ audioinput: { label: 'Fake Audio Input 1' }, audiooutput: { label: 'Fake Audio Output 1' } });

      await page.getByRole('button', { name: 'Record 5 s and play back' }).click();
      await page.getByText(/Recording… \d s/).waitFor();
      const playback = page.getByLabel('Your test recording');
      await playback.waitFor({ timeout: 15_000 });
      await expect
        .poll(() => playback.evaluate((video: HTMLVideoElement) => Number.isFinite(video.duration) && video.currentTime > 0), {
          timeout: 10_000,
        })
        .toBe(true);
      const played = await playback.evaluate((video: HTMLVideoElement) => ({ duration: video.duration, sinkId: video.sinkId }));
      expect(played.duration).toBeGreaterThan(4.5);
      expect(played.duration).toBeLessThan(5.8);
      expect(played.sinkId).toBe(opened.saved.audiooutput.id); // heard on the chosen speakers
      expect(await page.getByRole('button', { name: 'Record again' }).isVisible()).toBe(true);
      const withPlayback = await checkScreen(page, 'device-check-playback');
      expect({ violations: withPlayback.violations, cutOff: withPlayback.cutOff }).toEqual({ violations: [], cutOff: [] });
      await page.setViewportSize(SMALL);
      expect(await inView(page, 'Start interview')).toBe(true);
    } finally {
      await close(session);
    }
  }, 120_000);

  it('a silent microphone holds Start back with the reason, until the candidate says they are in a quiet place', async () => {
    const root = tempDir('irec-devices-silent-e2e-');
    const media = await makeFakeMedia(root);
    const silence = path.join(root, 'silence.wav');
    await generateMedia('anullsrc=r=48000:cl=mono', 10, silence, []);
    const session = await open(fakeDeviceArgs({ ...media, microphone: silence }), root);
    const { page } = session;
    try {
      await reachDeviceCheck(page, await session.app.launchUrl());
      const start = page.getByRole('button', { name: 'Start interview' });
      await page.getByText('Say a few words: the bar moves when we hear you.').waitFor();
      await page.waitForTimeout(1500); // long enough for a working microphone to be heard
      expect(await start.isDisabled()).toBe(true);
      expect(await start.getAttribute('aria-describedby')).not.toBeNull();
      expect(await page.getByText('You can start once we hear you.').isVisible()).toBe(true);
      const report = await checkScreen(page, 'device-check-silent');
      expect(report).toEqual({ violations: [], focusedHeading: HEADING, cutOff: [] });

      await page.getByLabel('I’m in a quiet place — continue without the sound check').check();
      expect(await start.isEnabled()).toBe(true);
      expect(await inView(page, 'Start interview')).toBe(true);
    } finally {
      await close(session);
    }
  }, 90_000);

  it('camera denied by the browser: says so and how to allow it there, “Check again” asks again, Back leaves', async () => {
    const root = tempDir('irec-devices-denied-e2e-');
    // Without --use-fake-ui-for-media-stream headless Chromium denies the permission prompt.
    const session = await open(['--use-fake-device-for-media-stream'], root, (context) =>
      context.addInitScript(() => {
        const devices = navigator.mediaDevices;
        const ask = devices.getUserMedia.bind(devices);
        (window as unknown as { asked: number }).asked = 0;
        devices.getUserMedia = (constraints) => {
          (window as unknown as { asked: number }).asked += 1;
          return ask(constraints);
        };
      }),
    );
    const { page } = session;
    const asked = () => page.evaluate(() => (window as unknown as { asked: number }).asked);
    try {
      await reachDeviceCheck(page, await session.app.launchUrl());
      const help = page.getByRole('alert');
      await help.getByRole('heading', { name: 'Your browser blocks the camera and microphone' }).waitFor();
      const advice = await help.innerText();
      expect(advice).toMatch(/address bar/);
      expect(advice).not.toMatch(/"video"|"audio"|groups/);
      expect(await page.getByRole('button', { name: 'Start interview' }).isDisabled()).toBe(true);
      expect(await checkScreen(page, 'camera-blocked')).toEqual({ violations: [], focusedHeading: HEADING, cutOff: [] });

      const before = await asked();
      await page.getByRole('button', { name: 'Check again' }).click();
      await page.getByText('Nothing changed: access is still blocked.', { exact: false }).waitFor();
      expect(await asked()).toBe(before + 1);
      expect(await inView(page, 'Back')).toBe(true);

      await page.getByRole('button', { name: 'Back', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Before you start' }).waitFor();
    } finally {
      await close(session);
    }
  }, 90_000);
});
