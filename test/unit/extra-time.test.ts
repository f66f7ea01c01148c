import { describe, expect, it } from 'vitest';
import { loadActiveScript, parseExtraTime } from '../../src/core/services/interview/load-script';
import { extraTimeArgument, scriptFileArgument } from '../../src/main/platform/argv';

const scriptText = JSON.stringify({
  id: 'x',
  title: 'T',
  candidateName: 'C',
  extraTime: 1.5,
  questions: [{ text: 'q', thinkSeconds: 4, answerSeconds: 60 }],
});
const read = () => scriptText;

describe('extra time from the invite', () => {
  it('takes 1, 1.5 and 2 and refuses anything else with a sentence naming the flag', () => {
    expect(['1', '1.5', '2', ' 2 '].map((v) => parseExtraTime(v))).toEqual([
      { ok: true, factor: 1 },
      { ok: true, factor: 1.5 },
      { ok: true, factor: 2 },
      { ok: true, factor: 2 },
    ]);
    for (const bad of ['3', '1.25', '', 'double', '150%']) {
      const parsed = parseExtraTime(bad);
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.error).toMatch(/^--extra-time must be 1, 1\.5 or 2/);
    }
  });

  it("overrides the script's own extra time, or keeps it when the invite grants none", () => {
    const granted = loadActiveScript('i.json', read, '2');
    const own = loadActiveScript('i.json', read);
    expect(granted.ok && granted.script.extraTime).toBe(2);
    expect(own.ok && own.script.extraTime).toBe(1.5);
    const practice = loadActiveScript(undefined, read, '1.5');
    expect(practice.ok && practice.script.extraTime).toBe(1.5);
  });

  it('makes the script unusable, saying why, when the value is not allowed', () => {
    expect(loadActiveScript('i.json', read, '3')).toMatchObject({ ok: false, error: expect.stringMatching(/--extra-time must be/) });
  });

  it('is read from the app’s command line in both spellings, beside Electron’s own flags', () => {
    const argv = ['/electron', '--no-sandbox', '--script', 'i.json', '--extra-time=1.5'];
    expect(extraTimeArgument(argv)).toBe('1.5');
    expect(scriptFileArgument(argv)).toBe('i.json');
    expect(extraTimeArgument(['app', '--extra-time', '2'])).toBe('2');
    expect(extraTimeArgument(['app'])).toBeUndefined();
  });
});
