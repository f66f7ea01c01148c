import { captureBench } from './capture.bench';
import { catalogBench } from './catalog.bench';
import { meets, printFigures, type Figure } from './report';

// `npm run bench`: every benchmark's figures against the goals of the issues. IREC_BENCH_CAPTURE_SECONDS
// shortens the capture run (default 600 s, the ten minutes).
const all: Figure[] = [];
const catalog = catalogBench();
printFigures('Catalog (better-sqlite3, WAL, synchronous=FULL, real file)', catalog);
all.push(...catalog);

const seconds = Number(process.env.IREC_BENCH_CAPTURE_SECONDS ?? 600);
const capture = await captureBench(seconds);
printFigures(`Capture (browser host, Debian Chromium, fake 720p30 camera, ${seconds} s)`, capture);
all.push(...capture);

const missed = all.filter((f) => !meets(f)).length;
console.log(`\n${all.length - missed} of ${all.length} figures meet their goals.`);
