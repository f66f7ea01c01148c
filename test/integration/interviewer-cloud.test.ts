import { describe, expect, it } from 'vitest';
import { createAgoraClient } from '../../src/core/services/backends/agora/agora-client';
import { insertConsent, insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { listOutbox } from '../../src/core/services/catalog/queries/outbox';
import { describeCloudHealth } from '../../src/shared/domain/cloud-health';
import { catalogOf } from '../support/cloud-interview';
import { devBackend, received } from '../support/dev-backend';
import { deskOf, interviewerCore } from '../support/interviewer-desk';
import { tempDir } from '../support/temp-dir';

const SCHEDULE = '675812ab3f4e5a0b1c234567';
const STATEMENT = 'I agree that this interview is recorded and kept for 90 days.';

describe("the interviewer's cloud recording", () => {
  it(
    'Agora: starts once (a second start returns the same session), reports health, stamps notes, stops with the backend’s files',
    { timeout: 60_000 },
    async () => {
      const test = await devBackend();
      // Background checks far apart: every query in this test is one the desk asked for.
      const core = interviewerCore(test, { healthSeconds: 600 });
      core.cloud.start();
      const desk = deskOf(core);

      const opened = await desk.call('openInterviewerInterview', { scheduleId: SCHEDULE, provider: 'agora', channel: 'interview_desk_1' });
      expect(opened.created).toBe(true);
      // Reopening finds the same row, by the schedule and by the call alone.
      expect(await desk.call('openInterviewerInterview', { scheduleId: SCHEDULE })).toEqual({
        interviewId: opened.interviewId,
        created: false,
      });
      expect(await desk.call('openInterviewerInterview', { provider: 'agora', channel: 'interview_desk_1' })).toEqual({
        interviewId: opened.interviewId,
        created: false,
      });
      const { interviewId } = opened;
      // Opened first by its room, then by its schedule too, then by the schedule alone: one row throughout.
      const byRoom = await desk.call('openInterviewerInterview', { provider: 'livekit', channel: '!desk1:example.com' });
      expect(byRoom.created).toBe(true);
      const bySchedule = { scheduleId: 'sched-desk-1b', provider: 'livekit', channel: '!desk1:example.com' } as const;
      expect(await desk.call('openInterviewerInterview', bySchedule)).toEqual({ interviewId: byRoom.interviewId, created: false });
      expect(await desk.call('openInterviewerInterview', { scheduleId: 'sched-desk-1b' })).toEqual({
        interviewId: byRoom.interviewId,
        created: false,
      });
      // The same room under another schedule is another interview.
      expect((await desk.call('openInterviewerInterview', { ...bySchedule, scheduleId: 'sched-desk-1c' })).created).toBe(true);

      const session = await desk.call('startCloudRecording', { interviewId });
      expect(session).toMatchObject({ backend: 'agora', state: 'active', target: 'interview_desk_1', scheduleId: SCHEDULE, error: null });
      expect(session.startedAt).not.toBeNull();
      expect(session.recordingId).toBeNull();
      if (session.backend !== 'agora') throw new Error('not an Agora session');
      expect(received(test.backend, 'POST', '/api/agora/recording/start').map((r) => r.body)).toEqual([
        { channel_name: 'interview_desk_1', uid: session.uid, schedule_id: SCHEDULE },
      ]);

      const again = await desk.call('startCloudRecording', { interviewId });
      expect(again.id).toBe(session.id);
      expect(received(test.backend, 'POST', '/api/agora/recording/start')).toHaveLength(1);

      const health = await desk.call('cloudRecordingHealth', { sessionId: session.id });
      expect(health).toMatchObject({ health: 'recording', detail: 'Recording in progress', session: { id: session.id } });
      expect(health.checkedAt).not.toBeNull();
      expect(describeCloudHealth(health.health)).toBe('Recording in progress');
      const queries = () => received(test.backend, 'POST', '/api/agora/recording/query');
      expect(queries().at(-1)!.body).toEqual({
        channel_name: 'interview_desk_1',
        uid: session.uid,
        resource_id: session.recording!.resourceId,
        sid: session.recording!.sid,
      });
      // Asked again at once: the last answer stands, the backend is not asked again.
      const asked = queries().length;
      await desk.call('cloudRecordingHealth', { sessionId: session.id });
      await desk.call('cloudRecordingHealth', { sessionId: session.id });
      expect(queries()).toHaveLength(asked);

      // A note typed now is stamped with this recording's clock.
      const note = await desk.call('addNote', { interviewId, text: 'Clear answer on caching' });
      expect(note).toMatchObject({ cloudSessionId: session.id });
      expect(note.cloudMs).toBeGreaterThanOrEqual(0);
      expect(note.cloudMs).toBeLessThan(Date.now() - Date.parse(session.startedAt!) + 1000);

      const stopping = await desk.call('stopCloudRecording', { sessionId: session.id });
      expect(['stopping', 'done']).toContain(stopping.state);
      await expect
        .poll(async () => (await desk.call('cloudRecordingHealth', { sessionId: session.id })).health, { timeout: 20_000 })
        .toBe('stopped');
      const [stop, ...more] = received(test.backend, 'POST', '/api/agora/recording/stop');
      expect(more).toEqual([]);
      expect(stop!.body).toStrictEqual({
        channel_name: 'interview_desk_1',
        uid: session.uid,
        resource_id: session.recording!.resourceId,
        sid: session.recording!.sid,
        schedule_id: SCHEDULE,
      });
      const done = core.cloud.sessions({ interviewId })[0]!;
      expect(done).toMatchObject({ state: 'done', recordingUrl: expect.stringMatching(/\.mp4$/), error: null });
      expect(done.stoppedAt).not.toBeNull();
      // Stopped: a note has no cloud clock any more; stopping again changes nothing.
      expect(await desk.call('addNote', { interviewId, text: 'After the stop' })).toMatchObject({ cloudSessionId: null, cloudMs: null });
      expect((await desk.call('stopCloudRecording', { sessionId: session.id })).state).toBe('done');
      expect(received(test.backend, 'POST', '/api/agora/recording/stop')).toHaveLength(1);
    },
  );

  it('LiveKit: start, status, a second start, stop, processed with its downloadUrl', { timeout: 60_000 }, async () => {
    const test = await devBackend({ livekitProcessingMs: 300 });
    const core = interviewerCore(test, { healthSeconds: 600 });
    core.cloud.start();
    const desk = deskOf(core);
    const { interviewId } = await desk.call('openInterviewerInterview', { provider: 'livekit', channel: '!desk:example.com' });

    const session = await desk.call('startCloudRecording', { interviewId });
    expect(session).toMatchObject({ backend: 'livekit', state: 'active', target: '!desk:example.com', statusText: 'Recording' });
    if (session.backend !== 'livekit') throw new Error('not a LiveKit session');
    const [start] = received(test.backend, 'POST', '/api/recording/start');
    expect(start!.body).toEqual({ roomName: '!desk:example.com' });
    expect(start!.headers.authorization).toBe(`Bearer ${test.backend.token}`);
    expect((await desk.call('startCloudRecording', { interviewId, backend: 'livekit' })).id).toBe(session.id);
    expect(received(test.backend, 'POST', '/api/recording/start')).toHaveLength(1);

    expect(await desk.call('cloudRecordingHealth', { sessionId: session.id })).toMatchObject({ health: 'recording', detail: 'Recording' });
    expect(received(test.backend, 'GET', '/api/recording/status').length).toBeGreaterThan(0);

    await desk.call('stopCloudRecording', { sessionId: session.id });
    await expect.poll(() => core.cloud.sessions({ interviewId })[0]?.state, { timeout: 20_000 }).toBe('done');
    expect(received(test.backend, 'POST', '/api/recording/stop').map((r) => r.body)).toEqual([{ egressId: session.egressId }]);
    expect(core.cloud.sessions({ interviewId })[0]).toMatchObject({ statusCode: 1, recordingUrl: expect.stringMatching(/^http.*\.mp3$/) });
    expect((await desk.call('cloudRecordingHealth', { sessionId: session.id })).health).toBe('stopped');
  });

  it(
    'joins the recording the backend already runs in the channel, whoever started it, rather than adding a bot',
    { timeout: 60_000 },
    async () => {
      const test = await devBackend();
      const core = interviewerCore(test, { healthSeconds: 600 });
      core.cloud.start();
      const desk = deskOf(core);
      // Another computer (the candidate's app, say) started the channel's recording with its own bot.
      const theirs = await createAgoraClient(test.backend.agoraUrl).start({
        channel: 'interview_desk_2',
        uid: '4242',
        scheduleId: SCHEDULE,
      });
      const { interviewId } = await desk.call('openInterviewerInterview', {
        scheduleId: SCHEDULE,
        provider: 'agora',
        channel: 'interview_desk_2',
      });

      const session = await desk.call('startCloudRecording', { interviewId });
      expect(session).toMatchObject({
        backend: 'agora',
        state: 'active',
        uid: '4242',
        recording: { sid: theirs.sid, resourceId: theirs.resourceId },
      });
      expect(received(test.backend, 'POST', '/api/agora/recording/start')).toHaveLength(1);
      expect(received(test.backend, 'GET', `/api/agora/recording/interview/${SCHEDULE}`).length).toBeGreaterThan(0);
      expect((await desk.call('cloudRecordingHealth', { sessionId: session.id })).health).toBe('recording');

      await desk.call('stopCloudRecording', { sessionId: session.id });
      await expect.poll(() => core.cloud.sessions({ interviewId })[0]?.state, { timeout: 20_000 }).toBe('done');
      expect(received(test.backend, 'POST', '/api/agora/recording/stop').map((r) => r.body)).toMatchObject([
        { uid: '4242', sid: theirs.sid },
      ]);
    },
  );

  it('shows the consent the candidate gave for the same schedule, and null when none is recorded here', { timeout: 30_000 }, async () => {
    const test = await devBackend();
    const core = interviewerCore(test);
    const desk = deskOf(core);
    const db = catalogOf(core);
    // The candidate took the interview on this computer: their row names the same schedule.
    insertInterview(db, { id: 'int-candidate', title: 'Backend engineer', createdAt: '2026-12-01T09:00:00.000Z', scheduleId: SCHEDULE });
    insertConsent(db, {
      interviewId: 'int-candidate',
      scriptId: 's1',
      consentedAt: '2026-12-01T09:01:00.000Z',
      statement: 'An earlier wording',
    });
    insertConsent(db, { interviewId: 'int-candidate', scriptId: 's1', consentedAt: '2026-12-01T09:02:00.000Z', statement: STATEMENT });

    const { interviewId } = await desk.call('openInterviewerInterview', {
      scheduleId: SCHEDULE,
      provider: 'agora',
      channel: 'interview_desk_3',
    });
    expect(await desk.call('getInterviewConsent', { interviewId })).toEqual({
      interviewId: 'int-candidate',
      statement: STATEMENT,
      consentedAt: '2026-12-01T09:02:00.000Z',
    });

    const other = await desk.call('openInterviewerInterview', { provider: 'livekit', channel: '!nobody:example.com' });
    expect(await desk.call('getInterviewConsent', { interviewId: other.interviewId })).toBeNull();
    expect(await desk.refusal('getInterviewConsent', { interviewId: 'int-unknown' })).toMatchObject({
      code: 'NOT_FOUND',
      message: 'There is no interview int-unknown in the catalog.',
    });
  });

  it(
    'backend down while recording: the health says the cloud is not recording, the stop waits in the outbox and is delivered when it is back',
    { timeout: 90_000 },
    async () => {
      const test = await devBackend();
      const core = interviewerCore(test, { healthSeconds: 2, root: tempDir() });
      core.cloud.start();
      const desk = deskOf(core);
      const { interviewId } = await desk.call('openInterviewerInterview', {
        scheduleId: SCHEDULE,
        provider: 'agora',
        channel: 'interview_desk_4',
      });
      const session = await desk.call('startCloudRecording', { interviewId });
      expect(session.state).toBe('active');

      await test.stop();
      await expect
        .poll(async () => (await desk.call('cloudRecordingHealth', { sessionId: session.id })).health, { timeout: 20_000, interval: 500 })
        .toBe('backend-unreachable');
      const down = await desk.call('cloudRecordingHealth', { sessionId: session.id });
      expect(describeCloudHealth(down.health)).toBe('Not recording: the backend did not answer');
      expect(down.detail).toMatch(/Health check: backend unreachable — Could not reach/);

      const stopping = await desk.call('stopCloudRecording', { sessionId: session.id });
      expect(stopping).toMatchObject({ state: 'stopping', pending: { kind: 'agora.stop', state: 'pending' } });
      expect((await desk.call('cloudRecordingHealth', { sessionId: session.id })).health).toBe('stop-pending');
      await expect.poll(() => listOutbox(catalogOf(core))[0]?.attempts ?? 0, { timeout: 20_000 }).toBeGreaterThan(0);
      expect(listOutbox(catalogOf(core))).toMatchObject([{ sessionId: session.id, kind: 'agora.stop', state: 'pending' }]);
      expect((await desk.call('cloudRecordingHealth', { sessionId: session.id })).detail).toMatch(/Could not reach/);

      await test.restart();
      await expect.poll(() => core.cloud.sessions({ interviewId })[0]?.state, { timeout: 40_000 }).toBe('done');
      expect(received(test.backend, 'POST', '/api/agora/recording/stop').map((r) => [r.status, r.body])).toEqual([
        [
          200,
          {
            channel_name: 'interview_desk_4',
            uid: session.backend === 'agora' ? session.uid : '',
            resource_id: session.backend === 'agora' ? session.recording?.resourceId : '',
            sid: session.backend === 'agora' ? session.recording?.sid : '',
            schedule_id: SCHEDULE,
          },
        ],
      ]);
      expect(listOutbox(catalogOf(core))).toEqual([]);
      expect(core.cloud.sessions({ interviewId })[0]).toMatchObject({ recordingUrl: expect.stringMatching(/\.mp4$/), pending: null });
      expect((await desk.call('cloudRecordingHealth', { sessionId: session.id })).health).toBe('stopped');
    },
  );

  it(
    'backend down at the start: the start answers at once, not recording; it registers when the backend is back',
    { timeout: 90_000 },
    async () => {
      const test = await devBackend();
      await test.stop();
      const core = interviewerCore(test, { healthSeconds: 2 });
      core.cloud.start();
      const desk = deskOf(core);
      const { interviewId } = await desk.call('openInterviewerInterview', { provider: 'livekit', channel: '!late:example.com' });

      const session = await desk.call('startCloudRecording', { interviewId });
      expect(session).toMatchObject({ state: 'registering', error: expect.stringMatching(/^Not registered yet \(Could not reach/) });
      expect((await desk.call('cloudRecordingHealth', { sessionId: session.id })).health).toBe('backend-unreachable');

      await test.restart();
      await expect
        .poll(async () => (await desk.call('cloudRecordingHealth', { sessionId: session.id })).health, { timeout: 40_000 })
        .toBe('recording');
      expect(received(test.backend, 'POST', '/api/recording/start')).toHaveLength(1);
      await desk.call('stopCloudRecording', { sessionId: session.id });
      await expect.poll(() => received(test.backend, 'POST', '/api/recording/stop').length, { timeout: 20_000 }).toBe(1);
    },
  );

  it('quitting stops a recording still running: delivered then, or by the next start', { timeout: 60_000 }, async () => {
    const test = await devBackend({ livekitProcessingMs: 300 });
    const root = tempDir();
    const first = interviewerCore(test, { root, healthSeconds: 600 });
    first.cloud.start();
    const desk = deskOf(first);
    const { interviewId } = await desk.call('openInterviewerInterview', { provider: 'livekit', channel: '!quit:example.com' });
    const session = await desk.call('startCloudRecording', { interviewId });
    expect(session.state).toBe('active');
    await first.close();

    // Before the next run does anything, the catalog already says the stop was sent or is owed.
    const next = interviewerCore(test, { root, healthSeconds: 600 });
    expect(['stopping', 'processing', 'done']).toContain(next.cloud.sessions({ interviewId })[0]?.state);
    next.cloud.start();
    await expect.poll(() => next.cloud.sessions({ interviewId })[0]?.state, { timeout: 20_000 }).toBe('done');
    expect(received(test.backend, 'POST', '/api/recording/stop').map((r) => r.body)).toEqual([
      { egressId: session.backend === 'livekit' ? session.egressId : '' },
    ]);
  });

  it('says when the backend has no cloud storage configured', { timeout: 60_000 }, async () => {
    const test = await devBackend();
    test.backend.setFault({ backend: 'agora', endpoint: 'stop', mode: 'noStorage' });
    const core = interviewerCore(test, { healthSeconds: 600 });
    core.cloud.start();
    const desk = deskOf(core);
    const { interviewId } = await desk.call('openInterviewerInterview', { provider: 'agora', channel: 'interview_desk_5' });
    const session = await desk.call('startCloudRecording', { interviewId });
    await desk.call('stopCloudRecording', { sessionId: session.id });

    await expect
      .poll(async () => (await desk.call('cloudRecordingHealth', { sessionId: session.id })).health, { timeout: 20_000 })
      .toBe('no-cloud-storage');
    const health = await desk.call('cloudRecordingHealth', { sessionId: session.id });
    expect(describeCloudHealth(health.health)).toBe('Backend has no cloud storage configured');
    expect(health.detail).toMatch(/the recording backend has no cloud storage configured: Agora returned no files/);
    expect(health.session).toMatchObject({ state: 'failed', files: [], recordingUrl: null });
    expect(received(test.backend, 'POST', '/api/agora/recording/stop')).toHaveLength(1);
  });

  it('refuses bad payloads by the contract, and bad channels in words, before any backend call', { timeout: 30_000 }, async () => {
    const test = await devBackend();
    const core = interviewerCore(test);
    const desk = deskOf(core);

    for (const [channel, payload] of [
      ['openInterviewerInterview', {}],
      ['openInterviewerInterview', { provider: 'agora' }],
      ['openInterviewerInterview', { provider: 'zoom', channel: 'x' }],
      ['openInterviewerInterview', { scheduleId: SCHEDULE, admin: true }],
      ['startCloudRecording', { interviewId: '' }],
      ['startCloudRecording', { interviewId: 'ivw-1', backend: 'media' }],
      ['startCloudRecording', { interviewId: 'ivw-1', channel: 'x'.repeat(129) }],
      ['stopCloudRecording', { sessionId: 5 }],
      ['cloudRecordingHealth', {}],
      ['getInterviewConsent', { interviewId: 'ivw-1', extra: 1 }],
    ] as const) {
      expect(await desk.refusal(channel, payload), `${channel} ${JSON.stringify(payload)}`).toMatchObject({ code: 'INVALID_PAYLOAD' });
    }
    expect(await desk.refusal('openInterviewerInterview', { provider: 'agora' })).toMatchObject({
      issues: [{ message: 'Name the interview by its schedule id, or by its call: provider and channel' }],
    });

    // Agora's channel alphabet is checked when the interview is opened, and when a start names another channel.
    expect(await desk.refusal('openInterviewerInterview', { provider: 'agora', channel: 'bad/channel*' })).toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: expect.stringMatching(/^Cannot open bad\/channel\*: channel_name: The channel name may contain only letters/),
    });
    const { interviewId } = await desk.call('openInterviewerInterview', { provider: 'agora', channel: 'good_channel' });
    expect(await desk.refusal('startCloudRecording', { interviewId, channel: 'bad/channel*' })).toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: expect.stringMatching(/^Cannot record bad\/channel\*: channel_name: /),
    });
    const dev = await desk.call('openInterviewerInterview', { provider: 'dev', channel: 'room-1' });
    expect(await desk.refusal('startCloudRecording', { interviewId: dev.interviewId })).toMatchObject({
      code: 'INVALID_PAYLOAD',
      message: 'Say which backend records the call: agora or livekit.',
    });
    expect(await desk.refusal('stopCloudRecording', { sessionId: 'no-such-session' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await desk.refusal('startCloudRecording', { interviewId: 'ivw-unknown' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(test.backend.requests().filter((r) => r.path.startsWith('/api/'))).toEqual([]);
  });
});
