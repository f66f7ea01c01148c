// The kill test: a real recorder process is killed with SIGKILL at random moments; after `irec recover` the
// recording must play to its end and lack at most 1.5 s of what had been recorded when the kill came.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RecoveryReport } from '../../src/main/services/recovery/recover-interrupted';
import { framesInLastSecond, probeVideo } from '../support/media-analysis';
import { recordChunks } from '../support/recorded-chunks';
import { runIrecAsync } from '../support/run-irec';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-paths';

const KILLS = 20;
const PARALLEL = 5;
const FIXTURE_SECONDS = 12;
const KILL_WINDOW_MS = [2000, 10_000] as const;
const MAX_LOSS_SEC = 1.5;
const CHILD = path.resolve(import.meta.dirname, '../support/crash-child.ts');

interface Outcome {
  killAtSec: number;
  acked: number;
  recoveredSec: number;
  lossSec: number;
  lastSecondFrames: number;
}

/** Starts a recorder child, kills it `delayMs` after its recording started, and waits until it is gone. */
async function recordAndKill(root: string, fixtureDir: string, delayMs: number): Promise<{ killAtSec: number; acked: number }> {
  const child = spawn(process.execPath, ['--import', 'tsx', CHILD, root, fixtureDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  let startedAt = 0;
  let acked = 0;
  let killAtSec = 0;
  for await (const line of readline.createInterface({ input: child.stdout })) {
    const message = JSON.parse(line) as { event: string; startedAt?: number };
    if (message.event === 'ack') acked++;
    if (message.event === 'started') {
      startedAt = message.startedAt!;
      setTimeout(
        () => {
          killAtSec = (Date.now() - startedAt) / 1000;
          child.kill('SIGKILL');
        },
        startedAt + delayMs - Date.now(),
      );
    }
  }
  await exited;
  if (!killAtSec) throw new Error('the recorder ended before it was killed');
  return { killAtSec, acked };
}

describe('kill -9 at random moments while recording', () => {
  let fixtureDir: string;
  const outcomes: Outcome[] = [];

  beforeAll(async () => {
    fixtureDir = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-crash-fixture-'));
    const media = await recordChunks('h264-webm', FIXTURE_SECONDS);
    media.chunks.forEach((chunk, i) => fs.writeFileSync(path.join(fixtureDir, `chunk-${i}.bin`), chunk));
    fs.writeFileSync(path.join(fixtureDir, 'fixture.json'), JSON.stringify({ mimeType: media.mimeType, chunkCount: media.chunks.length }));
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

      const recovered = await runIrecAsync(['recover', '--json'], testEnv(root));
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
