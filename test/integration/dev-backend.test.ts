// The local development backend over real HTTP with raw fetch, against a real local S3: the three contracts'
// shapes, their error answers, the LiveKit rate limits, persistence across a restart and the fault switches.
import { describe, expect, it, onTestFinished } from 'vitest';
import { type DevBackendOptions, startDevBackend } from '../../tools/dev-backend/index';
import { LOCAL_S3_KEY, type LocalS3 } from '../../tools/lib/local-s3.mjs';
import { localS3, objectBytes, objectExists } from '../support/local-s3';
import { tempDir } from '../support/temp-dir';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- answers are checked field by field
type Answer = { status: number; headers: Headers; body: any };

async function call(url: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const json = { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) };
  const res = await fetch(url, body === undefined ? { headers } : json);
  return { status: res.status, headers: res.headers, body: await res.json() };
}

/** A local S3 and a dev backend on it, with short processing times, both closed when the test ends. */
async function setup(options: Partial<DevBackendOptions> = {}, s3?: LocalS3) {
  s3 ??= await localS3();
  const { endpoint, bucket } = s3;
  const dev = await startDevBackend({
    dataDir: tempDir('irec-dev-backend-'),
    s3: { endpoint, bucket, region: 'us-east-1', accessKeyId: LOCAL_S3_KEY, secretAccessKey: LOCAL_S3_KEY },
    livekitProcessingMs: 200,
    mediaProcessingMs: 100,
    ...options,
  });
  onTestFinished(() => dev.close());
  const upload = async (sessionId: string, chunkIndex: number, bytes: Uint8Array<ArrayBuffer>): Promise<Answer> => {
    const form = new FormData();
    form.append('chunk', new Blob([bytes]), `chunk-${chunkIndex}.webm`);
    form.append('sessionId', sessionId);
    form.append('chunkIndex', String(chunkIndex));
    const res = await fetch(`${dev.mediaApiUrl}/recording/chunk`, { method: 'POST', body: form });
    return { status: res.status, headers: res.headers, body: await res.json() };
  };
  return {
    s3,
    dev,
    upload,
    agora: (path: string, body?: unknown) => call(dev.agoraUrl + path, body),
    livekit: (path: string, body?: unknown, token: string | null = 'dev-token') =>
      call(dev.livekitUrl + path, body, token === null ? {} : { authorization: `Bearer ${token}` }),
    media: (path: string, body?: unknown) => call(dev.mediaApiUrl + path, body),
  };
}

/** Polls `probe` until `done` holds for its answer (or gives up after 10 s and returns the last one). */
async function until(probe: () => Promise<Answer>, done: (value: Answer) => boolean): Promise<Answer> {
  for (const deadline = Date.now() + 10_000; ; await new Promise((r) => setTimeout(r, 50))) {
    const value = await probe();
    if (done(value) || Date.now() > deadline) return value;
  }
}

const bytes = (n: number, fill: number) => new Uint8Array(n).fill(fill);

