import { describe, expect, it } from 'vitest';
import { checkAudioReference } from '../../src/shared/interview/audio-reference';
import { interviewScriptSchema } from '../../src/shared/interview/script';
import { describeScriptIssues } from '../../src/core/services/interview/load-script';
import { allowedNetworks, isBlockedAddress } from '../../src/core/services/interview/address-policy';
import { configSchema } from '../../src/shared/config/schema';

const withAudio = (...audio: string[]) =>
  interviewScriptSchema.safeParse({ id: 's', title: 't', candidateName: 'c', questions: audio.map((a) => ({ text: 'Q?', audio: a })) });

describe("a script's question audio (untrusted input)", () => {
  it.each([
    ['../../etc/shadow', /leaves the script's folder/],
    ['a/../../b', /leaves the script's folder/],
    ['/etc/passwd', /absolute path/],
    ['\\\\server\\share\\q.wav', /absolute path/],
    ['C:\\x', /drive path/],
    ['file:///etc/passwd', /file: scheme/],
    ['javascript:alert(1)', /javascript: scheme/],
    ['data:audio/wav;base64,UklGRg==', /data: scheme/],
    ['http://169.254.169.254/latest/meta-data', /http:, allowed only to this computer/],
    ['https://user:secret@cdn.example/q.mp3', /user name or password/],
    ['q\0.wav', /NUL/],
    ['.', /names no file/],
  ])('refuses %j, naming the question and why', (audio, why) => {
    const result = withAudio('ok.wav', audio);
    expect(result.success).toBe(false);
    const message = describeScriptIssues(result.error!);
    expect(message).toMatch(/^questions\.1\.audio: question 2's audio /);
    expect(message).toMatch(why);
  });

  it.each([
    'q2.mp3',
    'audio/q1.wav',
    'a/../b.wav',
    'https://cdn.example/q.mp3',
    'http://127.0.0.1:8080/q.wav',
    'http://localhost/q.wav',
    'http://[::1]:9/q.wav',
  ])('accepts %j', (audio) => {
    expect(withAudio(audio).success).toBe(true);
    expect(checkAudioReference(audio).ok).toBe(true);
  });
});

describe('addresses a script URL may not reach', () => {
  it.each([
    '169.254.169.254',
    '10.1.2.3',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '127.0.0.1',
    '0.0.0.0',
    '224.0.0.1',
    '::',
    '::1',
    'fe80::1',
    'fd00::1',
    'ff02::1',
    '::ffff:10.0.0.1',
    'not-an-ip',
  ])('blocks %s', (address) => expect(isBlockedAddress(address)).toBe(true));

  it.each(['93.184.216.34', '172.32.0.1', '2606:4700::1111', '::ffff:8.8.8.8'])('allows %s', (address) =>
    expect(isBlockedAddress(address)).toBe(false),
  );
});

describe('interview.allowedPrivateNetworks', () => {
  it('opens only the configured networks', () => {
    const isAllowed = allowedNetworks(['10.20.0.0/16', 'fd12:3456::/32']);
    expect([isAllowed('10.20.9.9'), isAllowed('10.21.0.1'), isAllowed('fd12:3456::1'), isAllowed('169.254.169.254')]).toEqual([
      true,
      false,
      true,
      false,
    ]);
  });

  it('refuses a value that is not a network, naming the key', () => {
    const parsed = configSchema.safeParse({ interview: { allowedPrivateNetworks: ['10.0.0.0', 'intranet', '10.0.0.0/33'] } });
    expect(parsed.success).toBe(false);
    const paths = parsed.error!.issues.map((issue) => issue.path.join('.'));
    expect(paths).toEqual([
      'interview.allowedPrivateNetworks.0',
      'interview.allowedPrivateNetworks.1',
      'interview.allowedPrivateNetworks.2',
    ]);
    expect(
      configSchema.parse({ interview: { allowedPrivateNetworks: ['10.0.0.0/8', 'fd00::/8'] } }).interview.allowedPrivateNetworks,
    ).toHaveLength(2);
  });
});
