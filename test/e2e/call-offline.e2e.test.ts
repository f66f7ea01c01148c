import path from 'node:path';
import type { Browser } from 'playwright-core';
import { describe, expect, it, onTestFinished } from 'vitest';
import { configSchema } from '../../src/shared/config/schema';
import { createCallTokens } from '../../src/core/services/call/call-tokens';
import type { JoinInfo } from '../../src/renderer/features/call/interview-call';
import { serveBrowserBundle } from '../support/browser-bundle';
import { launchChromium } from '../support/chromium';
import { devBackend } from '../support/dev-backend';
import type { OfflineJoinResult } from './pages/call-offline.page';

// Chromium here has no route to the internet: exactly a candidate whose network blocks Agora and LiveKit. The real
// SDKs must give up within the configured join timeout, and the recording must go on as if nothing happened.
const JOIN_TIMEOUT_SECONDS = 5;
/** The test's own bound: far above the join timeout, only so that a hang fails the test instead of stalling it. */
const HANG_BOUND_MS = 60_000;

async function openPage() {
  const served = await serveBrowserBundle(path.join(import.meta.dirname, 'pages', 'call-offline.page.ts'));
  const browser: Browser = await launchChromium();
  onTestFinished(async () => {
    await browser.close();
    await served.close();
  });
  const page = await browser.newPage();
  await page.goto(served.url);
  await page.waitForFunction(() => typeof window.joinOffline === 'function');
  return page;
}

/** The settings a live interview would read: the development backend's App ID and token endpoints, the join timeout. */
async function configuredJoin(provider: 'agora' | 'livekit', serverUrl?: string) {
  const { backend } = await devBackend();
  const settings = configSchema.parse({
    backends: {
      agora: { appId: backend.env.IREC_AGORA_APP_ID, tokenUrl: backend.env.IREC_AGORA_TOKEN_URL },
      livekit: { url: serverUrl, tokenUrl: backend.env.IREC_LIVEKIT_TOKEN_URL, token: backend.env.IREC_LIVEKIT_TOKEN },
    },
    calls: { joinTimeoutSeconds: JOIN_TIMEOUT_SECONDS },
  });
  const fetched = await createCallTokens(settings).get({ provider, channel: 'offline-interview', participantId: '4242' });
  const join: JoinInfo = {
    provider,
    channel: 'offline-interview',
    participantId: '4242',
    displayName: 'Candidate',
    appId: fetched.appId,
    serverUrl: fetched.serverUrl,
  };
  return { join, token: fetched.ticket, timeoutMs: fetched.joinTimeoutSeconds * 1000 };
}

function expectRecordingUnharmed(result: OfflineJoinResult) {
  expect(result.recordedTracks).toEqual([
    { kind: 'audio', readyState: 'live', enabled: true },
    { kind: 'video', readyState: 'live', enabled: true },
  ]);
  expect(result.recorderState).toBe('recording');
  expect(result.recordedChunks).toBeGreaterThan(0);
}

const PROVIDERS = [
  { name: 'Agora', provider: 'agora', what: 'a real agora-rtc-sdk-ng join', serverUrl: undefined },
  { name: 'LiveKit', provider: 'livekit', what: 'a real livekit-client connect', serverUrl: 'wss://livekit.interview-recorder.example' },
] as const;

describe('calls with no network route (real SDKs in Chromium)', () => {
  it.each(PROVIDERS)(
    '$name: $what gives up with timeout/unreachable within the configured timeout; the recording goes on',
    { timeout: 120_000 },
    async ({ name, provider, serverUrl }) => {
      const page = await openPage();
      const { join, token, timeoutMs } = await configuredJoin(provider, serverUrl);
      if (provider === 'agora') expect(join.appId).toMatch(/^[0-9a-f]{32}$/);
      const result = await page.evaluate(({ join, token, timeoutMs }) => window.joinOffline(join, token, timeoutMs), {
        join,
        token,
        timeoutMs,
      });
      console.log(
        `${name} offline join ended after ${Math.round(result.elapsedMs)} ms (timeout ${timeoutMs} ms): ${result.kind}: ${result.detail}`,
      );

      expect(result.outcome).toBe('failed');
      expect(['timeout', 'unreachable']).toContain(result.kind);
      expect(result.state).toBe('disconnected');
      expect(result.elapsedMs).toBeLessThan(HANG_BOUND_MS);
      expectRecordingUnharmed(result);
    },
  );
});