describe('dev backend: Agora', () => {
  it('starts, queries, stops and lists a recording, with files really in the bucket', async () => {
    const { s3, agora } = await setup();
    const session = { channel_name: 'interview_1_abc', uid: '1001' };
    const invalid = await agora('/recording/start', { channel_name: 'x'.repeat(65), uid: 'abc' });
    expect(invalid).toMatchObject({ status: 422, body: { status: 422, message: 'Validation failed' } });
    expect(invalid.body.data.errors).toEqual({
      channel_name: ['The channel name may not be greater than 64 characters.'],
      uid: ['The uid must be a string of digits.'],
    });
    const missing = (await agora('/recording/start', {})).body.data.errors;
    expect(missing).toEqual({ channel_name: ['The channel name field is required.'], uid: ['The uid field is required.'] });

    const started = await agora('/recording/start', { ...session, schedule_id: 'sched-1' });
    expect(started.body).toMatchObject({
      status: 200,
      message: 'Cloud recording started successfully',
      data: { channelName: 'interview_1_abc' },
    });
    const { resourceId, sid } = started.body.data;
    expect(resourceId).toMatch(/^[\w-]{120,}$/);
    expect(sid).toMatch(/^[0-9a-f]{32}$/);
    const again = await agora('/recording/start', session);
    expect(again.body).toMatchObject({ status: 500, data: { error: 'A recording is already running for this channel and uid' } });

    const ids = { ...session, resource_id: resourceId, sid };
    const query = await agora('/recording/query', ids);
    expect(query.body).toMatchObject({ status: 200, data: { sid, serverResponse: { status: '5', fileListMode: 'json', fileList: [] } } });
    expect(query.body.data.serverResponse.sliceStartTime).toBeGreaterThan(Date.now() - 60_000);
    expect((await agora('/recording/query', { ...ids, uid: '2002' })).body.data.error).toBe('Recording not found');
    expect(Object.keys((await agora('/recording/query', session)).body.data.errors)).toEqual(['resource_id', 'sid']);

    const stopped = await agora('/recording/stop', ids);
    expect(stopped.body).toMatchObject({ status: 200, message: 'Cloud recording stopped successfully' });
    expect(stopped.body.data.serverResponse.uploadingStatus).toBe('uploaded');
    const base = `recordings/${new Date().toISOString().slice(0, 10)}/interview_1_abc`;
    expect(stopped.body.data.serverResponse.fileList.map((f: { filename: string }) => f.filename)).toEqual([`${base}.m3u8`, `${base}.mp4`]);
    expect(await objectExists(s3, `${base}.m3u8`)).toBe(true);
    expect(Buffer.from((await objectBytes(s3, `${base}.mp4`)).subarray(4, 8)).toString()).toBe('ftyp');
    expect((await agora('/recording/query', ids)).body.data.error).toBe('Recording has already stopped');
    expect((await agora('/recording/stop', ids)).body).toMatchObject({ status: 500, data: { error: 'Recording has already stopped' } });

    const list = await agora('/recording/interview/sched-1');
    expect(list.body).toMatchObject({ status: 200, data: { schedule_id: 'sched-1', total_count: 1, s3_bucket: s3.bucket } });
    const row = list.body.data.recordings[0];
    expect(row).toMatchObject({ _id: expect.stringMatching(/^[0-9a-f]{24}$/), sid, status: 'completed', stopped_at: expect.any(String) });
    expect(row.recording_url).toBe(row.file_list[1].s3_url);
    expect((await fetch(row.recording_url)).status).toBe(200);
    expect((await agora('/recording/interview/nope')).body.data.total_count).toBe(0);
  });

  it('answers injected 500s, an empty file list without storage, 404 and malformed JSON', async () => {
    const { dev, agora } = await setup();
    dev.setFault({ backend: 'agora', endpoint: 'start', mode: 'http500', times: 1 });
    const failed = (await agora('/recording/start', { channel_name: 'c', uid: '1' })).body;
    expect(failed).toEqual({ status: 500, message: 'Failed to start cloud recording', data: { error: 'Failed to acquire resource' } });
    const { resourceId, sid } = (await agora('/recording/start', { channel_name: 'c', uid: '1', schedule_id: 's' })).body.data;
    dev.setFault({ backend: 'agora', mode: 'noStorage' });
    const stopped = await agora('/recording/stop', { channel_name: 'c', uid: '1', resource_id: resourceId, sid });
    expect(stopped.body.data.serverResponse).toEqual({ fileListMode: 'json', fileList: [] });
    const row = (await agora('/recording/interview/s')).body.data.recordings[0];
    expect(row).toMatchObject({ status: 'completed', file_list: [] });
    expect(row).not.toHaveProperty('recording_url');

    expect(await agora('/nope')).toMatchObject({ status: 404, body: { status: 404, message: 'Not found', data: {} } });
    const init = { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"channel' };
    const malformed = await fetch(`${dev.agoraUrl}/recording/start`, init);
    expect(malformed.status).toBe(422);
    expect(Object.keys(((await malformed.json()) as { data: { errors: object } }).data.errors)).toEqual(['channel_name', 'uid']);
  });
});

describe('dev backend: LiveKit', () => {
  it('records: auth, status 0 → 1 with a fetchable file, list, delete, failures and 404s', async () => {
    const { s3, dev, livekit } = await setup();
    const unauthorized = await livekit('/start', { roomName: 'r' }, null);
    expect(unauthorized).toMatchObject({ status: 401, body: { error: 'Unauthorized', code: 'UNAUTHORIZED' } });
    expect((await livekit('/start', { roomName: 'r' }, 'wrong')).status).toBe(401);
    const invalid = await livekit('/start', { roomName: '' });
    expect(invalid).toMatchObject({ status: 400, body: { error: 'Invalid room name', code: 'INVALID_REQUEST' } });

    const room = '!room:example.com';
    const started = await livekit('/start', { roomName: room });
    expect(started.body).toEqual({ egressId: expect.stringMatching(/^egress_[0-9a-f]{12}$/), status: 'started' });
    const id = started.body.egressId as string;
    const status = (egressId = id) => livekit(`/status?egressId=${egressId}`);
    expect((await status()).body).toEqual({ egressId: id, status: 0, startedAt: expect.stringMatching(/Z$/) });
    expect((await livekit('/stop', { egressId: id })).body).toEqual({ status: 'stopping', message: 'Recording will be processed' });
    expect((await livekit('/stop', { egressId: id })).body).toEqual({ status: 'stopping', message: 'Recording will be processed' });
    expect((await status()).body.status).toBe(0);
    const ready = await until(status, (r) => r.body.status !== 0);
    expect(ready.body).toMatchObject({ status: 1, duration: expect.any(Number), endedAt: expect.any(String) });
    const audio = await fetch(ready.body.downloadUrl);
    expect(audio.status).toBe(200);
    expect(Buffer.from(await audio.arrayBuffer()).toString('latin1', 0, 3)).toBe('ID3');

    dev.setFault({ backend: 'livekit', mode: 'recordingFailed', times: 1 });
    const failing = (await livekit('/start', { roomName: room })).body.egressId as string;
    await livekit('/stop', { egressId: failing });
    const failed = await until(
      () => status(failing),
      (r) => r.body.status !== 0,
    );
    expect(failed.body).toMatchObject({ status: 2, error: expect.stringMatching(/^Egress failed: /) });

    const list = (await livekit(`/list?roomName=${encodeURIComponent(room)}`)).body.recordings;
    expect(list.map((r: { egressId: string; status: number }) => [r.egressId, r.status])).toEqual([
      [id, 1],
      [failing, 2],
    ]);
    expect(list[0]).toMatchObject({ roomName: room, downloadUrl: ready.body.downloadUrl });
    expect((await livekit('/list')).body).toEqual({ error: 'Missing roomName parameter', code: 'INVALID_REQUEST' });
    expect((await livekit('/status')).body.error).toBe('Missing egressId parameter');

    expect((await livekit('/delete', { egressId: id })).body).toEqual({ message: 'Recording deleted successfully' });
    expect(await objectExists(s3, `recordings/${room}/${id}.mp3`)).toBe(false);
    for (const answer of [await status(), await livekit('/stop', { egressId: id }), await livekit('/delete', { egressId: id })]) {
      expect(answer).toMatchObject({ status: 404, body: { error: 'Recording not found', code: 'NOT_FOUND' } });
    }
    dev.setFault({ backend: 'livekit', endpoint: 'list', mode: 'http500', times: 1 });
    expect((await livekit('/list?roomName=x')).body).toEqual({ error: 'Internal server error', code: 'INTERNAL_ERROR' });
  });

  it('rate-limits /start to 10 per window per token; refused and unauthenticated requests cost nothing', async () => {
    const { dev, livekit } = await setup({ livekitTokens: ['dev-token', 'other'], rateWindowMs: 2000 });
    const startRoom = (token = 'dev-token') => livekit('/start', { roomName: 'room' }, token);
    dev.setFault({ backend: 'livekit', mode: 'unauthorized', times: 1 });
    expect((await startRoom()).status).toBe(401);
    for (let i = 1; i <= 10; i++) {
      const ok = await startRoom();
      const limits = [ok.headers.get('x-ratelimit-limit'), ok.headers.get('x-ratelimit-remaining')];
      expect([ok.status, ...limits]).toEqual([200, '10', String(10 - i)]);
    }
    const refused = await startRoom();
    expect(refused).toMatchObject({ status: 429, body: { error: 'Too many requests', code: 'RATE_LIMITED' } });
    expect(refused.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get('x-ratelimit-reset'))).toBeGreaterThanOrEqual(Date.now() / 1000);
    expect((await startRoom('other')).status).toBe(200);
    expect((await livekit('/list?roomName=room')).headers.get('x-ratelimit-limit')).toBe('60');

    await new Promise((r) => setTimeout(r, 2100));
    const fresh = await startRoom();
    expect([fresh.status, fresh.headers.get('x-ratelimit-remaining')]).toEqual([200, '9']);
  });
});

