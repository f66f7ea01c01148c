import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCatalog } from '../src/core/services/catalog/open-catalog';
import { insertChunk, insertSegment } from '../src/core/services/catalog/queries/chunks';
import { insertInterview } from '../src/core/services/catalog/queries/interviews';
import { finishRecording, insertRecording } from '../src/core/services/catalog/queries/recordings';
import { finalizeRecording } from '../src/core/services/finalize/finalize-recording';
import { requireFfmpegTools } from '../src/core/services/media/locate-ffmpeg';
import { startRun } from '../src/core/services/recovery/run-registry';
import type { Figure } from './report';

const MINUTES = 60;
const MIME = 'video/webm;codecs=avc1,opus';

/** Generated once and kept outside the repository (IREC_BENCH_CACHE, else ~/.cache/interview-recorder/bench). */
const cacheDir = () => process.env.IREC_BENCH_CACHE ?? path.join(os.homedir(), '.cache', 'interview-recorder', 'bench');

/**
 * A 60-minute, 2.5 Mbps H.264 + 128 kbps Opus recording laid out as Chromium's MediaRecorder writes it (live
 * WebM: no duration, no cues). One minute is encoded, then stream-copied 60 times through a pipe.
 */
function hourRecording(ffmpeg: string): string {
  const file = path.join(cacheDir(), `recording-${MINUTES}min-2500k-h264-opus.webm`);
  if (fs.existsSync(file)) return file;
  fs.mkdirSync(cacheDir(), { recursive: true });
  console.log(`Generating the ${MINUTES}-minute benchmark recording once into ${file} …`);
  const minute = path.join(cacheDir(), 'minute.mkv');
  const source = ['-f', 'lavfi', '-i', 'testsrc2=size=1280x720:rate=30', '-f', 'lavfi', '-i', 'sine=frequency=440:sample_rate=48000'];
  const rate = ['-b:v', '2500k', '-maxrate', '2500k', '-bufsize', '5000k', '-g', '30'];
  const codecs = ['-c:v', 'libx264', '-preset', 'ultrafast', ...rate, '-c:a', 'libopus', '-b:a', '128k'];
  execFileSync(ffmpeg, ['-v', 'error', '-y', ...source, '-t', '60', ...codecs, minute]);
  const partial = `${file}.partial`;
  const out = fs.openSync(partial, 'w');
  execFileSync(
    ffmpeg,
    ['-v', 'error', '-stream_loop', String(MINUTES - 1), '-i', minute, '-c', 'copy', '-f', 'matroska', '-live', '1', 'pipe:1'],
    {
      stdio: ['ignore', out, 'inherit'],
    },
  );
  fs.closeSync(out);
  fs.renameSync(partial, file);
  fs.rmSync(minute);
  return file;
}

/** A catalog recording whose one segment is (a hard link to) the cached file, in one-second chunk rows. */
async function seed(dir: string, source: string) {
  const segmentFile = path.join(dir, 'recordings', 'rec-bench', 'segment-000.webm');
  fs.mkdirSync(path.dirname(segmentFile), { recursive: true });
  try {
    fs.linkSync(source, segmentFile);
  } catch {
    fs.copyFileSync(source, segmentFile);
  }
  const { db } = openCatalog(path.join(dir, 'catalog.sqlite'));
  const size = fs.statSync(segmentFile).size;
  const seconds = MINUTES * 60;
  const chunkBytes = Math.ceil(size / seconds);
  const startedAt = new Date().toISOString();
  const handle = await fs.promises.open(segmentFile, 'r');
  const buffer = Buffer.alloc(chunkBytes);
  db.transaction(() => {
    insertInterview(db, { id: 'int-bench', title: 'Benchmark', createdAt: startedAt });
    insertRecording(db, { id: 'rec-bench', interviewId: 'int-bench', state: 'recording', mimeType: MIME, startedAt });
    insertSegment(db, { recordingId: 'rec-bench', seq: 0, filePath: segmentFile, mimeType: MIME, startedAt });
  })();
  for (let idx = 0, offset = 0; offset < size; idx++, offset += chunkBytes) {
    const { bytesRead } = await handle.read(buffer, 0, chunkBytes, offset);
    const sha256 = createHash('sha256').update(buffer.subarray(0, bytesRead)).digest('hex');
    insertChunk(db, {
      recordingId: 'rec-bench',
      segmentSeq: 0,
      idx,
      byteOffset: offset,
      size: bytesRead,
      sha256,
      receivedAt: startedAt,
      mediaEndMs: (idx + 1) * 1000,
    });
  }
  await handle.close();
  finishRecording(db, 'rec-bench', { state: 'stopped', endedAt: startedAt, durationMs: seconds * 1000 });
  return db;
}

/** Asks the kernel to drop clean page-cache pages (root on Linux), so the run reads from disk; false if refused. */
function dropPageCache(): boolean {
  try {
    execFileSync('sync');
    fs.writeFileSync('/proc/sys/vm/drop_caches', '3');
    return true;
  } catch {
    return false;
  }
}

/** Finalize speed on a 60-minute recording: stream copy into MP4 (+faststart), verify, sha256. */
export async function finalizeBench(): Promise<Figure[]> {
  const tools = requireFfmpegTools();
  const source = hourRecording(tools.ffmpeg);
  const dir = fs.mkdtempSync(path.join(path.dirname(cacheDir()), 'finalize-run-'));
  try {
    const db = await seed(dir, source);
    const cold = dropPageCache();
    let remuxDoneAt = 0;
    const t0 = performance.now();
    const detail = await finalizeRecording({ db, run: startRun(db, 'bench'), tools: () => tools, freeBytes: () => null }, 'rec-bench', {
      onProgress: (p) => p.stage === 'verifying' && !remuxDoneAt && (remuxDoneAt = performance.now()),
    });
    const totalSec = (performance.now() - t0) / 1000;
    const remuxSec = (remuxDoneAt - t0) / 1000;
    const mediaSec = detail.outputs[0]!.durationMs / 1000;
    db.close();
    const note = `${(detail.outputs[0]!.size / 1e9).toFixed(2)} GB, ${cold ? 'page cache dropped first' : 'page cache warm (could not drop it)'}; remux ${remuxSec.toFixed(1)} s, verify + sha256 ${(totalSec - remuxSec).toFixed(1)} s`;
    return [
      {
        name: `finalize ${MINUTES}-min 2.5 Mbps recording (remux, verify, sha256)`,
        value: mediaSec / totalSec,
        unit: '× realtime',
        goal: 300,
        direction: 'min',
        note,
      },
      { name: `finalize ${MINUTES}-min recording, wall time`, value: totalSec, unit: 's', goal: 12, direction: 'max' },
      { name: 'remux alone (stream copy + faststart)', value: mediaSec / remuxSec, unit: '× realtime', goal: 300, direction: 'min' },
    ];
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
