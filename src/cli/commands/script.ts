import fs from 'node:fs';
import { consentStatement } from '../../shared/interview/consent';
import { maxInterviewSeconds, type InterviewScript } from '../../shared/interview/script';
import type { Core } from '../../core/create-core';
import { resolveLinkScript } from '../../core/services/interview/link-script';
import { loadActiveScript } from '../../core/services/interview/load-script';
import type { Output } from '../output';
import { UsageError } from '../usage-error';

const USAGE = 'Usage: irec script check <interview.json> | irec script check --link <link>';

/**
 * `irec script check <file>` or `--link <link>`: is this interview usable, and what will the candidate be asked? A
 * link is resolved exactly as the app would (configured hosts, safe fetch, the script's schema), without opening it.
 */
export async function scriptCommand(core: Core, out: Output, args: { sub?: string; file?: string; link?: string }): Promise<number> {
  if (args.sub !== 'check' || Boolean(args.file) === Boolean(args.link)) throw new UsageError(USAGE);
  if (args.link) {
    const { interview } = core.config.config;
    const { link, script } = await resolveLinkScript(args.link, {
      inviteHosts: interview.inviteHosts,
      allowedNetworks: interview.allowedPrivateNetworks,
    });
    return printScript(out, script, { scriptUrl: link.scriptUrl });
  }
  const loaded = loadActiveScript(args.file, (file) => fs.readFileSync(file, 'utf8'));
  if (!loaded.ok) {
    out.result({ ok: false, error: loaded.error }, () => loaded.error);
    return 1;
  }
  return printScript(out, loaded.script);
}

function printScript(out: Output, script: InterviewScript, from: { scriptUrl?: string } = {}): number {
  const summary = { ok: true, ...from, script, maxSeconds: maxInterviewSeconds(script), consentStatement: consentStatement(script) };
  out.result(summary, () =>
    [
      ...(from.scriptUrl ? [`From ${from.scriptUrl}`] : []),
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
