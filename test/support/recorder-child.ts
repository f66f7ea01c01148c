// Runs crash-child.ts (a real recorder at real-time pace) in its own process group, for tests that kill it.
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { spawnGroup, type ProcessGroup } from './process-group';
import { recordChunks } from './recorded-chunks';

const CHILD = path.resolve(import.meta.dirname, 'crash-child.ts');

export type RecorderMessage =
  { event: 'started'; recordingId: string; startedAt: number } | { event: 'ack'; index: number; at: number } | { event: 'done' };

/** One-second chunks of a generated H.264 WebM recording, written where crash-child reads them. */
export async function writeChunkFixture(fixtureDir: string, seconds: number): Promise<void> {
  const media = await recordChunks('h264-webm', seconds);
  media.chunks.forEach((chunk, i) => fs.writeFileSync(path.join(fixtureDir, `chunk-${i}.bin`), chunk));
  fs.writeFileSync(path.join(fixtureDir, 'fixture.json'), JSON.stringify({ mimeType: media.mimeType, chunkCount: media.chunks.length }));
}

/** Starts the recorder on the data folders under `root`; its messages arrive in order, one per acknowledgement. */
export function startRecorderChild(root: string, fixtureDir: string): { group: ProcessGroup; messages: AsyncIterable<RecorderMessage> } {
  const group = spawnGroup(process.execPath, ['--import', 'tsx', CHILD, root, fixtureDir], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = readline.createInterface({ input: group.child.stdout! });
  async function* messages(): AsyncIterable<RecorderMessage> {
    for await (const line of lines) yield JSON.parse(line) as RecorderMessage;
  }
  return { group, messages: messages() };
}
