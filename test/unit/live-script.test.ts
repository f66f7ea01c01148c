import { describe, expect, it } from 'vitest';
import { interviewScriptSchema, liveCallOf } from '../../src/shared/interview/script';

const base = { id: 'live-1', title: 'Live', candidateName: 'Ann', questions: [{ text: 'Why?' }] };
const parse = (extra: object) => interviewScriptSchema.safeParse({ ...base, ...extra });
const problem = (extra: object) => {
  const result = parse(extra);
  expect(result.success).toBe(false);
  return result.error!.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('\n');
};

describe('a script’s live call', () => {
  it('is absent for today’s scripts, whose cloud-recording fields stay as they were', () => {
    const script = interviewScriptSchema.parse({ ...base, agoraChannel: 'acme-42' });
    expect(script.live).toBeUndefined();
    expect(liveCallOf(script)).toBeUndefined();
    expect(script.agoraChannel).toBe('acme-42');
  });

  it('names the channel the Agora cloud recording records: given once, the other side is filled in', () => {
    const fromLive = interviewScriptSchema.parse({ ...base, live: { provider: 'agora', channel: 'acme-42' } });
    expect(fromLive).toMatchObject({ agoraChannel: 'acme-42', live: { provider: 'agora', channel: 'acme-42' } });
    const fromField = interviewScriptSchema.parse({ ...base, agoraChannel: 'acme-42', live: { provider: 'agora' } });
    expect(liveCallOf(fromField)).toEqual({ provider: 'agora', channel: 'acme-42' });
    expect(fromField.live).toEqual({ provider: 'agora', channel: 'acme-42' });
  });

  it('takes `room` as LiveKit’s word for the channel, stored as channel and as livekitRoom', () => {
    const script = interviewScriptSchema.parse({ ...base, live: { provider: 'livekit', room: 'room-7' } });
    expect(script.live).toEqual({ provider: 'livekit', channel: 'room-7' });
    expect(script.livekitRoom).toBe('room-7');
    // Parsing its own output again (the IPC answer is validated too) gives the same script.
    expect(interviewScriptSchema.parse(script)).toEqual(script);
  });

  it('refuses two names for one call', () => {
    expect(problem({ agoraChannel: 'a', live: { provider: 'agora', channel: 'b' } })).toMatch(
      /live\.channel: the live call joins "b" but the cloud recording is for agoraChannel "a"/,
    );
    expect(problem({ live: { provider: 'livekit', channel: 'a', room: 'b' } })).toMatch(/names two channels/);
    expect(problem({ live: { provider: 'agora' } })).toMatch(/needs a channel: set live.channel \(or agoraChannel\)/);
  });

  it('holds a channel to Agora’s rule: 1–64 of its characters', () => {
    expect(problem({ live: { provider: 'agora', channel: 'x'.repeat(65) } })).toMatch(/live\.channel: expected a channel name/);
    expect(problem({ live: { provider: 'agora', channel: 'bad/name' } })).toMatch(/live\.channel: expected a channel name/);
    expect(problem({ agoraChannel: 'é-accent', live: { provider: 'agora' } })).toMatch(/live\.channel: expected a channel name/);
    expect(parse({ live: { provider: 'agora', channel: 'x'.repeat(64) } }).success).toBe(true);
    expect(problem({ live: { provider: 'zoom', channel: 'a' } })).toMatch(/live\.provider/);
  });

  it('gives a development call the script’s cloud channel when it names none of its own', () => {
    expect(liveCallOf(interviewScriptSchema.parse({ ...base, agoraChannel: 'demo', live: { provider: 'dev' } }))).toEqual({
      provider: 'dev',
      channel: 'demo',
    });
    const own = interviewScriptSchema.parse({ ...base, live: { provider: 'dev', room: 'r1' } });
    expect(own).toMatchObject({ live: { provider: 'dev', channel: 'r1' } });
    expect(own.agoraChannel).toBeUndefined();
    expect(problem({ live: { provider: 'dev' } })).toMatch(/needs a channel/);
  });
});
