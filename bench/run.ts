import { callBench } from './call.bench';
import { captureBench } from './capture.bench';
import { catalogBench } from './catalog.bench';
import { finalizeBench } from './finalize.bench';
import { mediaBench } from './media.bench';
import { hasGoal, meets, printFigures, type Figure } from './report';
import { typecheckBench } from './typecheck.bench';
import { uploadBench } from './upload.bench';

// `npm run bench [-- <group>…]`: every benchmark's figures against the goals of the issues; name groups
// (catalog, finalize, upload, capture, media, call, typecheck) to run only those. IREC_BENCH_CAPTURE_SECONDS shortens the capture
// run (default 600 s, the ten minutes); IREC_BENCH_CALL_SECONDS each of the call bench's two recordings
// (default 1800 s, the 30-minute call); IREC_BENCH_CACHE is where the generated 60-minute recording is kept.
const seconds = Number(process.env.IREC_BENCH_CAPTURE_SECONDS ?? 600);
const callSeconds = Number(process.env.IREC_BENCH_CALL_SECONDS ?? 1800);
const groups: Array<{ name: string; title: string; run: () => Figure[] | Promise<Figure[]> }> = [
  { name: 'catalog', title: 'Catalog (better-sqlite3, WAL, synchronous=FULL, real file)', run: catalogBench },
  { name: 'finalize', title: 'Finalize (real ffmpeg/ffprobe, 60-minute H.264 + Opus recording)', run: finalizeBench },
  { name: 'upload', title: 'S3 upload (s3rver on loopback behind a bandwidth-capping proxy)', run: uploadBench },
  { name: 'capture', title: `Capture (browser host, Debian Chromium, fake 720p30 camera, ${seconds} s)`, run: () => captureBench(seconds) },
  { name: 'media', title: 'Media Recording API (development backend behind a link of twice the bitrate)', run: mediaBench },
  {
    name: 'call',
    title: `Live call (development call server on loopback; browser host, fake 720p30 camera, ${callSeconds} s with and without the call)`,
    run: () => callBench(callSeconds),
  },
  { name: 'typecheck', title: 'Typecheck (the three TypeScript projects, TypeScript 7 against 5.9)', run: typecheckBench },
];
const wanted = process.argv.slice(2);
const unknown = wanted.filter((name) => !groups.some((g) => g.name === name));
if (unknown.length) {
  console.error(`Unknown benchmark ${unknown.join(', ')}; choose from ${groups.map((g) => g.name).join(', ')}.`);
  process.exit(2);
}

const all: Figure[] = [];
for (const group of groups.filter((g) => wanted.length === 0 || wanted.includes(g.name))) {
  const figures = await group.run();
  printFigures(group.title, figures);
  all.push(...figures);
}

const goals = all.filter(hasGoal);
const missed = goals.filter((f) => !meets(f)).length;
console.log(`\n${goals.length - missed} of ${goals.length} figures meet their goals.`);
