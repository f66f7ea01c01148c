/**
 * What a script's `audio` may name. Scripts arrive by e-mail and links, so they are untrusted: only a file inside
 * the script's own folder, an https: URL, or (for development and tests) http: to this computer. Pure, so the
 * schema, the CLI and the core apply the same rules.
 */

/** Host names that mean this computer; the only hosts plain http: may reach. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

export type AudioReference = { kind: 'file'; path: string } | { kind: 'url'; url: URL };

export type AudioReferenceCheck = { ok: true; reference: AudioReference } | { ok: false; problem: string };

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;

function checkUrl(value: string): AudioReferenceCheck {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return { ok: false, problem: 'is not a valid URL' };
  }
  if (url.username || url.password) return { ok: false, problem: 'must not carry a user name or password' };
  if (url.protocol === 'https:') return { ok: true, reference: { kind: 'url', url } };
  if (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname)) return { ok: true, reference: { kind: 'url', url } };
  if (url.protocol === 'http:')
    return { ok: false, problem: 'uses http:, allowed only to this computer (127.0.0.1, ::1, localhost); use https:' };
  return { ok: false, problem: `uses the ${url.protocol} scheme; only a file next to the script or an https: URL is allowed` };
}

function checkRelativePath(value: string): AudioReferenceCheck {
  if (/^[a-z]:/i.test(value)) return { ok: false, problem: 'is a drive path; use a path relative to the script' };
  if (/^[\\/]/.test(value)) return { ok: false, problem: 'is an absolute path; use a path relative to the script' };
  let depth = 0;
  for (const segment of value.split(/[\\/]+/)) {
    if (segment === '..') depth -= 1;
    else if (segment !== '.' && segment !== '') depth += 1;
    if (depth < 0) return { ok: false, problem: "leaves the script's folder (..); keep the audio next to the script" };
  }
  if (depth === 0) return { ok: false, problem: 'names no file' };
  return { ok: true, reference: { kind: 'file', path: value } };
}

/** Classifies a script's `audio` value, or says in words why it is refused. */
export function checkAudioReference(value: string): AudioReferenceCheck {
  if (value.includes('\0')) return { ok: false, problem: 'contains a NUL character' };
  // A single letter before ":" is a Windows drive (C:\x), not a scheme.
  if (/^[a-z]:/i.test(value)) return checkRelativePath(value);
  if (SCHEME.test(value)) return checkUrl(value);
  return checkRelativePath(value);
}
