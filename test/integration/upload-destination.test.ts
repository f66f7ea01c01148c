import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { s3TargetFor, uploadDestinations } from '../../src/core/services/upload/upload-destinations';
import { configSchema } from '../../src/shared/config/schema';
import { seedLinkedInterview } from '../support/cloud-interview';
import { createTestCore } from '../support/test-core';

/** Both destinations configured (nothing is sent: the outbox is not started); `upload.destination` chooses. */
function coreWith(destination: string): Core {
  return createTestCore(undefined, {}, [
    'backends.mediaApi.baseUrl=http://127.0.0.1:9',
    'backends.mediaApi.site=localhost',
    's3.bucket=interviews',
    `upload.destination=${destination}`,
  ]);
}

/** Starts a recording and says where it is going: S3 (the upload service is on) and the Media API (a session was opened). */
async function destinationsOfARecording(core: Core) {
  const interviewId = seedLinkedInterview(core, {});
  const { recordingId } = await core.recording!.start({ interviewId, mimeType: 'video/webm;codecs=vp8,opus' });
  const media = core.cloud!.sessions({ recordingId }).filter((session) => session.backend === 'media');
  return { s3: core.uploads!.configured, mediaApi: media.length === 1 };
}

describe('upload.destination', () => {
  it('allows both destinations for auto (the rule before the setting), one for s3 or mediaApi', () => {
    expect(uploadDestinations('auto')).toEqual({ s3: true, mediaApi: true });
    expect(uploadDestinations('s3')).toEqual({ s3: true, mediaApi: false });
    expect(uploadDestinations('mediaApi')).toEqual({ s3: false, mediaApi: true });
  });

  it('turns S3 off, saying why, only when the Media API is the destination', () => {
    const settings = (destination: string) => configSchema.parse({ s3: { bucket: 'interviews' }, upload: { destination } });
    expect(s3TargetFor(settings('auto')).ok).toBe(true);
    expect(s3TargetFor(settings('s3')).ok).toBe(true);
    expect(s3TargetFor(settings('mediaApi'))).toEqual({ ok: false, reason: expect.stringContaining('upload.destination is mediaApi') });
  });

  it.each([
    ['auto', { s3: true, mediaApi: true }],
    ['s3', { s3: true, mediaApi: false }],
    ['mediaApi', { s3: false, mediaApi: true }],
  ])('with %s, a recording goes to %o', async (destination, expected) => {
    expect(await destinationsOfARecording(coreWith(destination))).toEqual(expected);
  });
});
