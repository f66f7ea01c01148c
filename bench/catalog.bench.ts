import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openCatalog } from '../src/core/services/catalog/open-catalog';
import { insertChunk, insertSegment } from '../src/core/services/catalog/queries/chunks';
import { insertInterview } from '../src/core/services/catalog/queries/interviews';
import { insertRecording, listRecordings } from '../src/core/services/catalog/queries/recordings';
import { percentile, type Figure } from './report';

const CACHE = path.join(os.tmpdir(), 'irec-bench');
const LIBRARY_RECORDINGS = 100;
const CHUNKS_PER_HOUR = 3600;

function seedLibrary(file: string): void {
  const { db } = openCatalog(file);
  const started = Date.UTC(2026, 0, 1);
  db.transaction(() => {
    for (let r = 0; r < LIBRARY_RECORDINGS; r++) {
      const at = new Date(started + r * 86_400_000).toISOString();
      insertInterview(db, { id: `i${r}`, title: `Interview ${r}`, createdAt: at });
      insertRecording(db, { id: `r${r}`, interviewId: `i${r}`, state: 'uploaded', startedAt: at });
      insertSegment(db, { recordingId: `r${r}`, seq: 0, filePath: `/r${r}.webm`, mimeType: 'video/webm', startedAt: at });
      for (let idx = 0; idx < CHUNKS_PER_HOUR; idx++) {
        insertChunk(db, {
          recordingId: `r${r}`,
          segmentSeq: 0,
          idx,
          byteOffset: idx * 328_000,
          size: 328_000,
          sha256: 'f'.repeat(64),
          receivedAt: at,
        });
      }
    }
  })();
  db.close();
}

/** Catalog costs that bound the recording path and start-up, on a real file with synchronous=FULL. */
export function catalogBench(): Figure[] {
  fs.mkdirSync(CACHE, { recursive: true });
  const dir = fs.mkdtempSync(path.join(CACHE, 'chunks-'));
  const { db } = openCatalog(path.join(dir, 'catalog.sqlite'));
  insertInterview(db, { id: 'i', title: 'bench', createdAt: new Date().toISOString() });
  insertRecording(db, { id: 'r', interviewId: 'i', state: 'recording', startedAt: new Date().toISOString() });
  insertSegment(db, { recordingId: 'r', seq: 0, filePath: '/r.webm', mimeType: 'video/webm', startedAt: new Date().toISOString() });
  const latencies: number[] = [];
  for (let idx = 0; idx < 600; idx++) {
    const t0 = performance.now();
    // One transaction per chunk, as the chunk writer commits each acknowledged chunk.
    insertChunk(db, {
      recordingId: 'r',
      segmentSeq: 0,
      idx,
      byteOffset: idx * 328_000,
      size: 328_000,
      sha256: 'f'.repeat(64),
      receivedAt: new Date().toISOString(),
    });
    latencies.push(performance.now() - t0);
  }
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
  latencies.sort((a, b) => a - b);

  // A library of 100 one-hour recordings (360,000 chunk rows), generated once and kept in the temp folder.
  const library = path.join(CACHE, `library-v1-${LIBRARY_RECORDINGS}.sqlite`);
  if (!fs.existsSync(library)) seedLibrary(library);
  const sizeMb = fs.statSync(library).size / 1e6;
  const t0 = performance.now();
  const opened = openCatalog(library);
  const openMs = performance.now() - t0;
  const t1 = performance.now();
  const page = listRecordings(opened.db, { limit: 50, offset: 0 });
  const listMs = performance.now() - t1;
  opened.db.close();
  if (page.length !== 50 || page[0]!.chunkCount !== CHUNKS_PER_HOUR) throw new Error('library query returned the wrong rows');

  return [
    { name: 'chunk row commit p50', value: percentile(latencies, 50), unit: 'ms', goal: 10, direction: 'max' },
    {
      name: 'chunk row commit p99',
      value: percentile(latencies, 99),
      unit: 'ms',
      goal: 50,
      direction: 'max',
      note: 'synchronous=FULL, one transaction per one-second chunk; 600 commits',
    },
    {
      name: 'start-up open + integrity_check',
      value: openMs,
      unit: 'ms',
      goal: 2000,
      direction: 'max',
      note: `100 one-hour recordings, 360,000 chunk rows, ${sizeMb.toFixed(0)} MB catalog`,
    },
    { name: 'library page (50 recordings)', value: listMs, unit: 'ms', goal: 50, direction: 'max' },
  ];
}
