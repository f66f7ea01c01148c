import { LOOPBACK_HOSTS } from './audio-reference';

/**
 * Links that open an interview. They arrive from e-mails and web pages, so they are untrusted: this pure parser
 * accepts exactly two forms and answers the script URL to fetch, or says in words why the link is refused.
 *
 *   interview-recorder://interview?script=<https URL of the script>[&extra-time=1|1.5|2][&role=…][&name=…]
 *   https://<invite host>/interview/<invite id>[?extra-time=1|1.5|2][&role=…][&name=…]
 *                                                 → script at …/interview/<invite id>/script.json
 *
 * `role=interviewer` opens the interview on the interviewer's desk instead of the candidate's path; `name=` (only
 * with it) is the interviewer's display name in the call.
 *
 * Both fetch only from a host the configuration names (`interview.inviteHosts`), so a link on any web page cannot
 * make the app run an interview from anywhere.
 */

export const LINK_SCHEME = 'interview-recorder';

/** Longer than any real link (a 2 KiB script URL inside one); a bigger input is refused before it is parsed. */
export const MAX_LINK_LENGTH = 4096;

export type ExtraTime = 1 | 1.5 | 2;

export interface InterviewLink {
  form: 'app' | 'invite';
  /** The script to fetch: https:, or http: to this computer (development and tests). */
  scriptUrl: string;
  /** The host the script comes from (with its port when not the default), as the candidate is told. */
  host: string;
  /** The invite's extra-time accommodation, overriding the script's. */
  extraTime?: ExtraTime;
  /** Present when the link is for the interviewer (`role=interviewer`): the desk opens, not the candidate's path. */
  interviewer?: { name?: string };
}

/** The longest display name a link may give the interviewer. */
export const MAX_INTERVIEWER_NAME = 80;

export type LinkCheck = { ok: true; link: InterviewLink } | { ok: false; problem: string };

const INVITE_PATH = /^\/interview\/([A-Za-z0-9_-]{1,128})\/?$/;
const EXTRA_TIMES: Record<string, ExtraTime> = { '1': 1, '1.5': 1.5, '2': 2 };

const refuse = (problem: string): LinkCheck => ({ ok: false, problem });

/** The parameters both forms share, besides their own. */
const COMMON_PARAMS = ['extra-time', 'role', 'name'] as const;

const hasSpaceOrControl = (text: string) => [...text].some((c) => c.charCodeAt(0) <= 0x20 || c.charCodeAt(0) === 0x7f || /\s/.test(c));

function parseUrl(value: string): URL | undefined {
  try {
    return new URL(value);
  } catch {
    return undefined;
  }
}

/** Host entries compare like URL hosts: lower case, the port only when it is not the scheme's default. */
const normaliseHost = (entry: string) => entry.trim().toLowerCase();

/** https:, or http: to this computer; no user name or password; a configured host. */
function checkFetchable(url: URL, what: string, hosts: readonly string[]): string | undefined {
  if (url.username || url.password) return `${what} must not carry a user name or password`;
  const loopbackHttp = url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname);
  if (url.protocol !== 'https:' && !loopbackHttp) return `${what} must be an https: address (it uses ${url.protocol})`;
  if (!hosts.map(normaliseHost).includes(url.host.toLowerCase()))
    return hosts.length === 0
      ? `${what} is on ${url.host}, and no host is configured for interview links (interview.inviteHosts)`
      : `${what} is on ${url.host}, which is not one of the hosts configured for interview links (interview.inviteHosts: ${hosts.join(', ')})`;
  return undefined;
}

/** Only the parameters a form knows, each at most once: anything else is a link this app did not make. */
function readParams(params: URLSearchParams, allowed: readonly string[]): { values: Map<string, string> } | { problem: string } {
  const values = new Map<string, string>();
  for (const [name, value] of params) {
    if (!allowed.includes(name)) return { problem: `has a parameter "${name.slice(0, 40)}" this app does not know` };
    if (values.has(name)) return { problem: `gives "${name}" more than once` };
    values.set(name, value);
  }
  return { values };
}

function extraTimeOf(value: string | undefined): { extraTime?: ExtraTime } | { problem: string } {
  if (value === undefined) return {};
  const extraTime = EXTRA_TIMES[value];
  return extraTime ? { extraTime } : { problem: `says extra-time=${value.slice(0, 20)}; it must be 1, 1.5 or 2` };
}

/**
 * Printable: no control, format (bidi overrides could disguise the name), surrogate, private-use or unassigned
 * characters — except the zero-width joiner and non-joiner, which some scripts' names need.
 */
const UNPRINTABLE = /[\p{Cc}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}]|(?![\u200c\u200d])\p{Cf}/u;

