// A live interview's cloud recording waits for the candidate to be in the call, through the real handler table
// and the development backend; a recording of a script without a call registers at start, as before. And the
// development call server's tokens through the core's call-tokens service, as `live.provider: "dev"` gets them.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore } from '../../src/core/create-core';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { createCallTokens } from '../../src/core/services/call/call-tokens';
import { configSchema } from '../../src/shared/config/schema';
import { seedLinkedInterview, sessionOf } from '../support/cloud-interview';
import { devBackend, received } from '../support/dev-backend';
import { tempDir } from '../support/temp-dir';
import { createTestCore, testPaths } from '../support/test-core';

const APP = { origin: 'app://interview-recorder', isMainFrame: true };

/** A real core (as createTestCore) running `script` as its interview, closed when the test ends. */
function coreWithScript(root: string, env: Record<string, string>, script: string) {
  const core = createCore({
    runtime: 'node',
    version: '0.0.0-test',
    paths: testPaths(root),
    env: { PATH: process.env.PATH, ...env },
    scriptFile: script,
  });
  onTestFinished(() => core.close());
  return core;
}

describe('cloud recordings of a live interview', () => {
  it('are registered on callJoined, not at the start; once however often it is said', { timeout: 60_000 }, async () => {
    const test = await devBackend();
    const root = tempDir();
    const script = path.join(root, 'interview.json');
    fs.writeFileSync(
      script,
      JSON.stringify({
        id: 'gate',
        title: 'Gate',
        candidateName: 'Ann',
        agoraChannel: 'gate-1',
        live: { provider: 'dev' },
        questions: [{ text: 'Why?' }],
      }),
    );
    const core = coreWithScript(root, { IREC_AGORA_URL: test.backend.agoraUrl }, script);
    const handlers = createHandlerTable(core);
    const interviewId = seedLinkedInterview(core, { agoraChannel: 'gate-1' });
    const { recordingId } = await handlers.startRecording({ interviewId, mimeType: 'video/webm;codecs=vp8,opus' }, APP);

    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(received(test.backend, 'POST', '/api/agora/recording/start')).toEqual([]);
    expect(sessionOf(core, interviewId, 'agora')).toBeUndefined();

    await handlers.callJoined({ recordingId }, APP);
    await handlers.callJoined({ recordingId }, APP);
    await expect.poll(() => sessionOf(core, interviewId, 'agora')?.state, { timeout: 10_000 }).toBe('active');
    expect(received(test.backend, 'POST', '/api/agora/recording/start')).toHaveLength(1);
    expect(received(test.backend, 'POST', '/api/agora/recording/start')[0]!.body).toMatchObject({ channel_name: 'gate-1' });
    await handlers.stopRecording({ recordingId, durationMs: 1000, reason: 'finished' }, APP);
  });

  it('of a script without a call are registered at the start, as before', { timeout: 60_000 }, async () => {
    const test = await devBackend();
    const core = createTestCore(tempDir(), { IREC_AGORA_URL: test.backend.agoraUrl });
    const handlers = createHandlerTable(core);
    const interviewId = seedLinkedInterview(core, { agoraChannel: 'gate-2' });
    const { recordingId } = await handlers.startRecording({ interviewId, mimeType: 'video/webm;codecs=vp8,opus' }, APP);
    await expect.poll(() => sessionOf(core, interviewId, 'agora')?.state, { timeout: 10_000 }).toBe('active');
    await handlers.stopRecording({ recordingId, durationMs: 1000, reason: 'finished' }, APP);
  });
});

describe('development call server tokens through the core', () => {
  it('come from backends.dev.callTokenUrl with the signalling URL, as the dev backend’s env sets them', async () => {
    const { backend } = await devBackend();
    const settings = configSchema.parse({
      backends: { dev: { callUrl: backend.env.IREC_DEV_CALL_URL, callTokenUrl: backend.env.IREC_DEV_CALL_TOKEN_URL } },
    });
    const join = await createCallTokens(settings).get({ provider: 'dev', channel: 'room-1', participantId: 'candidate-1' });
    expect(join).toMatchObject({ serverUrl: backend.callUrl, joinTimeoutSeconds: 15 });
    expect(join.ticket).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(join.expiresAt).toBeGreaterThan(Date.now());
    expect(received(backend, 'POST', '/call/token')[0]!.body).toEqual({
      channel: 'room-1',
      participantId: 'candidate-1',
      role: 'publisher',
    });
  });

  it('say which settings are missing when the development call server is not configured', async () => {
    const tokens = createCallTokens(configSchema.parse({}));
    await expect(tokens.get({ provider: 'dev', channel: 'room-1', participantId: 'c' })).rejects.toMatchObject({
      code: 'NOT_CONFIGURED',
      message: expect.stringContaining('set backends.dev.callUrl and backends.dev.callTokenUrl'),
    });
  });
});
