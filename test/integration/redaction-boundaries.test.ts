// Each exit on its own, with a secret no pattern recognises (only its value is known): if one boundary stopped
// redacting, the entry points (backend clients, S3 classification) would not hide it here.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher, type HandlerTable } from '../../src/core/ipc/dispatcher';
import { AppError } from '../../src/core/errors/app-error';
import { insertCloudSession, updateCloudSession } from '../../src/core/services/catalog/queries/cloud-sessions';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { enqueueOutbox, listOutbox, rescheduleOutbox, settleOutbox } from '../../src/core/services/catalog/queries/outbox';
import {
  failPartAttempt,
  getUploadJob,
  insertPart,
  insertUploadJob,
  updateUploadJob,
} from '../../src/core/services/catalog/queries/uploads';
import { REDACTED } from '../../src/shared/redact';
import { catalogOf } from '../support/cloud-interview';
import { expectNoPlantedSecrets, fileBytes, PLANTED } from '../support/planted-secrets';
import { createTestCore, testPaths } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const PAGE = { origin: 'http://127.0.0.1:1', isMainFrame: true };
const echoed = `the server said: ${PLANTED.livekitToken} and ${PLANTED.secretAccessKey}`;

function plantedCore(root = tempDir()) {
  return createTestCore(root, {}, [
    `backends.livekit.token=${PLANTED.livekitToken}`,
    `s3.credentials.accessKeyId=${PLANTED.accessKeyId}`,
    `s3.credentials.secretAccessKey=${PLANTED.secretAccessKey}`,
  ]);
}

describe('every exit redacts with the secrets the core knows', () => {
  it('the catalog: error, last_error and status_text columns of sessions, outbox and uploads', () => {
    const root = tempDir();
    const core = plantedCore(root);
    const db = catalogOf(core);
    const at = new Date().toISOString();
    insertInterview(db, { id: 'int-1', title: 'T', createdAt: at });
    insertCloudSession(db, {
      id: 's-1',
      interviewId: 'int-1',
      recordingId: null,
      backend: 'livekit',
      state: 'active',
      target: 'r',
      createdAt: at,
    });
    updateCloudSession(db, 's-1', { error: echoed, statusText: echoed }, at);
    enqueueOutbox(db, { sessionId: 's-1', kind: 'livekit.stop', at });
    const [item] = listOutbox(db);
    rescheduleOutbox(db, item!.id, { at, error: echoed, counts: true });
    settleOutbox(db, item!.id, 'held', echoed);
    insertUploadJob(db, {
      id: 'job-1',
      kind: 'file',
      sourcePath: '/x',
      bucket: 'b',
      objectKey: 'k',
      contentType: 'video/webm',
      partSize: 5 * 1024 * 1024,
      createdAt: at,
    });
    insertPart(db, 'job-1', { partNumber: 1, offset: 0, size: 5 });
    updateUploadJob(db, 'job-1', { lastError: echoed }, at);
    failPartAttempt(db, 'job-1', 1, echoed, at);

    expect(getUploadJob(db, 'job-1')!.lastError).toBe(`the server said: ${REDACTED} and ${REDACTED}`);
    expect(listOutbox(db)[0]!.lastError).toBe(`the server said: ${REDACTED} and ${REDACTED}`);
    expect(core.cloud.sessions({ interviewId: 'int-1' })[0]).toMatchObject({
      error: expect.stringContaining('the server said'),
      statusText: expect.any(String),
    });
    expectNoPlantedSecrets(
      'catalog.sqlite, -wal and -shm',
      fileBytes(path.join(testPaths(root).userDataDir, 'catalog.sqlite'), ['-wal', '-shm']),
    );
  });

  it('the event bus: a payload is redacted before any listener (the host stream, Electron) sees it', () => {
    const core = plantedCore();
    const seen: string[] = [];
    core.events.subscribe((event, payload) => seen.push(JSON.stringify({ event, payload })));
    core.events.emit('finalizeProgress', { recordingId: 'rec-1', stage: 'failed', fraction: 0, message: echoed });
    expect(seen.join('')).toContain(`the server said: ${REDACTED}`);
    expectNoPlantedSecrets('the event stream', seen.join(''));
  });

  it('the dispatcher: answers and error envelopes sent to the renderer', async () => {
    const core = plantedCore();
    const handlers = {
      getCloudSessions: () => {
        throw new AppError('BACKEND_ERROR', echoed);
      },
    } as unknown as HandlerTable;
    const dispatch = createDispatcher({ handlers, trustedOrigins: [PAGE.origin], redact: core.redact });
    const answer = await dispatch('getCloudSessions', { interviewId: 'int-1' }, PAGE);
    expect(answer).toMatchObject({ ok: false, error: { code: 'BACKEND_ERROR', message: `the server said: ${REDACTED} and ${REDACTED}` } });
  });
});
