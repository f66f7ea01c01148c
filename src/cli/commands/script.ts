import fs from 'node:fs';
import { consentStatement } from '../../shared/interview/consent';
import { maxInterviewSeconds } from '../../shared/interview/script';
import { loadActiveScript } from '../../core/services/interview/load-script';
import type { Output } from '../output';
import { UsageError } from '../usage-error';

/** `irec script check <file>`: is this interview file usable, and what will the candidate be asked? */
export function scriptCommand(out: Output, args: { sub?: string; file?: string }): number {
  if (args.sub !== 'check' || !args.file) throw new UsageError('Usage: irec script check <interview.json>');
  const loaded = loadActiveScript(args.file, (file) => fs.readFileSync(file, 'utf8'));
  if (!loaded.ok) {
    out.result({ ok: false, error: loaded.error }, () => loaded.error);
    return 1;
  }
  const { script } = loaded;
  const summary = { ok: true, script, maxSeconds: maxInterviewSeconds(script), consentStatement: consentStatement(script) };
  out.result(summary, () =>
    [
      `${script.title} — ${script.candidateName} (${script.id}, ${script.locale})`,
      ...script.questions.map(
        (q, i) =>
          `  ${i + 1}. ${q.text}  [think ${q.thinkSeconds} s, answer ≤ ${q.answerSeconds} s${q.retakes ? `, ${q.retakes} retake(s)` : ''}${q.audio ? `, audio ${q.audio}` : ''}]`,
      ),
      `At most ${Math.ceil(summary.maxSeconds / 60)} minutes. Valid.`,
    ].join('\n'),
  );
  return 0;
}