describe('dev backend: Media API', () => {
  it('inits, takes chunks idempotently, reports missing ones and finalizes to the concatenated bytes', async () => {
    const { s3, dev, media, upload } = await setup();
    const unknownSite = await media('/recording/init', { site: 'nope.example' });
    expect(unknownSite).toMatchObject({ status: 404, body: { success: false, error: 'Site not found: nope.example' } });
    const init = { site: 'localhost', sessionId: 'sess-1', expectedChunks: 4, videoSettings: { format: 'webm' }, storage: 'st-1' };
    const created = await media('/recording/init', init);
    expect(created.body).toMatchObject({
      success: true,
      sessionId: 'sess-1',
      status: 'initialized',
      session: { expectedChunks: 4, site: { hostname: 'localhost' }, space: { s3Bucket: s3.bucket }, storage: 'st-1' },
      endpoints: { checkStatus: '/api/media/session/sess-1/chunks/status', downloadVideo: '/api/media/session/sess-1/video' },
    });
    expect((await media('/recording/init', init)).body.session.createdAt).toBe(created.body.session.createdAt);

    expect((await upload('sess-1', 0, bytes(1000, 1))).body).toMatchObject({ success: true, chunkIndex: 0, size: 1000, duplicate: false });
    await upload('sess-1', 2, bytes(10, 9));
    expect((await upload('sess-1', 2, bytes(500, 3))).body).toMatchObject({ duplicate: true, totalReceived: 2 });
    expect((await upload('nope', 0, bytes(1, 1))).status).toBe(404);
    expect((await media('/session/sess-1/chunks/status')).body).toEqual({
      ...{ success: true, sessionId: 'sess-1', status: 'receiving', receivedChunks: [0, 2], totalReceived: 2 },
      ...{ totalSize: 1500, expectedChunks: 4, missingChunks: [1, 3] },
    });
    const incomplete = await media('/recording/finalize', { sessionId: 'sess-1', totalChunks: 4 });
    expect(incomplete).toMatchObject({ status: 400, body: { success: false, error: 'Missing chunks: 1, 3', missingChunks: [1, 3] } });
    expect((await media('/session/sess-1/video')).status).toBe(409);

    await upload('sess-1', 1, bytes(200, 2));
    await upload('sess-1', 3, bytes(300, 4));
    const done = await media('/recording/finalize', { sessionId: 'sess-1', totalChunks: 4, totalSize: 2000 });
    expect(done.body).toMatchObject({
      success: true,
      video: { filename: 'sess-1_final.webm', chunksProcessed: 4, uploaded: true },
      storage: { id: 'st-1', updated: true },
      cleanup: { deletedFiles: 4, totalSizeFreed: 2000, success: true },
    });
    const expected = Buffer.concat([bytes(1000, 1), bytes(200, 2), bytes(500, 3), bytes(300, 4)]);
    expect(Buffer.from(await objectBytes(s3, 'media-recordings/sess-1_final.webm')).equals(expected)).toBe(true);
    expect(done.body.video.s3Url).toBe(`${s3.endpoint}/${s3.bucket}/media-recordings/sess-1_final.webm`);
    expect((await media('/recording/finalize', { sessionId: 'sess-1', totalChunks: 4 })).body).toEqual(done.body);
    expect(await upload('sess-1', 4, bytes(1, 1))).toMatchObject({ status: 409, body: { error: 'Session already finalized' } });
    const logged = dev.requests().find((r) => r.path === '/api/media/recording/chunk');
    expect(logged?.body).toEqual({ chunk: { size: 1000, filename: 'chunk-0.webm' }, sessionId: 'sess-1', chunkIndex: '0' });
  });

  it('finalizes asynchronously (polled through GET video) and reports a merge error', async () => {
    const { s3, dev, media, upload } = await setup();
    for (const id of ['async-1', 'broken-1']) {
      await media('/recording/init', { site: 'localhost', sessionId: id });
      await upload(id, 0, bytes(64, 7));
    }
    const accepted = await media('/recording/finalize-async', { sessionId: 'async-1', totalChunks: 1 });
    expect(accepted).toMatchObject({ status: 202, body: { status: 'processing', statusUrl: '/api/media/session/async-1/video' } });
    const video = () => media('/session/async-1/video');
    expect(await video()).toMatchObject({ status: 202, body: { storage: { transcode: { media_recording: 'processing...' } } } });
    const ready = await until(video, (r) => r.status !== 202);
    expect(ready).toMatchObject({ status: 200, body: { status: 'completed', video: { filename: 'async-1_final.mp4' } } });
    expect(ready.body.storage.transcode.media_recording).toBe(ready.body.video.s3Url);
    expect(await objectExists(s3, 'media-recordings/async-1_final.mp4')).toBe(true);

    dev.setFault({ backend: 'media', mode: 'mergeError', times: 1 });
    const broken = await media('/recording/finalize', { sessionId: 'broken-1', totalChunks: 1 });
    expect(broken).toMatchObject({ status: 500, body: { success: false, error: 'Failed to merge chunks' } });
    const brokenVideo = await media('/session/broken-1/video');
    expect(brokenVideo).toMatchObject({ status: 500, body: { status: 'failed', error: 'Failed to merge chunks' } });
    expect(brokenVideo.body.storage.transcode.media_recording).toBe('merge_error');
  });
});

