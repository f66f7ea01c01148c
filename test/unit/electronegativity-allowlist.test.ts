import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { judgeFindings, loadAllowlist, type AllowlistEntry, type Finding } from '../support/electronegativity-allowlist';
import { tempDir } from '../support/temp-dir';

const finding = (over: Partial<Finding>): Finding => ({
  id: 'PRELOAD_JS_CHECK',
  severity: 'MEDIUM',
  confidence: 'FIRM',
  file: 'src/main/windows/main-window.ts',
  line: 19,
  column: 6,
  sample: 'preload: preloadPath,',
  description: 'Review the use of preload scripts',
  manualReview: true,
  ...over,
});
const entry: AllowlistEntry = {
  check: 'PRELOAD_JS_CHECK',
  file: 'src/main/windows/main-window.ts',
  snippet: 'preload: preloadPath',
  reason: 'the preload exposes only the contract functions',
};

describe('Electronegativity allowlist', () => {
  it('covers its finding wherever the line moves, and nothing else', () => {
    expect(judgeFindings([finding({ line: 19 }), finding({ line: 42 })], [entry])).toEqual({ unlisted: [], stale: [] });
    const others = [
      finding({ id: 'CONTEXT_ISOLATION_JS_CHECK', severity: 'HIGH' }), // another check on the same line
      finding({ file: 'src/main/windows/other-window.ts' }), // the same check in another file
      finding({ sample: 'preload: path.join(untrusted, "x.js"),' }), // other code in the same file
    ];
    expect(judgeFindings(others, [entry]).unlisted).toEqual(others);
  });

  it('pins a line only when the entry names one', () => {
    const pinned = { ...entry, line: 19 };
    expect(judgeFindings([finding({ line: 19 })], [pinned]).unlisted).toEqual([]);
    expect(judgeFindings([finding({ line: 20 })], [pinned]).unlisted).toHaveLength(1);
  });

  it('lets LOW and informational findings through and reports entries that match nothing', () => {
    const notes = [finding({ severity: 'LOW' }), finding({ severity: 'INFORMATIONAL', id: 'ELECTRON_VERSION_JSON_CHECK' })];
    expect(judgeFindings(notes, [])).toEqual({ unlisted: [], stale: [] });
    expect(judgeFindings([], [entry]).stale).toEqual([entry]);
  });

  it('refuses an entry without a reason, naming the file and the field', () => {
    const file = path.join(tempDir(), 'allowlist.json');
    fs.writeFileSync(file, JSON.stringify({ entries: [{ ...entry, reason: ' ok ' }] }));
    expect(() => loadAllowlist(file)).toThrow(`${file} is not a valid Electronegativity allowlist: entries.0.reason: say in a sentence`);
  });
});
