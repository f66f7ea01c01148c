// Participants of a development-server call for tests: each its own headless Chromium with its own fake camera
// and microphone (so the test can tell who it sees and hears), on the test page of dev-call-page.ts.
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { onTestFinished } from 'vitest';
import type { CallToken } from '../../src/renderer/features/call/interview-call';
import { launchChromium } from './chromium';
import { fakeDeviceArgs, generateMedia } from './fake-devices';

export interface ParticipantMedia {
  camera: string;
  microphone: string;
  toneHz: number;
}

/** A 640×480 camera from an ffmpeg lavfi source and a microphone playing one tone. */
export async function participantMedia(dir: string, name: string, cameraSource: string, toneHz: number): Promise<ParticipantMedia> {
  const camera = path.join(dir, `${name}.y4m`);
  const microphone = path.join(dir, `${name}.wav`);
  await generateMedia(cameraSource, 2, camera, ['-pix_fmt', 'yuv420p']);
  await generateMedia(`sine=frequency=${toneHz}:sample_rate=48000`, 10, microphone, ['-ac', '1']);
  return { camera, microphone, toneHz };
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
 * A Chromium (closed when the test ends) showing the call test page served at `pageUrl`. Chromium offers
 * loopback ICE candidates only with `--allow-loopback-in-peer-connection`.
 */
export async function callParticipant(pageUrl: string, media: ParticipantMedia, tokens: TokenFor): Promise<CallParticipant> {
  const browser = await launchChromium([...fakeDeviceArgs(media), '--allow-loopback-in-peer-connection']);
  onTestFinished(() => browser.close());
  const page = await browser.newPage();
  page.on('pageerror', (error) => console.error(`call page: ${error.message}`));
  await page.exposeFunction('irecToken', tokens);
  await page.goto(pageUrl);
  await page.waitForFunction(() => 'callPage' in window);
  return { browser, page };
}
