import { describe, expect, it } from 'vitest';
import { looksLikeLink, MAX_LINK_LENGTH, parseInterviewLink, scheduleInterviewerLink } from '../../src/shared/interview/interview-link';

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

describe('interviewer links', () => {
  const app = (params: string) => `interview-recorder://interview?script=${script}&${params}`;
  const invite = (params: string) => `https://jobs.example.com/interview/inv-9?${params}`;

  it('reads role=interviewer and the name on both forms', () => {
    expect(parse(app('role=interviewer&name=Grace%20Hopper'))).toEqual({
      ok: true,
      link: {
        form: 'app',
        scriptUrl: 'https://jobs.example.com/s/abc.json',
        host: 'jobs.example.com',
        interviewer: { name: 'Grace Hopper' },
      },
    });
    expect(parse(invite('role=interviewer&name=+%D8%B3%D8%A7%D8%B1%D8%A9+'))).toMatchObject({
      ok: true,
      link: { form: 'invite', interviewer: { name: 'سارة' } },
    });
    // Without a name the configured one is used; a name with a zero-width non-joiner (Persian) is printable.
    expect(parse(invite('role=interviewer'))).toMatchObject({ ok: true, link: { interviewer: {} } });
    expect(parse(invite('role=interviewer&name=%D9%85%DB%8C%E2%80%8C%D8%B1%D8%A7'))).toMatchObject({
      ok: true,
      link: { interviewer: { name: 'می‌را' } },
    });
  });

  it('keeps candidate links as they were', () => {
    const candidate = parse(invite('role=candidate'));
    expect(candidate.ok && candidate.link).toEqual({
      form: 'invite',
      scriptUrl: 'https://jobs.example.com/interview/inv-9/script.json',
      host: 'jobs.example.com',
    });
    expect(parse('https://jobs.example.com/interview/inv-9')).toMatchObject({ ok: true, link: { form: 'invite' } });
    const plain = parse('https://jobs.example.com/interview/inv-9');
    expect(plain.ok && 'interviewer' in plain.link).toBe(false);
  });

  it('refuses other roles, names without the interviewer role and names that are empty, long or unprintable', () => {
    expect(problem(app('role=admin'))).toBe('The link says role=admin; it must be candidate or interviewer');
    expect(problem(invite('name=Eve'))).toBe('The invite link gives a name, which only an interviewer link (role=interviewer) may');
    expect(problem(invite('role=candidate&name=Eve'))).toMatch(/only an interviewer link/);
    expect(problem(invite('role=interviewer&name=%20%20'))).toBe('The invite link gives a name of 0 characters; it must have 1–80');
    expect(problem(invite(`role=interviewer&name=${'a'.repeat(81)}`))).toMatch(/a name of 81 characters; it must have 1–80/);
    expect(problem(invite(`role=interviewer&name=${'é'.repeat(80)}`))).toMatch(/^accepted/);
    for (const bad of ['%00', '%07', '%7F', '%C2%85', '%E2%80%AE', '%E2%80%A8', '%EF%BB%BF'])
      expect(problem(invite(`role=interviewer&name=Eve${bad}Smith`)), bad).toBe(
        'The invite link gives a name with characters that cannot be shown',
      );
    expect(problem(app('role=interviewer&role=interviewer'))).toMatch(/gives "role" more than once/);
  });
});

describe('scheduleInterviewerLink', () => {
  it('makes the interviewer link of the invite with that id on the first configured host', () => {
    expect(scheduleInterviewerLink('675812ab3f4e', HOSTS)).toEqual({
      link: 'https://jobs.example.com/interview/675812ab3f4e?role=interviewer',
    });
    const local = scheduleInterviewerLink('s-1', ['127.0.0.1:8443']);
    expect(local).toEqual({ link: 'http://127.0.0.1:8443/interview/s-1?role=interviewer' });
    expect('link' in local && parse(local.link)).toMatchObject({ ok: true, link: { form: 'invite', interviewer: {} } });
  });

  it('refuses ids that are not invite ids, and says when no host is configured', () => {
    expect(scheduleInterviewerLink('../admin', HOSTS)).toEqual({
      problem: 'A schedule id is 1–128 letters, digits, dashes or underscores',
    });
    expect(scheduleInterviewerLink('a'.repeat(129), HOSTS)).toHaveProperty('problem');
    expect(scheduleInterviewerLink('s-1', [])).toEqual({ problem: expect.stringMatching(/No host is configured .*interview.inviteHosts/) });
  });
});
