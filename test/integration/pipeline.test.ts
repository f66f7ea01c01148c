import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type Core } from '../../src/core/create-core';
import { isAppError } from '../../src/core/errors/app-error';
import { createDispatcher, type Dispatch } from '../../src/core/ipc/dispatcher';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { openCatalog } from '../../src/core/services/catalog/open-catalog';
import { LATEST_SCHEMA_VERSION } from '../../src/core/services/catalog/migrations';
import { probeVideo } from '../support/media-analysis';
import { recordChunks, type RecordedChunks } from '../support/recorded-chunks';
import type { SegmentFiles } from '../../src/core/services/recording/segment-files';
import { failingSegmentFiles } from '../support/failing-segment-files';
import { tempDir } from '../support/temp-dir';
import { testPaths } from '../support/test-paths';

const APP = 'app://pipeline-test';
const sender = { origin: APP, isMainFrame: true };

function coreWith(root: string, segmentFiles?: SegmentFiles): Core {
  const core = createCore({
    runtime: 'node',
    version: '0.0.0-test',
    paths: testPaths(root),
    env: { PATH: process.env.PATH },
    segmentFiles,
  });
  onTestFinished(() => core.close());
  return core;
}

/** The renderer's way in: the dispatcher over the core's handler table, answers unwrapped. */
function rendererOf(core: Core) {
  const dispatch: Dispatch = createDispatcher({ handlers: createHandlerTable(core), trustedOrigins: [APP] });
  return async <T>(channel: string, payload?: unknown): Promise<T> => {
    const result = await dispatch(channel, payload, sender);
    if (!result.ok) throw Object.assign(new Error(result.error.message), result.error);
    return result.value as T;
  };
}

async function consentAndStart(call: ReturnType<typeof rendererOf>, core: Core, mimeType: string): Promise<string> {
  const script = core.interview.ok ? core.interview.script : expect.unreachable('no interview script');
  const { interviewId } = await call<{ interviewId: string }>('giveConsent', { scriptId: script.id, agreed: true });
  const { recordingId } = await call<{ recordingId: string }>('startRecording', { interviewId, mimeType });
  return recordingId;
}

/** The recording reached `finalized` with a file that ffprobe reads with the recorded length. */
async function expectFinalized(core: Core, recordingId: string, seconds: number, stopReason: string) {
  const detail = core.library.detail(recordingId);
  expect(detail).toMatchObject({ state: 'finalized', stopReason });
  const output = detail.outputs[0]!;
  expect(fs.existsSync(output.filePath)).toBe(true);
  expect(Math.abs((await probeVideo(output.filePath)).durationSec - seconds)).toBeLessThan(0.5);
}

describe('pipeline: a stop for any reason is finalized at once, in the same run', () => {
  let media: RecordedChunks;
  beforeAll(async () => {
    media = await recordChunks('h264-webm', 6);
  }, 60_000);

  it('a recording the full disk stopped (the recording service stops it itself) is finalized without recover() or a restart', async () => {
    const core = coreWith(tempDir(), failingSegmentFiles({ from: 5, code: 'ENOSPC', persistent: true }));
    const call = rendererOf(core);
    const recordingId = await consentAndStart(call, core, media.mimeType);
    const failures: unknown[] = [];
    for (const [index, bytes] of media.chunks.entries()) {
      await call('appendChunk', { recordingId, segment: 0, index, bytes, mediaEndMs: (index + 1) * 1000 }).catch((e: unknown) =>
        failures.push(e),
      );
    }
    expect(failures[0]).toMatchObject({ code: 'DISK_FULL' });

    await core.pipeline.idle();
    await expectFinalized(core, recordingId, 4, 'disk-full');
    expect(core.recoveries()).toEqual([]); // no recovery ran: the pipeline finalized it
  });

  it('a recording stopped because the camera was lost is finalized at once', async () => {
    const core = coreWith(tempDir());
    const call = rendererOf(core);
    const recordingId = await consentAndStart(call, core, media.mimeType);
    for (const [index, bytes] of media.chunks.slice(0, 5).entries()) {
      await call('appendChunk', { recordingId, segment: 0, index, bytes, mediaEndMs: (index + 1) * 1000 });
    }
    await call('stopRecording', { recordingId, durationMs: 5000, reason: 'device-lost' });

    await core.pipeline.idle();
    await expectFinalized(core, recordingId, 5, 'device-lost');
  });
});

describe('a degraded core (catalog unusable)', () => {
  function degradedCore(): Core {
    const root = tempDir();
    const { db } = openCatalog(path.join(testPaths(root).userDataDir, 'catalog.sqlite'));
    db.pragma(`user_version = ${LATEST_SCHEMA_VERSION + 1}`); // a catalog from a newer app: never opened, never touched
    db.close();
    return coreWith(root);
  }

  /** The error a call (sync or async) ends with. */
  const failureOf = (call: () => unknown) =>
    Promise.resolve()
      .then(call)
      .then(
        () => expect.unreachable('the call succeeded'),
        (error: unknown) => error,
      );

  it('still has every service; each answers UNAVAILABLE with the catalog’s reason', async () => {
    const core = degradedCore();
    expect(core.status).toEqual({ state: 'degraded', reason: expect.stringContaining('newer Interview Recorder') });
    const calls = [
      () => core.recording.start({ interviewId: 'int-1', mimeType: 'video/webm' }),
      () => core.uploads.uploadRecording('rec-1'),
      () => core.uploads.configured,
      () => core.cloud.sessions({}),
      () => core.run.id,
      () => core.library.list({ limit: 10, offset: 0 }),
      () => core.finalize('rec-1'),
      () => core.recover(),
    ];
    for (const call of calls) {
      const error = await failureOf(call);
      expect(isAppError(error, 'UNAVAILABLE'), String(error)).toBe(true);
      expect((error as Error).message).toContain('newer Interview Recorder');
    }
  });

  it('answers UNAVAILABLE over IPC, and its doctor report still says what is wrong', async () => {
    const core = degradedCore();
    const call = rendererOf(core);
    await expect(call('startRecording', { interviewId: 'int-1', mimeType: 'video/webm' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(call('startUpload', { recordingId: 'rec-1' })).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await expect(call('listRecordings', { limit: 10, offset: 0 })).rejects.toMatchObject({ code: 'UNAVAILABLE' });

    const report = core.doctor();
    expect(report.ok).toBe(false);
    expect(report.catalog).toMatchObject({ ok: false, integrity: expect.stringContaining('newer Interview Recorder') });
    expect(report.uploads).toMatchObject({ configured: false, open: 0, failed: 0 });
    await expect(call('runDoctor')).resolves.toMatchObject({ ok: false });
  });
});
