#!/usr/bin/env node
// Electronegativity (Doyensec's static checker for Electron apps) over the app's sources, through its Node API,
// with the network cut off. Prints the findings as JSON on stdout; the verdict against the allowlist is the
// test's (test/integration/electronegativity.test.ts). By hand: `node tools/electronegativity/scan-offline.mjs`.
//
//   --input <dir>   scan this folder as it is (the test plants insecure code this way)
//
// Without --input it scans a copy of src/ and package.json: the TypeScript sources are what it parses best and
// reports by file and line (it skips the built .cjs bundles altogether), its global checks (CSP, navigation
// limits, permission handler) need the whole app in one scan, and package.json holds the scripts its argument
// checks read. The copy keeps it from walking node_modules.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const require = createRequire(import.meta.url);
const toolMain = require.resolve('@doyensec/electronegativity');

/**
 * Checks skipped, and why: this one downloads Electron's release list from GitHub to say whether the Electron in
 * package.json has security fixes pending. It needs the network, and the answer changes with the day, not with
 * our code; keeping Electron current is dependency upkeep, not a source finding.
 */
const SKIPPED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/**
 * Electronegativity asks the network with `got` (its translations, and the release list above). Every such
 * request is refused at once, so a scan never waits on the network and gives the same answer offline and online.
 */
function refuseNetwork(refused) {
  const gotPath = createRequire(toolMain).resolve('got');
  const refuse = (url) => {
    refused.push(String(url));
    return Promise.reject(new Error('the network is off for this scan'));
  };
  refuse.get = refuse;
  refuse.head = refuse;
  require.cache[gotPath] = { id: gotPath, filename: gotPath, loaded: true, exports: refuse, children: [], paths: [] };
}

/** The folder to scan and how to clean it up afterwards. */
function stageInput(input) {
  if (input) return { dir: path.resolve(input), cleanup: () => {} };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-electronegativity-'));
  fs.cpSync(path.join(projectRoot, 'src'), path.join(dir, 'src'), { recursive: true });
  fs.copyFileSync(path.join(projectRoot, 'package.json'), path.join(dir, 'package.json'));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}

const toFinding = (issue) => ({
  id: issue.id,
  severity: issue.severity.name,
  confidence: issue.confidence.name,
  file: issue.file.split(path.sep).join('/'),
  line: issue.location.line,
  column: issue.location.column,
  sample: issue.sample,
  description: issue.description,
  manualReview: Boolean(issue.manualReview),
});

async function main() {
  const { values } = parseArgs({ options: { input: { type: 'string' } } });
  // Its messages come from a locale named by LANG; unknown locales (C.UTF-8) would leave them as keys.
  process.env.LANG = 'en-US';
  // Whatever it prints goes to stderr: stdout carries the JSON only.
  console.log = console.error;
  const refusedRequests = [];
  refuseNetwork(refusedRequests);
  const run = require(toolMain);
  // The Electron the app is built against (installed without its binary), not a guess from a version range.
  const electronVersion = require('electron/package.json').version;
  const staged = stageInput(values.input);
  // Stopped early (the test's time limit, Ctrl-C): the copy goes too.
  for (const signal of ['SIGTERM', 'SIGINT'])
    process.once(signal, () => {
      staged.cleanup();
      process.exit(1);
    });
  const started = Date.now();
  try {
    const result = await run({
      input: staged.dir,
      isRelative: true,
      electronVersionOverride: electronVersion,
      excludeFromScan: SKIPPED_CHECKS,
    });
    const report = {
      electronVersion,
      checks: { atomic: result.atomicChecks, global: result.globalChecks, skipped: SKIPPED_CHECKS },
      millis: Date.now() - started,
      parseErrors: result.errors.map((e) => ({ file: path.relative(staged.dir, e.file), message: e.message, tolerable: e.tolerable })),
      refusedRequests,
      findings: result.issues.map(toFinding),
    };
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  } finally {
    staged.cleanup();
  }
}

main().catch((error) => {
  console.error(`Electronegativity could not scan: ${error instanceof Error ? error.stack : String(error)}`);
  process.exit(1);
});