describe('dev backend: restarts, faults and the control API', () => {
  it('keeps every session across a restart with the same dataDir', async () => {
    const dataDir = tempDir('irec-dev-backend-');
    const first = await setup({ dataDir });
    const { resourceId, sid } = (await first.agora('/recording/start', { channel_name: 'c', uid: '7' })).body.data;
    const { egressId } = (await first.livekit('/start', { roomName: 'r' })).body;
    await first.media('/recording/init', { site: 'localhost', sessionId: 'kept' });
    await first.upload('kept', 0, bytes(5, 1));
    await first.dev.close();

    const second = await setup({ dataDir }, first.s3);
    expect((await second.agora('/recording/query', { channel_name: 'c', uid: '7', resource_id: resourceId, sid })).status).toBe(200);
    expect((await second.livekit(`/status?egressId=${egressId}`)).body.status).toBe(0);
    expect((await second.media('/session/kept/chunks/status')).body).toMatchObject({ receivedChunks: [0], totalSize: 5 });
  });

  it('drops the socket on a reset fault, and serves the control API without logging it', async () => {
    const { dev, agora } = await setup();
    expect((await call(`${dev.url}/__dev/health`)).body).toEqual({ ok: true });
    expect((await call(`${dev.url}/__dev/faults`, { backend: 'agora', endpoint: 'start', mode: 'reset', times: 1 })).body.ok).toBe(true);
    expect((await call(`${dev.url}/__dev/faults`, { backend: 'nope', mode: 'reset' })).status).toBe(400);
    await expect(fetch(`${dev.agoraUrl}/recording/start`, { method: 'POST', body: '{}' })).rejects.toThrow();
    expect((await agora('/recording/start', { channel_name: 'c', uid: '1' })).status).toBe(200);

    const logged = (await call(`${dev.url}/__dev/requests`)).body as { path: string; status: number }[];
    expect(logged.map((r) => [r.path, r.status])).toEqual([
      ['/api/agora/recording/start', 0],
      ['/api/agora/recording/start', 200],
    ]);
    expect(logged[1]).toMatchObject({ headers: { 'content-type': 'application/json' }, responseHeaders: { 'content-type': /json/ } });
    await fetch(`${dev.url}/__dev/requests`, { method: 'DELETE' });
    expect(dev.requests()).toEqual([]);
  });
});
