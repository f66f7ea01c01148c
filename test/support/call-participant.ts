// Participants of a development-server call, each its own headless Chromium with its own fake camera and
// microphone (so whoever watches can tell who it sees and hears), on the page of dev-call-page.ts. Free of the
// test runner: `npm run demo -- --live` and the call bench use it too; tests use call-pages.ts.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from './chromium';
import { asAnotherComputer } from './process-priority';
import { fakeDeviceArgs, generateMedia } from './fake-devices';

export interface ParticipantMedia {
  camera: string;
  microphone: string;
}

/** A 640×480 camera from an ffmpeg lavfi source (2 s, looped by Chromium). */
export async function participantCamera(dir: string, name: string, cameraSource: string): Promise<string> {
  const camera = path.join(dir, `${name}.y4m`);
  await generateMedia(cameraSource, 2, camera, ['-pix_fmt', 'yuv420p']);
  return camera;
}

/** A microphone playing one tone (10 s, looped by Chromium). */
export async function participantMicrophone(dir: string, name: string, toneHz: number): Promise<string> {
  const microphone = path.join(dir, `${name}.wav`);
  await generateMedia(`sine=frequency=${toneHz}:sample_rate=48000`, 10, microphone, ['-ac', '1']);
  return microphone;
}

/** Both of the above. */
export async function participantMedia(dir: string, name: string, cameraSource: string, toneHz: number): Promise<ParticipantMedia> {
  return { camera: await participantCamera(dir, name, cameraSource), microphone: await participantMicrophone(dir, name, toneHz) };
}

/** interview-call.ts's CallToken, restated: benchmarks use this file and are typed without the DOM that file needs. */
export interface CallToken {
  token: string;
  expiresAt?: number;
}

export type TokenFor = (channel: string, participantId: string) => Promise<CallToken>;

/** A token from the development backend's `POST /call/token`. */
export function devCallTokens(tokenUrl: string, ttlSeconds?: number): TokenFor {
  return async (channel, participantId) => {
    const response = await fetch(tokenUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ channel, participantId, ...(ttlSeconds && { ttlSeconds }) }),
    });
    const body = (await response.json()) as { token: string; expiresAt: string; error?: string };
    if (!response.ok) throw new Error(`POST ${tokenUrl}: ${response.status} ${body.error ?? ''}`);
    return { token: body.token, expiresAt: Date.parse(body.expiresAt) };
  };
}

export interface CallParticipant {
  browser: Browser;
  page: Page;
}

/**
 * A Chromium showing the call test page served at `pageUrl`, at the lowest CPU priority (it stands in for another
 * computer: asAnotherComputer); the caller closes its browser. Chromium offers
 * loopback ICE candidates only with `--allow-loopback-in-peer-connection`.
 */
export async function openCallParticipant(pageUrl: string, media: ParticipantMedia, tokens: TokenFor): Promise<CallParticipant> {
  const browser = await launchChromium([...fakeDeviceArgs(media), '--allow-loopback-in-peer-connection']);
  try {
    await asAnotherComputer(browser);
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`call page: ${error.message}`));
    await page.exposeFunction('irecToken', tokens);
    await page.goto(pageUrl);
    await page.waitForFunction(() => 'callPage' in globalThis);
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}
