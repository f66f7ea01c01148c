// The kill test: a real recorder process is killed with SIGKILL at random moments; after `irec recover --submit-paused` the
// recording must play to its end and lack at most 1.5 s of what had been recorded when the kill came.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecoveryReport } from '../../src/core/services/recovery/recover-interrupted';
import { framesInLastSecond, probeVideo } from '../support/media-analysis';
import { startRecorderChild, writeChunkFixture } from '../support/recorder-child';
import { runIrecAsync } from '../support/run-irec';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-paths';

const KILLS = 20;
const PARALLEL = 5;
const FIXTURE_SECONDS = 12;
const KILL_WINDOW_MS = [2000, 10_000] as const;
const MAX_LOSS_SEC = 1.5;

interface Outcome {
  killAtSec: number;
  acked: number;
  recoveredSec: number;
  lossSec: number;
  lastSecondFrames: number;
}

/** Starts a recorder child, SIGKILLs its process group `delayMs` after its recording started, and waits until it is gone. */
async function recordAndKill(root: string, fixtureDir: string, delayMs: number): Promise<{ killAtSec: number; acked: number }> {
  const { group, messages } = startRecorderChild(root, fixtureDir);
  let acked = 0;
  let killAtSec = 0;
  let killed: Promise<void> | undefined;
  try {
    for await (const message of messages) {
      if (message.event === 'ack') acked++;
      if (message.event === 'started') {
        const { startedAt } = message;
        killed = new Promise((resolve) => setTimeout(resolve, startedAt + delayMs - Date.now())).then(() => {
          if (group.child.exitCode !== null) return;
          killAtSec = (Date.now() - startedAt) / 1000;
          return group.kill();
        });
      }
    }
    await killed;
  } finally {
    await group.kill();
  }
  if (!killAtSec) throw new Error('the recorder ended before it was killed');
  return { killAtSec, acked };
}

describe('kill -9 at random moments while recording', () => {
  let fixtureDir: string;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-crash-fixture-'));
    await writeChunkFixture(fixtureDir, FIXTURE_SECONDS);
  }, 60_000);

  afterAll(() => {
    fs.rmSync(fixtureDir, { recursive: true, force: true });
    if (outcomes.length === 0) return;
    const worst = outcomes.reduce((a, b) => (b.lossSec > a.lossSec ? b : a));
    const mean = outcomes.reduce((sum, o) => sum + o.lossSec, 0) / outcomes.length;
    console.log(
      `crash-kill: ${outcomes.length} SIGKILLs, media lost per kill: worst ${worst.lossSec.toFixed(3)} s ` +
        `(killed at ${worst.killAtSec.toFixed(3)} s), mean ${mean.toFixed(3)} s; goal ≤ ${MAX_LOSS_SEC} s`,
    );
  });

  it(`${KILLS} kills: every recording recovers, plays to its end, and loses ≤ ${MAX_LOSS_SEC} s`, async () => {
    const trial = async (): Promise<void> => {
      const root = tempDir();
      const delay = KILL_WINDOW_MS[0] + Math.random() * (KILL_WINDOW_MS[1] - KILL_WINDOW_MS[0]);
      const { killAtSec, acked } = await recordAndKill(root, fixtureDir, delay);

      // The interrupted interview is paused for its candidate; submitted as it is, it is finalized at once.
      const recovered = await runIrecAsync(['recover', '--submit-paused', '--json'], testEnv(root));
      expect(recovered.status, recovered.stderr).toBe(0);
      const [report] = recovered.json<RecoveryReport[]>();
      expect(report).toMatchObject({ interrupted: true, crashed: true, outcome: 'finalized' });
      const file = report!.recording!.outputs[0]!.filePath;
      const { durationSec } = await probeVideo(file);
      const outcome = {
        killAtSec,
        acked,
        recoveredSec: durationSec,
        lossSec: killAtSec - durationSec,
        lastSecondFrames: await framesInLastSecond(file, durationSec),
      };
      outcomes.push(outcome);
      expect(outcome.lastSecondFrames, JSON.stringify(outcome)).toBeGreaterThanOrEqual(25);
      expect(outcome.lossSec, JSON.stringify(outcome)).toBeLessThanOrEqual(MAX_LOSS_SEC);
      // Every acknowledged chunk is in the file: nothing the recorder was told is safe went missing.
      expect(durationSec, JSON.stringify(outcome)).toBeGreaterThanOrEqual(acked - 0.1);
    };
    for (let done = 0; done < KILLS; done += PARALLEL) {
      await Promise.all(Array.from({ length: Math.min(PARALLEL, KILLS - done) }, trial));
    }
    expect(outcomes).toHaveLength(KILLS);
  }, 300_000);
});
