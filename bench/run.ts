import { catalogBench } from './catalog.bench';
import { meets, printFigures } from './report';

// `npm run bench`: every benchmark's figures against the goals of the issues. Later issues add their own
// (finalize speed, upload throughput) here.
const figures = catalogBench();
printFigures('Catalog (better-sqlite3, WAL, synchronous=FULL, real file)', figures);
const missed = figures.filter((f) => !meets(f)).length;
console.log(`\n${figures.length - missed} of ${figures.length} figures meet their goals.`);
