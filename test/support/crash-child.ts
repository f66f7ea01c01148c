// A recorder that gets killed: records through the production core (chunk writer, fdatasync, catalog) at real-time
// pace, one chunk per second as MediaRecorder delivers them, and prints each acknowledgement. The parent test
// kills it with SIGKILL at a random moment (test/support/recorder-child.ts runs it in its own process group); a
// parent that is gone ends it too, at its next acknowledgement (EPIPE on stdout). Usage: crash-child <root> <fixture-dir>
import fs from 'node:fs';
import path from 'node:path';
import { createCore } from '../../src/core/create-core';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { testPaths } from './test-paths';

const [root, fixtureDir] = process.argv.slice(2) as [string, string];
const { mimeType, chunkCount } = JSON.parse(fs.readFileSync(path.join(fixtureDir, 'fixture.json'), 'utf8')) as {
  mimeType: string;
  chunkCount: number;
};
const core = createCore({ runtime: 'node', version: 'crash-child', paths: testPaths(root), env: { PATH: process.env.PATH } });
if (!core.catalog.ok || !core.recording) throw new Error('no catalog');
insertInterview(core.catalog.catalog.db, { id: 'int-crash', title: 'Crash test', createdAt: new Date().toISOString() });
const { recordingId } = await core.recording.start({ interviewId: 'int-crash', mimeType });
const startedAt = Date.now();
process.stdout.write(`${JSON.stringify({ event: 'started', recordingId, startedAt })}\n`);
for (let index = 0; index < chunkCount; index++) {
  // Chunk n holds media second n and is delivered when that second has been recorded.
  await new Promise((resolve) => setTimeout(resolve, startedAt + (index + 1) * 1000 - Date.now()));
  const bytes = fs.readFileSync(path.join(fixtureDir, `chunk-${index}.bin`));
  await core.recording.appendChunk({ recordingId, segment: 0, index, bytes, mediaEndMs: (index + 1) * 1000 });
  process.stdout.write(`${JSON.stringify({ event: 'ack', index, at: Date.now() - startedAt })}\n`);
}
process.stdout.write(`${JSON.stringify({ event: 'done' })}\n`);
// Not killed after all (the test failed or ended early): leave, rather than idle on with the core's timers.
await core.close();
process.exit(0);
