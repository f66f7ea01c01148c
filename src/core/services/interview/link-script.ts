import { checkAudioReference } from '../../../shared/interview/audio-reference';
import { parseInterviewLink, type InterviewLink } from '../../../shared/interview/interview-link';
import { interviewScriptSchema, type InterviewScript } from '../../../shared/interview/script';
import { AppError, isAppError } from '../../errors/app-error';
import type { ResolveHost } from './address-policy';
import { describeScriptIssues } from './load-script';
import { safeFetch } from './safe-fetch';

/** Far above any real script (50 questions of 2,000 characters): a bigger answer is not a script. */
export const MAX_LINKED_SCRIPT_BYTES = 1024 * 1024;

export interface LinkScriptOptions {
  /** `interview.inviteHosts`. */
  inviteHosts: readonly string[];
  /** `interview.allowedPrivateNetworks`. */
  allowedNetworks?: readonly string[];
  fetch?: typeof fetch;
  resolve?: ResolveHost;
  timeoutMs?: number;
}

export interface LinkedScript {
  link: InterviewLink;
  script: InterviewScript;
}

const invalid = (message: string, link?: InterviewLink) =>
  new AppError('INVALID_PAYLOAD', message, { details: link ? { scriptUrl: link.scriptUrl } : undefined });

/** A downloaded script has no folder: question audio given as a file name cannot be found, so it is refused. */
function refuseFileAudio(script: InterviewScript, link: InterviewLink): void {
  script.questions.forEach((question, index) => {
    if (question.audio === undefined) return;
    const checked = checkAudioReference(question.audio);
    if (checked.ok && checked.reference.kind === 'file')
      throw invalid(
        `Interview script ${link.scriptUrl}: questions.${index}.audio: ${JSON.stringify(question.audio.slice(0, 120))} is a file name, but a script opened from a link has no folder; give its audio as an https: URL or leave audio out (the question is then spoken).`,
        link,
      );
  });
}

/** The script's text, checked by the same schema as a script file; the error names each offending field. */
function validate(bytes: Uint8Array, link: InterviewLink): InterviewScript {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch (error) {
    throw invalid(`Interview script ${link.scriptUrl} is not valid JSON: ${(error as Error).message}`, link);
  }
  const parsed = interviewScriptSchema.safeParse(json);
  if (!parsed.success) throw invalid(`Interview script ${link.scriptUrl}: ${describeScriptIssues(parsed.error)}`, link);
  refuseFileAudio(parsed.data, link);
  return parsed.data;
}

/**
 * Resolves an untrusted link to the interview it names: the link parsed (configured hosts only), the script fetched
 * through the safe fetch (https, no private addresses, size cap, timeout), validated like a script file, and the
 * link's extra time applied. Throws an AppError whose message says what was wrong.
 */
export async function resolveLinkScript(raw: string, options: LinkScriptOptions): Promise<LinkedScript> {
  const parsed = parseInterviewLink(raw, options.inviteHosts);
  if (!parsed.ok) throw invalid(`${parsed.problem}.`);
  const { link } = parsed;
  let bytes: Uint8Array;
  try {
    bytes = await safeFetch(link.scriptUrl, {
      maxBytes: MAX_LINKED_SCRIPT_BYTES,
      fetch: options.fetch,
      resolve: options.resolve,
      timeoutMs: options.timeoutMs,
      allowedNetworks: options.allowedNetworks,
    });
  } catch (error) {
    const message = error instanceof Error && error.name === 'TimeoutError' ? 'no answer in time' : (error as Error).message;
    throw new AppError(isAppError(error) ? error.code : 'BACKEND_ERROR', `The interview script could not be fetched: ${message}`, {
      retryable: isAppError(error) ? error.retryable : true,
      details: { scriptUrl: link.scriptUrl },
      cause: error,
    });
  }
  const script = validate(bytes, link);
  return { link, script: link.extraTime === undefined ? script : { ...script, extraTime: link.extraTime } };
}
