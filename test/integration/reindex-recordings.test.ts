import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { listSegments } from '../../src/core/services/catalog/queries/chunks';
import { listEvents } from '../../src/core/services/catalog/queries/events';
import { insertConsent, listConsents } from '../../src/core/services/catalog/queries/interviews';
import { getRecordingDetail, listRecordings } from '../../src/core/services/catalog/queries/recordings';
import { listUploadJobs } from '../../src/core/services/catalog/queries/uploads';
import { acknowledgeIncident } from '../../src/core/services/doctor/catalog-incident';
import { sidecarFile } from '../../src/core/services/recovery/recording-sidecar';
import type { DoctorReport } from '../../src/shared/domain/doctor';
import type { RecordingSummary } from '../../src/shared/domain/recording';
import type { UploadProgress } from '../../src/shared/domain/upload';
import { localS3, objectDigest, s3Settings } from '../support/local-s3';
import { framesInLastSecond, probeVideo } from '../support/media-analysis';
import { recordChunks, type RecordedChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { runIrecAsync } from '../support/run-irec';
import { tempDir } from '../support/temp-dir';
import { createTestCore, testEnv, testPaths } from '../support/test-core';

const db = (core: Core) => (core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog'));
const catalogFile = (root: string) => path.join(testPaths(root).userDataDir, 'catalog.sqlite');
const sets = (settings: string[]) => settings.flatMap((setting) => ['--set', setting]);

/** The finalized file plays: ffprobe finds its video, it lasts what was recorded, and its last second decodes. */
async function expectPlayable(file: string, expectedMs: number): Promise<void> {
  const video = await probeVideo(file);
  expect(Math.abs(video.durationSec * 1000 - expectedMs), `${file} lasts ${video.durationSec} s`).toBeLessThan(500);
  expect(await framesInLastSecond(file, video.durationSec)).toBeGreaterThan(0);
}

describe('re-index after catalog damage', () => {
  let webm: RecordedChunks;
  let vp8: RecordedChunks;
  let mp4: RecordedChunks;
  beforeAll(async () => {
    [webm, vp8, mp4] = await Promise.all([recordChunks('h264-webm', 4), recordChunks('vp8-webm', 3), recordChunks('h264-mp4', 3)]);
  }, 120_000);

  it(
    'rebuilds every recording of a catalog truncated to half, then finalizes and uploads them; doctor says so until acknowledged',
    { timeout: 180_000 },
    async () => {
      const root = tempDir();
      const first = createTestCore(root); // uploads off: nothing reached the bucket before the damage
      const stopped = await recordSession(first, [webm]);
      const retake = await recordSession(first, [vp8, vp8], { stop: false }); // a retake, then the app died
      const finalized = await recordSession(first, [mp4]);
      await first.finalize(finalized);
      const retakeSegments = listSegments(db(first), retake);
      const torn = retakeSegments[1]!.bytes - 1234; // the crash cut through the last block
      fs.truncateSync(retakeSegments[1]!.filePath, torn);
      const retakeDir = path.dirname(retakeSegments[0]!.filePath);
      fs.rmSync(sidecarFile(retakeDir)); // this one must be named from its id alone
      await first.close();
      const half = Math.floor(fs.statSync(catalogFile(root)).size / 2);
      fs.truncateSync(catalogFile(root), half);

      const s3 = await localS3();
      const core = createTestCore(root, {}, s3Settings(s3));
      const status = core.catalog.ok ? core.catalog.catalog.status : expect.unreachable('no catalog');
      expect(status.lost?.reason).toBe('corrupt');
      expect(fs.statSync(status.movedAsideTo!).size).toBe(half); // kept for support

      const listed = listRecordings(db(core), { limit: 10, offset: 0 });
      expect(listed.map((r) => r.id).sort()).toEqual([stopped, retake, finalized].sort());
      const titleOf = (id: string) => listed.find((r) => r.id === id)!.interviewTitle;
      expect(titleOf(stopped)).toBe('Finalize test interview'); // from the sidecar written at start
      expect(titleOf(retake)).toBe(`Recovered recording ${retake}`);
      expect(listSegments(db(core), retake).map((s) => [s.seq, s.mimeType])).toEqual([
        [0, 'video/webm;codecs=vp8,opus'],
        [1, 'video/webm;codecs=vp8,opus'],
      ]);

      const doctor = core.doctor();
      expect(doctor.ok).toBe(false);
      expect(doctor.catalog.incident).toMatchObject({ reason: 'corrupt', movedAsideTo: status.movedAsideTo, skipped: [] });
      expect(doctor.problems.join(' ')).toContain(`moved aside to ${status.movedAsideTo}. 3 recording(s) were re-indexed`);

      const reports = await core.recover();
      expect(reports.map((r) => [r.recordingId, r.outcome, r.message])).toEqual(
        expect.arrayContaining([stopped, retake, finalized].map((id) => [id, 'finalized', expect.any(String)])),
      );
      // The torn cluster keeps its whole blocks; the block the crash cut through is gone.
      const kept = fs.statSync(retakeSegments[1]!.filePath).size;
      expect(kept).toBeLessThan(torn);
      expect(kept).toBeGreaterThan(torn - 50_000);
      const expectedMs = { [stopped]: 4000, [retake]: 6000, [finalized]: 3000 };
      for (const [id, ms] of Object.entries(expectedMs)) {
        const detail = getRecordingDetail(db(core), id)!;
        expect(['finalized', 'uploaded'], `${id}: ${detail.error}`).toContain(detail.state); // the upload starts at once
        await expectPlayable(detail.outputs[0]!.filePath, ms);
      }

      await core.resumeUploads();
      for (const id of Object.keys(expectedMs)) {
        await expect.poll(() => getRecordingDetail(db(core), id)!.state, { timeout: 30_000 }).toBe('uploaded');
        const detail = getRecordingDetail(db(core), id)!;
        const final = listUploadJobs(db(core), { recordingId: id }).find((job) => job.kind === 'final')!;
        expect(await objectDigest(s3, final.objectKey)).toEqual({ sha256: detail.outputs[0]!.sha256, size: detail.outputs[0]!.size });
      }

      // The app's "Dismiss" is the acknowledgement; the marker lives in the new catalog, so it outlasts restarts until then.
      const dismissed = await createHandlerTable(core).acknowledgeCatalogNotice(undefined, {} as never);
      expect(dismissed.catalog.incident).toBeUndefined();
      expect(dismissed.problems.join(' ')).not.toContain('catalog');
      expect(acknowledgeIncident(core.catalog)).toBe(false);
    },
  );

  it(
    'treats a zero-length catalog as lost, through the built irec: list, recover, upload, doctor until --ack',
    { timeout: 180_000 },
    async () => {
      const root = tempDir();
      const first = createTestCore(root);
      const id = await recordSession(first, [vp8], { stop: false });
      await first.close();
      fs.truncateSync(catalogFile(root), 0);
      const env = testEnv(root);

      const doctor = await runIrecAsync(['doctor', '--json'], env);
      expect(doctor.status, doctor.stderr).toBe(1);
      const incident = doctor.json<DoctorReport>().catalog.incident!;
      expect(incident).toMatchObject({ reason: 'empty', reindexed: [id] });
      expect(fs.statSync(incident.movedAsideTo!).size).toBe(0); // kept for support
      expect((await runIrecAsync(['doctor'], env)).stdout).toMatch(/found empty \(0 bytes\).*1 recording\(s\) were re-indexed/);

      const list = await runIrecAsync(['recordings', 'list', '--json'], env);
      expect(list.json<RecordingSummary[]>()).toMatchObject([{ id, state: 'stopped', interviewTitle: 'Finalize test interview' }]);
      const recover = await runIrecAsync(['recover', '--json'], env);
      expect(recover.status, recover.stderr).toBe(0);
      expect(recover.stdout).toContain(id);

      const s3 = await localS3();
      const upload = await runIrecAsync(['upload', id, '--json', ...sets(s3Settings(s3))], env);
      expect(upload.status, upload.stderr).toBe(0);
      const progress = upload.json<UploadProgress>();
      expect(progress.state).toBe('uploaded');
      const detail = (await runIrecAsync(['recordings', 'show', id, '--json'], env)).json<{
        outputs: Array<{ filePath: string; sha256: string }>;
      }>();
      await expectPlayable(detail.outputs[0]!.filePath, 3000);
      expect((await objectDigest(s3, progress.key!)).sha256).toBe(detail.outputs[0]!.sha256);

      expect((await runIrecAsync(['doctor'], env)).status).toBe(1); // still not seen
      const ack = await runIrecAsync(['doctor', '--ack'], env);
      expect(ack.stdout).toContain('Catalog notice acknowledged.');
      expect(ack.status, ack.stdout).toBe(0);
      expect((await runIrecAsync(['doctor'], env)).status).toBe(0);
    },
  );

  it(
    'restores the interview, consent and question markers from the upload manifest when the catalog is missing',
    { timeout: 120_000 },
    async () => {
      const s3 = await localS3();
      const root = tempDir();
      const first = createTestCore(root, {}, s3Settings(s3));
      const markers = [
        { kind: 'question.start', index: 0, mediaMs: 0 },
        { kind: 'question.end', index: 0, mediaMs: 1500 },
        { kind: 'question.start', index: 1, mediaMs: 1500 },
      ] as const;
      const id = await recordSession(first, [webm], { markers });
      const interviewId = getRecordingDetail(db(first), id)!.interviewId;
      insertConsent(db(first), {
        interviewId,
        scriptId: 'script-1',
        consentedAt: new Date().toISOString(),
        statement: 'I agree to be recorded.',
      });
      await first.finalize(id);
      await first.uploads!.uploadRecording(id);
      const dir = path.dirname(listSegments(db(first), id)[0]!.filePath);
      await first.close();
      fs.rmSync(sidecarFile(dir)); // only the manifest is left to say who and what
      for (const suffix of ['', '-wal', '-shm']) fs.rmSync(catalogFile(root) + suffix, { force: true });

      const core = createTestCore(root);
      expect(core.doctor().catalog.incident).toMatchObject({ reason: 'missing', movedAsideTo: null, reindexed: [id] });
      expect(getRecordingDetail(db(core), id)).toMatchObject({
        interviewId,
        interviewTitle: 'Finalize test interview',
        candidateName: 'Grace Hopper',
      });
      expect(listConsents(db(core), interviewId)).toMatchObject([{ scriptId: 'script-1', statement: 'I agree to be recorded.' }]);
      expect(listEvents(db(core), id).map((e) => e.kind)).toEqual(['question.start', 'question.end', 'question.start']);
      await core.recover();
      const show = await runIrecAsync(['recordings', 'show', id, '--json'], testEnv(root));
      expect(show.json<{ state: string; chapters: unknown[] }>()).toMatchObject({ state: 'finalized', chapters: [{}, {}] });
    },
  );

  it('leaves a fresh installation alone: no recordings, no incident, even with a zero-length catalog', () => {
    const root = tempDir();
    fs.mkdirSync(testPaths(root).userDataDir, { recursive: true });
    fs.writeFileSync(catalogFile(root), '');
    const core = createTestCore(root);
    expect(core.catalog.ok && core.catalog.catalog.status.lost).toBeFalsy();
    expect(core.doctor().catalog.incident).toBeUndefined();
  });
});
