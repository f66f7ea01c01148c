import { describe, expect, it } from 'vitest';
import { HELP } from '../../src/cli/help';
import { generateCliDoc, readCheckedInCliDoc, renderCliDoc } from '../../tools/docs/cli-doc';

describe('docs/cli.md', () => {
  it('is what `npm run docs:cli` generates from src/cli/help.ts now', async () => {
    const checkedIn = await readCheckedInCliDoc();
    const expected = await generateCliDoc();
    if (checkedIn !== expected) {
      expect.fail('docs/cli.md is out of date with src/cli/help.ts (or missing): run `npm run docs:cli` and commit the result.');
    }
  });

  it('holds every line of the help text', async () => {
    const doc = await generateCliDoc();
    const missing = HELP.split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !/^[A-Z][^:]{0,60}:$/.test(line))
      .map((line) => line.replace(/^[A-Z][^:]{0,60}:\s+/, ''))
      .filter((line) => !doc.includes(line) && !doc.replace(/\\/g, '').includes(line));
    expect(missing).toEqual([]);
  });

  it('turns labelled parts into sections, continues indented blocks, and fences text that holds backticks', () => {
    const doc = renderCliDoc(
      'tool — a <thing>\n\nUsage: tool run\n\nCommands:\n  run   Runs.\n\n  more  Also ```here```.\n\nExit codes: 0 ok.',
    );
    expect(doc).toContain('tool — a \\<thing\\>');
    expect(doc).toContain('## Usage\n\n```text\ntool run\n```');
    expect(doc).toContain('## Commands\n\n````text\nrun   Runs.\n\nmore  Also ```here```.\n````');
    expect(doc).toContain('## Exit codes\n\n```text\n0 ok.\n```');
  });
});
