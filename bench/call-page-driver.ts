// Drives test/support/dev-call-page.ts (`window.callPage`) from bench code. Benchmarks are typed without the DOM,
// so the page's API is restated here in the little it is used for, and reached through `globalThis`.
import type { Page } from 'playwright-core';

export interface CallJoin {
  serverUrl: string;
  room: string;
  participantId: string;
  timeoutMs: number;
}

interface CallPageApi {
  join(request: CallJoin): Promise<{ ok: true } | { ok: false; error: unknown }>;
  leave(): Promise<void>;
  stats(): Promise<{ framesDecoded: Record<string, number> }>;
  events(): Array<{ type: string; participant?: { id: string } }>;
  show(participantId: string): void;
}
type WithCallPage = { callPage: CallPageApi };

/** Joins and publishes; throws with the provider's error if it cannot. */
export async function joinCall(page: Page, request: CallJoin): Promise<void> {
  const result = await page.evaluate((r) => (globalThis as unknown as WithCallPage).callPage.join(r), request);
  if (!result.ok) throw new Error(`${request.participantId} could not join ${request.room}: ${JSON.stringify(result.error)}`);
}

export const leaveCall = (page: Page) => page.evaluate(() => (globalThis as unknown as WithCallPage).callPage.leave());

/**
 * Milliseconds from calling `join()` to the first frame of `fromId`'s video decoded here, timed in the page
 * (frames decoded read from the connections' statistics every 10 ms, so at most that much late).
 */
export async function joinToFirstFrame(page: Page, request: CallJoin, fromId: string): Promise<number> {
  const result = await page.evaluate(
    async ({ r, from }) => {
      const { callPage } = globalThis as unknown as WithCallPage;
      const startedAt = performance.now();
      const joined = await callPage.join(r);
      if (!joined.ok) return { error: JSON.stringify(joined.error) };
      while (((await callPage.stats()).framesDecoded[from] ?? 0) === 0) {
        if (performance.now() - startedAt > r.timeoutMs) return { error: `no frame of ${from} within ${r.timeoutMs} ms` };
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      return { ms: performance.now() - startedAt };
    },
    { r: request, from: fromId },
  );
  if ('error' in result) throw new Error(`${request.participantId} joining ${request.room}: ${result.error}`);
  return result.ms;
}

/** The id of the first participant whose id starts with `prefix` to join, once one has. */
export async function participantJoined(page: Page, prefix: string, timeoutMs: number): Promise<string> {
  const handle = await page.waitForFunction(
    (p) =>
      (globalThis as unknown as WithCallPage).callPage
        .events()
        .find((e) => e.type === 'participant-joined' && e.participant?.id.startsWith(p))?.participant?.id,
    prefix,
    { timeout: timeoutMs, polling: 250 },
  );
  return (await handle.jsonValue()) as string;
}

/** Shows the participant's video (and plays its audio) in the page, as a person watching would. */
export const showParticipant = (page: Page, id: string) =>
  page.evaluate((who) => (globalThis as unknown as WithCallPage).callPage.show(who), id);

export const framesDecodedFrom = (page: Page, id: string) =>
  page.evaluate(async (who) => (await (globalThis as unknown as WithCallPage).callPage.stats()).framesDecoded[who] ?? 0, id);
