import { describe, expect, it } from 'vitest';
import { createAgoraClient } from '../../src/core/services/backends/agora/agora-client';
import { failure } from '../support/backend-failure';
import { devBackend, received } from '../support/dev-backend';

const CHANNEL = 'interview_1733845678_a1b2c3d4e5f6g7h8';
const SCHEDULE = '675812ab3f4e5a0b1c234567';

describe('Agora recording backend client (contract, against the development backend)', () => {
  it('starts, queries, stops and lists with the exact snake_case fields, and finds recording_url', async () => {
    const { backend } = await devBackend();
    const agora = createAgoraClient(backend.agoraUrl);

    const started = await agora.start({ channel: CHANNEL, uid: '1001', scheduleId: SCHEDULE });
    const [start] = received(backend, 'POST', '/api/agora/recording/start');
    expect(start!.body).toStrictEqual({ channel_name: CHANNEL, uid: '1001', schedule_id: SCHEDULE });
    expect(start!.headers['content-type']).toBe('application/json');
    expect(started).toMatchObject({ channel: CHANNEL, uid: '1001' });
    expect(started.resourceId.length).toBeGreaterThan(20);
    expect(started.sid).toMatch(/^[0-9a-f]{32}$/);

    const ref = { channel: CHANNEL, uid: '1001', resourceId: started.resourceId, sid: started.sid };
    const queried = await agora.query(ref);
    expect(received(backend, 'POST', '/api/agora/recording/query')[0]!.body).toStrictEqual({
      channel_name: CHANNEL,
      uid: '1001',
      resource_id: started.resourceId,
      sid: started.sid,
    });
    expect(queried).toMatchObject({ status: 5, statusText: 'Recording in progress', files: [] });
    expect(queried.sliceStartTime).toBeGreaterThan(1_700_000_000_000);

    const stopped = await agora.stop({ ...ref, scheduleId: SCHEDULE });
    expect(received(backend, 'POST', '/api/agora/recording/stop')[0]!.body).toStrictEqual({
      channel_name: CHANNEL,
      uid: '1001',
      resource_id: started.resourceId,
      sid: started.sid,
      schedule_id: SCHEDULE,
    });
    expect(stopped.uploadingStatus).toBe('uploaded');
    expect(stopped.files.map((file) => file.filename.split('.').pop())).toEqual(['m3u8', 'mp4']);
    expect(stopped.files[1]).toMatchObject({ trackType: 'audio_and_video', uid: '1001', mixedAllUser: true, isPlayable: true });

    const listed = await agora.listBySchedule(SCHEDULE);
    expect(received(backend, 'GET', `/api/agora/recording/interview/${SCHEDULE}`)).toHaveLength(1);
    expect(listed).toMatchObject({ schedule_id: SCHEDULE, total_count: 1 });
    const [recording] = listed.recordings;
    expect(recording).toMatchObject({
      channel_name: CHANNEL,
      uid: '1001',
      sid: started.sid,
      resource_id: started.resourceId,
      status: 'completed',
    });
    expect(recording!.recording_url).toMatch(/\.mp4$/);
    expect(recording!.file_list.every((file) => file.s3_url?.startsWith('http'))).toBe(true);
    // The URL really opens: the file is in the (local) S3 bucket.
    const video = await fetch(recording!.recording_url!);
    expect(video.status).toBe(200);
    expect((await video.arrayBuffer()).byteLength).toBeGreaterThan(1000);

    expect(await agora.listBySchedule('000000000000000000000000')).toMatchObject({ total_count: 0, recordings: [] });
  });

  it('refuses a channel over 64 characters or a non-numeric uid before sending anything', async () => {
    const { backend } = await devBackend();
    const agora = createAgoraClient(backend.agoraUrl);
    const long = await failure(agora.start({ channel: 'c'.repeat(65), uid: '1001' }));
    expect(long).toMatchObject({ kind: 'invalid', retryable: false });
    expect(long.fieldErrors?.channel_name?.[0]).toMatch(/65 characters/);
    const uid = await failure(agora.start({ channel: CHANNEL, uid: 'bot-1' }));
    expect(uid.fieldErrors?.uid?.[0]).toMatch(/digits/);
    expect(backend.requests()).toEqual([]);
  });

  it('surfaces every 422 field error from the backend in words', async () => {
    const { backend } = await devBackend();
    // A backend stricter than our own checks: the uid and channel are dropped on the way, so the backend's validator answers.
    const lossy: typeof fetch = (url, init) => fetch(url, { ...init, body: JSON.stringify({ schedule_id: SCHEDULE }) });
    const error = await failure(createAgoraClient(backend.agoraUrl, lossy).start({ channel: CHANNEL, uid: '1001' }));
    expect(error).toMatchObject({ kind: 'invalid', status: 422, retryable: false });
    expect(error.fieldErrors).toMatchObject({ channel_name: ['The channel name field is required.'], uid: ['The uid field is required.'] });
    expect(error.message).toMatch(
      /refused to start the cloud recording: Validation failed \(channel_name: The channel name field is required\.; uid: The uid field is required\.\)/,
    );
  });

  it("reports a 500 with the backend's message and its data.error, as retryable", async () => {
    const { backend } = await devBackend();
    backend.setFault({ backend: 'agora', endpoint: 'start', mode: 'http500', times: 1 });
    const agora = createAgoraClient(backend.agoraUrl);
    const error = await failure(agora.start({ channel: CHANNEL, uid: '1001' }));
    expect(error).toMatchObject({ kind: 'server', status: 500, retryable: true });
    expect(error.message).toBe(
      'The Agora recording backend could not start the cloud recording (HTTP 500): Failed to start cloud recording: Failed to acquire resource.',
    );
    // The fault was for one request: the next start works.
    await expect(agora.start({ channel: CHANNEL, uid: '1001' })).resolves.toMatchObject({ channel: CHANNEL });
  });

  it('reports a query or stop of an unknown recording as the backend words it', async () => {
    const { backend } = await devBackend();
    const agora = createAgoraClient(backend.agoraUrl);
    const ref = { channel: CHANNEL, uid: '1001', resourceId: 'no-such-resource', sid: '0'.repeat(32) };
    expect((await failure(agora.query(ref))).message).toMatch(/HTTP 500\): Failed to query recording status: Recording not found\./);
    expect((await failure(agora.stop(ref))).message).toMatch(/HTTP 500\): Failed to stop cloud recording: Recording not found\./);
  });

  it('calls a stop without files what it is: the recording backend has no cloud storage configured', async () => {
    const { backend } = await devBackend();
    const agora = createAgoraClient(backend.agoraUrl);
    const started = await agora.start({ channel: CHANNEL, uid: '1001', scheduleId: SCHEDULE });
    backend.setFault({ backend: 'agora', endpoint: 'stop', mode: 'noStorage' });
    const error = await failure(agora.stop({ ...started, scheduleId: SCHEDULE }));
    expect(error).toMatchObject({ kind: 'no-cloud-storage', retryable: false, status: 200 });
    expect(error.message).toMatch(/recording backend has no cloud storage configured/);
    expect(error.reply).toMatchObject({ sid: started.sid, files: [] });
    const [recording] = (await agora.listBySchedule(SCHEDULE)).recordings;
    expect(recording).toMatchObject({ status: 'completed', file_list: [] });
    expect(recording!.recording_url ?? null).toBeNull();
  });

  it('says the backend is unreachable, as retryable, when nothing answers', async () => {
    const test = await devBackend();
    await test.stop();
    const error = await failure(createAgoraClient(test.backend.agoraUrl).start({ channel: CHANNEL, uid: '1001' }));
    expect(error).toMatchObject({ kind: 'unreachable', retryable: true });
    expect(error.message).toMatch(
      /Could not reach the Agora recording backend at http:\/\/127\.0\.0\.1:\d+\/api\/agora\/recording\/start \(ECONNREFUSED\)/,
    );
  });
});
