import { describe, expect, it } from 'vitest';
import { isAppError } from '../../src/core/errors/app-error';
import type { BackendClients } from '../../src/core/services/backends/backend-clients';
import { planRecording } from '../../src/core/services/backends/interviewer/plan-recording';
import { createRecorders } from '../../src/core/services/backends/recorders/recorders';
import { configSchema } from '../../src/shared/config/schema';

describe("planning the interviewer's cloud recording", () => {
  const settings = configSchema.parse({ backends: { agora: { uid: '4242' } } }).backends;
  const clients: BackendClients = { agora: null, livekit: null, media: null, notConfigured: {} };
  const recorders = createRecorders({ clients, settings, update: () => undefined, now: () => new Date() });
  const links = { id: 'ivw-1', title: 'Interview', scheduleId: 'sched-1', agoraChannel: 'chan_1', livekitRoom: '!room:example.com' };

  /** The words a refused plan gives (an INVALID_PAYLOAD AppError), or a failure when it is not refused. */
  function refusal(run: () => unknown): string {
    try {
      run();
    } catch (error) {
      if (isAppError(error, 'INVALID_PAYLOAD')) return error.message;
      throw error;
    }
    return expect.fail('the plan was not refused');
  }

  it("records the interview's own call by default: its Agora channel first, with the schedule", () => {
    expect(planRecording(recorders, links, { interviewId: 'ivw-1' })).toEqual({
      backend: 'agora',
      where: { target: 'chan_1', uid: '4242', scheduleId: 'sched-1' },
    });
    expect(planRecording(recorders, { ...links, agoraChannel: null }, { interviewId: 'ivw-1' })).toEqual({
      backend: 'livekit',
      where: { target: '!room:example.com' },
    });
  });

  it('takes the backend, channel and schedule the request names over the links', () => {
    expect(planRecording(recorders, links, { interviewId: 'ivw-1', backend: 'livekit' }).where).toEqual({ target: '!room:example.com' });
    expect(planRecording(recorders, links, { interviewId: 'ivw-1', backend: 'agora', channel: 'other', scheduleId: 'sched-2' })).toEqual({
      backend: 'agora',
      where: { target: 'other', uid: '4242', scheduleId: 'sched-2' },
    });
  });

  it('refuses in words when nothing names the call, or the Agora channel is not one Agora accepts', () => {
    const bare = { ...links, agoraChannel: null, livekitRoom: null };
    expect(refusal(() => planRecording(recorders, bare, { interviewId: 'ivw-1' }))).toBe(
      'Say which backend records the call: agora or livekit.',
    );
    expect(refusal(() => planRecording(recorders, bare, { interviewId: 'ivw-1', backend: 'livekit' }))).toBe(
      'Interview ivw-1 names no LiveKit room: give one.',
    );
    expect(refusal(() => planRecording(recorders, links, { interviewId: 'ivw-1', channel: 'x'.repeat(65) }))).toBe(
      `Cannot record ${'x'.repeat(65)}: channel_name: The channel name is 65 characters; Agora allows at most 64.`,
    );
    expect(refusal(() => planRecording(recorders, links, { interviewId: 'ivw-1', channel: 'naïve' }))).toMatch(
      /^Cannot record naïve: channel_name: The channel name may contain only letters/,
    );
  });
});
