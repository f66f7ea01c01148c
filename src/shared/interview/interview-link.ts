import { LOOPBACK_HOSTS } from './audio-reference';

/**
 * Links that open an interview. They arrive from e-mails and web pages, so they are untrusted: this pure parser
 * accepts exactly two forms and answers the script URL to fetch, or says in words why the link is refused.
 *
 *   interview-recorder://interview?script=<https URL of the script>[&extra-time=1|1.5|2]
 *   https://<invite host>/interview/<invite id>[?extra-time=1|1.5|2]   → script at …/interview/<invite id>/script.json
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
}

export type LinkCheck = { ok: true; link: InterviewLink } | { ok: false; problem: string };

const INVITE_PATH = /^\/interview\/([A-Za-z0-9_-]{1,128})\/?$/;
const EXTRA_TIMES: Record<string, ExtraTime> = { '1': 1, '1.5': 1.5, '2': 2 };

const refuse = (problem: string): LinkCheck => ({ ok: false, problem });

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

function appLink(url: URL, hosts: readonly string[]): LinkCheck {
  if (url.host !== 'interview' || (url.pathname !== '' && url.pathname !== '/'))
    return refuse(`The link must be ${LINK_SCHEME}://interview?script=<https address of the script>`);
  const params = readParams(url.searchParams, ['script', 'extra-time']);
  if ('problem' in params) return refuse(`The link ${params.problem}`);
  const script = params.values.get('script');
  if (!script) return refuse('The link names no script (script=<https address of the script>)');
  const scriptUrl = parseUrl(script);
  if (!scriptUrl) return refuse("The link's script address is not a valid URL");
  const problem = checkFetchable(scriptUrl, "The link's script", hosts);
  if (problem) return refuse(problem);
  const extra = extraTimeOf(params.values.get('extra-time'));
  if ('problem' in extra) return refuse(`The link ${extra.problem}`);
  return { ok: true, link: { form: 'app', scriptUrl: scriptUrl.href, host: scriptUrl.host, ...extra } };
}

function inviteLink(url: URL, hosts: readonly string[]): LinkCheck {
  const problem = checkFetchable(url, 'The invite link', hosts);
  if (problem) return refuse(problem);
  const id = INVITE_PATH.exec(url.pathname)?.[1];
  if (!id) return refuse(`The invite link's path must be /interview/<invite id>, not ${url.pathname.slice(0, 80)}`);
  const params = readParams(url.searchParams, ['extra-time']);
  if ('problem' in params) return refuse(`The invite link ${params.problem}`);
  const extra = extraTimeOf(params.values.get('extra-time'));
  if ('problem' in extra) return refuse(`The invite link ${extra.problem}`);
  const scriptUrl = new URL(`/interview/${id}/script.json`, url.origin).href;
  return { ok: true, link: { form: 'invite', scriptUrl, host: url.host, ...extra } };
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

/** Whether a command-line argument looks like a link (the OS passes links as arguments on Windows and Linux). */
export const looksLikeLink = (arg: string) => /^(interview-recorder|https?):/i.test(arg);
