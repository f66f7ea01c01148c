import { describe, expect, it } from 'vitest';
import { createLivekitClient } from '../../src/core/services/backends/livekit/livekit-client';
import { failure } from '../support/backend-failure';
import { devBackend, received } from '../support/dev-backend';

const ROOM = '!room:example.com';

describe('LiveKit recording backend client (contract, against the development backend)', () => {
  it('starts, polls until ready, lists and deletes, with the bearer token and the documented fields', async () => {
    const { backend } = await devBackend({ livekitProcessingMs: 1200 });
    const livekit = createLivekitClient({ baseUrl: backend.livekitUrl, token: backend.token });

    const started = await livekit.start(ROOM);
    const [start] = received(backend, 'POST', '/api/recording/start');
    expect(start!.body).toStrictEqual({ roomName: ROOM });
    expect(start!.headers.authorization).toBe(`Bearer ${backend.token}`);
    expect(start!.responseHeaders['x-ratelimit-limit']).toBe('10');
    expect(started).toMatchObject({ status: 'started', egressId: expect.stringMatching(/^egress_/) });

    expect(await livekit.status(started.egressId)).toMatchObject({ egressId: started.egressId, status: 0, startedAt: expect.any(String) });
    expect(received(backend, 'GET', '/api/recording/status')[0]!.path).toBe(`/api/recording/status?egressId=${started.egressId}`);

    expect(await livekit.stop(started.egressId)).toStrictEqual({ status: 'stopping', message: 'Recording will be processed' });
    expect(received(backend, 'POST', '/api/recording/stop')[0]!.body).toStrictEqual({ egressId: started.egressId });

    const statuses: number[] = [];
    const ready = await livekit.waitUntilDone(started.egressId, { onStatus: (e) => statuses.push(e.status), firstDelayMs: 200 });
    expect(statuses[0]).toBe(0);
    expect(statuses.at(-1)).toBe(1);
    expect(ready).toMatchObject({ status: 1, downloadUrl: expect.stringMatching(/^http/), endedAt: expect.any(String) });
    expect(ready.duration).toBeGreaterThanOrEqual(0);
    const audio = await fetch(ready.downloadUrl!);
    expect(audio.status).toBe(200);
    expect((await audio.arrayBuffer()).byteLength).toBeGreaterThan(100);

    expect(await livekit.list(ROOM)).toEqual([expect.objectContaining({ egressId: started.egressId, roomName: ROOM, status: 1 })]);
    expect(received(backend, 'GET', '/api/recording/list')[0]!.path).toBe(`/api/recording/list?roomName=${encodeURIComponent(ROOM)}`);

    expect(await livekit.delete(started.egressId)).toStrictEqual({ message: 'Recording deleted successfully' });
    expect(received(backend, 'POST', '/api/recording/delete')[0]!.body).toStrictEqual({ egressId: started.egressId });
    expect(await livekit.list(ROOM)).toEqual([]);
    expect((await fetch(ready.downloadUrl!)).status).toBe(404);
  });

  it('stops at a 401 without retrying and asks for a new token; sends nothing without one', async () => {
    const { backend } = await devBackend();
    const error = await failure(createLivekitClient({ baseUrl: backend.livekitUrl, token: 'expired-token' }).start(ROOM));
    expect(error).toMatchObject({ kind: 'auth', status: 401, retryable: false });
    expect(error.message).toMatch(/did not accept the access token: Unauthorized \(UNAUTHORIZED\)\. Sign in again/);
    expect(received(backend, 'POST', '/api/recording/start')).toHaveLength(1);

    const noToken = await failure(createLivekitClient({ baseUrl: backend.livekitUrl }).status('egress_x'));
    expect(noToken).toMatchObject({ kind: 'auth' });
    expect(received(backend, 'GET', '/api/recording/status')).toHaveLength(0);
  });

  it('reports 400, 404, 500 and a failed recording with the backend’s error and code', async () => {
    const { backend } = await devBackend({ livekitProcessingMs: 100 });
    const livekit = createLivekitClient({ baseUrl: backend.livekitUrl, token: backend.token });
    expect((await failure(livekit.start(''))).message).toMatch(/\(HTTP 400\): Invalid room name \(INVALID_REQUEST\)/);
    for (const call of [livekit.stop('egress_unknown'), livekit.status('egress_unknown'), livekit.delete('egress_unknown')]) {
      expect(await failure(call)).toMatchObject({
        kind: 'not-found',
        status: 404,
        message: expect.stringMatching(/Recording not found \(NOT_FOUND\)/),
      });
    }
    backend.setFault({ backend: 'livekit', endpoint: 'start', mode: 'http500', times: 1 });
    expect(await failure(livekit.start(ROOM))).toMatchObject({
      kind: 'server',
      retryable: true,
      message: expect.stringMatching(/INTERNAL_ERROR/),
    });

    backend.setFault({ backend: 'livekit', mode: 'recordingFailed' });
    const started = await livekit.start(ROOM);
    await livekit.stop(started.egressId);
    const failed = await failure(livekit.waitUntilDone(started.egressId, { firstDelayMs: 100 }));
    expect(failed).toMatchObject({ kind: 'recording-failed', message: expect.stringMatching(/failed: Egress failed/) });
  });

  it('makes 30 status polls in a minute without a single 429 from a backend enforcing the documented limits', async () => {
    const { backend } = await devBackend();
    const livekit = createLivekitClient({ baseUrl: backend.livekitUrl, token: backend.token });
    const { egressId } = await livekit.start(ROOM);
    for (let poll = 0; poll < 30; poll++) expect((await livekit.status(egressId)).status).toBe(0);
    const polls = received(backend, 'GET', '/api/recording/status');
    expect(polls.map((p) => p.status)).toEqual(Array(30).fill(200));
    expect(polls.map((p) => Number(p.responseHeaders['x-ratelimit-remaining']))).toEqual(Array.from({ length: 30 }, (_, i) => 59 - i));
    expect(backend.requests().filter((r) => r.status === 429)).toEqual([]);
  });

  it(
    'waits for the window the server reports when another client shares the token, and waits out a 429 that client causes',
    { timeout: 30_000 },
    async () => {
      // The documented counts over a 4 s window, so the test need not wait out a whole minute.
      const { backend } = await devBackend({ rateWindowMs: 4000 });
      const headers = { Authorization: `Bearer ${backend.token}` };
      const other = (n: number) =>
        Promise.all(Array.from({ length: n }, () => fetch(`${backend.livekitUrl}/list?roomName=x`, { headers })));
      const livekit = createLivekitClient({ baseUrl: backend.livekitUrl, token: backend.token });
      const { egressId } = await livekit.start(ROOM);

      await other(55); // another window of the app, say: 5 of the 60 are left
      for (let poll = 0; poll < 30; poll++) await livekit.status(egressId);
      const ours = received(backend, 'GET', '/api/recording/status');
      expect(ours.map((p) => p.status)).toEqual(Array(30).fill(200));

      // Even when the other client takes the last slot between two of ours, the 429 is waited out and the poll succeeds.
      await other(60);
      await expect(livekit.status(egressId)).resolves.toMatchObject({ egressId });
      const limited = received(backend, 'GET', '/api/recording/status').filter((r) => r.status === 429);
      expect(limited.length).toBeLessThanOrEqual(1);
      expect(limited.every((r) => Number(r.responseHeaders['retry-after']) >= 1)).toBe(true);
    },
  );
});
