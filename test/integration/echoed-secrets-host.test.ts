import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/core/ipc/dispatcher';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { recordThroughHandlers, seedLinkedInterview, sessionOf } from '../support/cloud-interview';
import { startEchoBackend, type EchoBackendReply } from '../support/echo-backend';
import { expectNoPlantedSecrets, fileBytes, PLANTED } from '../support/planted-secrets';
import { recordChunks } from '../support/recorded-chunks';
import { createTestCore, testPaths } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const PAGE = { origin: 'http://127.0.0.1:1', isMainFrame: true };

describe('what the renderer is sent when a backend echoes the bearer token', () => {
  it('getCloudSessions, the event stream, the catalog and the log keep the refusal and lose the token', { timeout: 90_000 }, async () => {
    let reply: EchoBackendReply = { status: 500, format: 'json' };
    const backend = await startEchoBackend(() => reply);
    const root = tempDir();
    const core = createTestCore(root, {}, [
      `backends.livekit.baseUrl=${backend.url}/api/recording`,
      `backends.livekit.token=${PLANTED.livekitToken}`,
    ]);
    // What the browser host writes to its event stream, frame for frame (src/host/server.ts).
    const stream: string[] = [];
    core.events.subscribe((event, payload) => stream.push(`data: ${JSON.stringify({ event, payload })}\n\n`));
    // The dispatcher as the browser host and Electron build it: its answers are what the page receives.
    const dispatch = createDispatcher({ handlers: createHandlerTable(core), trustedOrigins: [PAGE.origin], redact: core.redact });
    core.cloud.start();

    const interviewId = seedLinkedInterview(core, { livekitRoom: '!echo:example.com' });
    await recordThroughHandlers(core, interviewId, await recordChunks('vp8-webm', 2), async () => {
      // A start refused with a 500 is tried again (the session shows why); the next one goes through.
      await expect.poll(() => sessionOf(core, interviewId, 'livekit')?.error ?? '', { timeout: 20_000 }).toMatch(/HTTP 500.*trying again/s);
      reply = { status: 200, format: 'json', body: { egressId: 'EG_echo', status: 'EGRESS_STARTING' } };
      await expect.poll(() => sessionOf(core, interviewId, 'livekit')?.state, { timeout: 30_000 }).toBe('active');
      // The stop, owed through the outbox, is refused for the token: held until there is a new one.
      reply = { status: 401, format: 'text' };
    });
    await expect.poll(() => sessionOf(core, interviewId, 'livekit')?.pending?.state, { timeout: 30_000 }).toBe('held');
    expect(sessionOf(core, interviewId, 'livekit')?.pending?.lastError).toMatch(/did not accept the access token/);

    const answer = JSON.stringify(await dispatch('getCloudSessions', { interviewId }, PAGE));
    expect(answer).toMatch(/did not accept the access token: Refused POST/);
    expect(answer).toContain('authorization: [redacted]');
    expectNoPlantedSecrets('the getCloudSessions answer', answer);
    expect(stream.join('')).toMatch(/cloudSessionChanged.*HTTP 500/);
    expectNoPlantedSecrets('the event stream', stream.join(''));

    const catalog = path.join(testPaths(root).userDataDir, 'catalog.sqlite');
    expectNoPlantedSecrets('catalog.sqlite, -wal and -shm', fileBytes(catalog, ['-wal', '-shm']));
    await core.close();
    expectNoPlantedSecrets('catalog.sqlite after close', fileBytes(catalog, ['-wal', '-shm']));
    expectNoPlantedSecrets('the log', fileBytes(path.join(testPaths(root).logDir, 'irec.log')));
    expect(backend.requests()).toBeGreaterThanOrEqual(2);
  });
});
