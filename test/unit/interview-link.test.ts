import { describe, expect, it } from 'vitest';
import { looksLikeLink, MAX_LINK_LENGTH, parseInterviewLink } from '../../src/shared/interview/interview-link';

const HOSTS = ['jobs.example.com', '127.0.0.1:8443'];
const parse = (link: string, hosts: readonly string[] = HOSTS) => parseInterviewLink(link, hosts);
const problem = (link: string, hosts?: readonly string[]) => {
  const checked = parse(link, hosts);
  return checked.ok ? `accepted ${checked.link.scriptUrl}` : checked.problem;
};
const script = encodeURIComponent('https://jobs.example.com/s/abc.json');

describe('parseInterviewLink', () => {
  it('reads an interview-recorder: link with its script and extra time', () => {
    expect(parse(`interview-recorder://interview?script=${script}&extra-time=1.5`)).toEqual({
      ok: true,
      link: { form: 'app', scriptUrl: 'https://jobs.example.com/s/abc.json', host: 'jobs.example.com', extraTime: 1.5 },
    });
    expect(parse(`Interview-Recorder://interview/?script=${script}`)).toMatchObject({ ok: true, link: { form: 'app' } });
  });

  it('turns an invite link of a configured host into its script address', () => {
    expect(parse('https://JOBS.example.com/interview/inv_42-x?extra-time=2')).toEqual({
      ok: true,
      link: {
        form: 'invite',
        scriptUrl: 'https://jobs.example.com/interview/inv_42-x/script.json',
        host: 'jobs.example.com',
        extraTime: 2,
      },
    });
    // http: only to this computer, and the port is part of the host.
    expect(parse('http://127.0.0.1:8443/interview/a1')).toMatchObject({
      ok: true,
      link: { scriptUrl: 'http://127.0.0.1:8443/interview/a1/script.json' },
    });
  });

  it('refuses schemes that do not open interviews', () => {
    expect(problem('javascript:alert(1)')).toMatch(/uses javascript:; only interview-recorder: links/);
    expect(problem('file:///etc/passwd')).toMatch(/uses file:/);
    expect(problem('data:text/html,hi')).toMatch(/uses data:/);
    expect(problem('ftp://jobs.example.com/interview/a')).toMatch(/uses ftp:/);
    expect(problem('not a link')).toMatch(/spaces or control characters/);
    expect(problem('nothing')).toMatch(/not a valid address/);
  });

  it('refuses hosts that are not configured, and says which are', () => {
    expect(problem('https://evil.example/interview/a')).toBe(
      'The invite link is on evil.example, which is not one of the hosts configured for interview links (interview.inviteHosts: jobs.example.com, 127.0.0.1:8443)',
    );
    expect(problem(`interview-recorder://interview?script=${encodeURIComponent('https://evil.example/s.json')}`)).toMatch(
      /script is on evil.example, which is not one/,
    );
    expect(problem('https://jobs.example.com/interview/a', [])).toMatch(/no host is configured for interview links/);
    // Same name, another port: another host.
    expect(problem('https://jobs.example.com:8443/interview/a')).toMatch(/jobs.example.com:8443, which is not one/);
  });

  it('refuses plain http to anywhere but this computer, and scripts at other schemes', () => {
    expect(problem('http://jobs.example.com/interview/a')).toMatch(/must be an https: address \(it uses http:\)/);
    expect(problem(`interview-recorder://interview?script=${encodeURIComponent('file:///home/me/s.json')}`)).toMatch(
      /script must be an https: address \(it uses file:\)/,
    );
    expect(problem(`interview-recorder://interview?script=${encodeURIComponent('javascript:alert(1)')}`)).toMatch(/it uses javascript:/);
  });

  it('refuses credentials in the link or in the script address', () => {
    expect(problem('https://user:pw@jobs.example.com/interview/a')).toMatch(/must not carry a user name or password/);
    expect(problem(`interview-recorder://interview?script=${encodeURIComponent('https://u:p@jobs.example.com/s.json')}`)).toMatch(
      /script must not carry a user name or password/,
    );
  });

  it('refuses unknown or repeated parameters, bad extra time and other paths', () => {
    expect(problem(`interview-recorder://interview?script=${script}&autostart=1`)).toMatch(/parameter "autostart" this app does not know/);
    expect(problem(`interview-recorder://interview?script=${script}&script=${script}`)).toMatch(/gives "script" more than once/);
    expect(problem(`interview-recorder://interview?script=${script}&extra-time=3`)).toMatch(/extra-time=3; it must be 1, 1.5 or 2/);
    expect(problem('https://jobs.example.com/interview/a?script=https://x')).toMatch(/parameter "script" this app does not know/);
    expect(problem('interview-recorder://interview')).toMatch(/names no script/);
    expect(problem(`interview-recorder://settings?script=${script}`)).toMatch(/must be interview-recorder:\/\/interview\?script=/);
    expect(problem('https://jobs.example.com/interview/../admin')).toMatch(/path must be \/interview\/<invite id>/);
    expect(problem('https://jobs.example.com/interview/a/b')).toMatch(/path must be/);
    expect(problem('https://jobs.example.com/interview/%2e%2e')).toMatch(/path must be/);
  });

  it('refuses huge input before parsing it', () => {
    const huge = `interview-recorder://interview?script=${encodeURIComponent(`https://jobs.example.com/${'a'.repeat(MAX_LINK_LENGTH)}`)}`;
    expect(problem(huge)).toBe(`The link is longer than ${MAX_LINK_LENGTH} characters`);
    expect(problem(`https://jobs.example.com/interview/${'a'.repeat(129)}`)).toMatch(/path must be/);
  });

  it('tells link arguments from other command-line arguments', () => {
    expect(looksLikeLink('interview-recorder://interview?script=x')).toBe(true);
    expect(looksLikeLink('https://jobs.example.com/interview/a')).toBe(true);
    expect(looksLikeLink('--script=x.json')).toBe(false);
    expect(looksLikeLink('/usr/lib/interview-recorder/app.asar')).toBe(false);
  });
});