/** `role=candidate|interviewer` and the interviewer's `name=` (1–80 printable characters, only with role=interviewer). */
function roleOf(values: Map<string, string>): { interviewer?: { name?: string } } | { problem: string } {
  const role = values.get('role') ?? 'candidate';
  const name = values.get('name')?.trim();
  if (role !== 'candidate' && role !== 'interviewer')
    return { problem: `says role=${role.slice(0, 20)}; it must be candidate or interviewer` };
  if (name === undefined) return role === 'interviewer' ? { interviewer: {} } : {};
  if (role !== 'interviewer') return { problem: 'gives a name, which only an interviewer link (role=interviewer) may' };
  const length = [...name].length;
  if (length < 1 || length > MAX_INTERVIEWER_NAME)
    return { problem: `gives a name of ${length} characters; it must have 1–${MAX_INTERVIEWER_NAME}` };
  if (UNPRINTABLE.test(name)) return { problem: 'gives a name with characters that cannot be shown' };
  return { interviewer: { name } };
}

/** What both forms read the same way: extra time, role and the interviewer's name. */
function commonOf(values: Map<string, string>): Pick<InterviewLink, 'extraTime' | 'interviewer'> | { problem: string } {
  const extra = extraTimeOf(values.get('extra-time'));
  if ('problem' in extra) return extra;
  const role = roleOf(values);
  return 'problem' in role ? role : { ...extra, ...role };
}

function appLink(url: URL, hosts: readonly string[]): LinkCheck {
  if (url.host !== 'interview' || (url.pathname !== '' && url.pathname !== '/'))
    return refuse(`The link must be ${LINK_SCHEME}://interview?script=<https address of the script>`);
  const params = readParams(url.searchParams, ['script', ...COMMON_PARAMS]);
  if ('problem' in params) return refuse(`The link ${params.problem}`);
  const script = params.values.get('script');
  if (!script) return refuse('The link names no script (script=<https address of the script>)');
  const scriptUrl = parseUrl(script);
  if (!scriptUrl) return refuse("The link's script address is not a valid URL");
  const problem = checkFetchable(scriptUrl, "The link's script", hosts);
  if (problem) return refuse(problem);
  const common = commonOf(params.values);
  if ('problem' in common) return refuse(`The link ${common.problem}`);
  return { ok: true, link: { form: 'app', scriptUrl: scriptUrl.href, host: scriptUrl.host, ...common } };
}

function inviteLink(url: URL, hosts: readonly string[]): LinkCheck {
  const problem = checkFetchable(url, 'The invite link', hosts);
  if (problem) return refuse(problem);
  const id = INVITE_PATH.exec(url.pathname)?.[1];
  if (!id) return refuse(`The invite link's path must be /interview/<invite id>, not ${url.pathname.slice(0, 80)}`);
  const params = readParams(url.searchParams, COMMON_PARAMS);
  if ('problem' in params) return refuse(`The invite link ${params.problem}`);
  const common = commonOf(params.values);
  if ('problem' in common) return refuse(`The invite link ${common.problem}`);
  const scriptUrl = new URL(`/interview/${id}/script.json`, url.origin).href;
  return { ok: true, link: { form: 'invite', scriptUrl, host: url.host, ...common } };
}

/**
 * Parses a link that should open an interview. `inviteHosts` is `interview.inviteHosts`: the hosts (with a port
 * when not the default, e.g. "jobs.example.com" or "127.0.0.1:8443") the app takes interviews from.
 */
export function parseInterviewLink(input: string, inviteHosts: readonly string[]): LinkCheck {
  if (input.length > MAX_LINK_LENGTH) return refuse(`The link is longer than ${MAX_LINK_LENGTH} characters`);
  // Control characters and spaces never belong in a link; URL parsing would silently drop some of them.
  if (hasSpaceOrControl(input.trim())) return refuse('The link contains spaces or control characters');
  const url = parseUrl(input.trim());
  if (!url) return refuse('The link is not a valid address');
  if (url.protocol === `${LINK_SCHEME}:`) return appLink(url, inviteHosts);
  if (url.protocol === 'https:' || url.protocol === 'http:') return inviteLink(url, inviteHosts);
  return refuse(`The link uses ${url.protocol}; only ${LINK_SCHEME}: links and https: invite links open an interview`);
}

/** A schedule id, as the interviewer types it: an invite id. */
export const SCHEDULE_ID = /^[A-Za-z0-9_-]{1,128}$/;

/**
 * The interviewer's link for a schedule id: the invite of that id on the first configured invite host (the
 * recruiter's system serves each scheduled interview's script there). https:, or http: to this computer.
 */
export function scheduleInterviewerLink(scheduleId: string, inviteHosts: readonly string[]): { link: string } | { problem: string } {
  if (!SCHEDULE_ID.test(scheduleId)) return { problem: 'A schedule id is 1–128 letters, digits, dashes or underscores' };
  const host = inviteHosts[0]?.trim().toLowerCase();
  if (host === undefined)
    return { problem: 'No host is configured for interview links (interview.inviteHosts), so a schedule id cannot be looked up' };
  const scheme = LOOPBACK_HOSTS.has(host.replace(/:\d+$/, '')) ? 'http' : 'https';
  return { link: `${scheme}://${host}/interview/${scheduleId}?role=interviewer` };
}

/** Whether a command-line argument looks like a link (the OS passes links as arguments on Windows and Linux). */
export const looksLikeLink = (arg: string) => /^(interview-recorder|https?):/i.test(arg);
