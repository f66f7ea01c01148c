import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createMediaClient, videoOutcome } from '../../src/core/services/backends/media-api/media-client';
import { uploadToMediaApi } from '../../src/core/services/backends/media-api/media-upload';
import { failure, keyOfUrl } from '../support/backend-failure';
import { devBackend, received } from '../support/dev-backend';
import { objectBytes } from '../support/local-s3';
import { recordChunks } from '../support/recorded-chunks';
import { tempDir } from '../support/temp-dir';

describe('Media Recording API client (contract, against the development backend)', () => {
  it('inits, uploads multipart chunks idempotently, reports chunk status, finalizes, and the video is the chunks in order', async () => {
    const { backend, s3 } = await devBackend();
    const media = createMediaClient(backend.mediaApiUrl);
    // The Media API's fields are camelCase, exactly as the request object names them: what we send is what arrives.
    const request = {
      sessionId: 'irec-contract',
      expectedChunks: 3,
      expectedDuration: 3,
      site: 'localhost',
      metadata: { title: 'Contract' },
      videoSettings: { format: 'webm' },
    };
    const init = await media.init(request);
    expect(received(backend, 'POST', '/api/media/recording/init')[0]!.body).toStrictEqual(request);
    expect(init).toMatchObject({ success: true, sessionId: 'irec-contract', status: 'initialized' });
    expect(init.endpoints).toMatchObject({
      uploadChunk: '/api/media/recording/chunk',
      checkStatus: '/api/media/session/irec-contract/chunks/status',
    });
    // Init is idempotent by sessionId: asking again returns the same session.
    expect((await media.init({ sessionId: 'irec-contract', site: 'localhost' })).sessionId).toBe('irec-contract');

    const chunks = [randomBytes(1000), randomBytes(2000), randomBytes(500)];
    await media.uploadChunk({ sessionId: 'irec-contract', chunkIndex: 0, bytes: chunks[0]!, totalChunks: 3, timestamp: 1 });
    const upload = received(backend, 'POST', '/api/media/recording/chunk')[0]!;
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data; boundary=/);
    expect(upload.body).toMatchObject({
      sessionId: 'irec-contract',
      chunkIndex: '0',
      totalChunks: '3',
      timestamp: '1',
      chunk: { size: 1000 },
    });
    const again = await media.uploadChunk({ sessionId: 'irec-contract', chunkIndex: 0, bytes: chunks[0]! });
    expect(again).toMatchObject({ chunkIndex: 0, duplicate: true, totalReceived: 1 });
    await media.uploadChunk({ sessionId: 'irec-contract', chunkIndex: 2, bytes: chunks[2]! });

    const status = await media.chunkStatus('irec-contract');
    expect(status).toMatchObject({ receivedChunks: [0, 2], missingChunks: [1], totalReceived: 2 });
    const missing = await failure(media.finalize({ sessionId: 'irec-contract', totalChunks: 3 }));
    expect(missing).toMatchObject({ kind: 'invalid', status: 400, message: expect.stringMatching(/Missing chunks: 1/) });

    await media.uploadChunk({ sessionId: 'irec-contract', chunkIndex: 1, bytes: chunks[1]! });
    const finalized = await media.finalize({ sessionId: 'irec-contract', totalChunks: 3, totalSize: 3500, maxWaitSeconds: 30 });
    expect(received(backend, 'POST', '/api/media/recording/finalize').at(-1)!.body).toStrictEqual({
      sessionId: 'irec-contract',
      totalChunks: 3,
      totalSize: 3500,
      maxWaitSeconds: 30,
    });
    expect(finalized.video).toMatchObject({ chunksProcessed: 3, uploaded: true, s3Url: expect.stringMatching(/_final\.webm$/) });
    expect(Buffer.from(await objectBytes(s3, keyOfUrl(finalized.video.s3Url!, s3.bucket)))).toEqual(Buffer.concat(chunks));
    // A finalize whose answer was lost is repeated: the same success.
    expect((await media.finalize({ sessionId: 'irec-contract', totalChunks: 3 })).video.s3Url).toBe(finalized.video.s3Url);
    expect(videoOutcome(await media.video('irec-contract'))).toEqual({ state: 'completed', url: finalized.video.s3Url });

    expect(await failure(media.uploadChunk({ sessionId: 'irec-contract', chunkIndex: 3, bytes: chunks[0]! }))).toMatchObject({
      status: 409,
    });
  });

  it('finalizes asynchronously and reports processing, then the URL', async () => {
    const { backend } = await devBackend({ mediaProcessingMs: 400 });
    const media = createMediaClient(backend.mediaApiUrl);
    const { sessionId } = await media.init({ site: 'localhost' });
    await media.uploadChunk({ sessionId, chunkIndex: 0, bytes: randomBytes(100) });
    expect(await media.finalizeAsync({ sessionId, totalChunks: 1 })).toMatchObject({ success: true, status: 'processing' });
    expect(videoOutcome(await media.video(sessionId))).toEqual({ state: 'processing' });
    await expect.poll(async () => videoOutcome(await media.video(sessionId)).state, { timeout: 5000 }).toBe('completed');
  });

  it('reports unknown sites and sessions, merge errors and missing fields in words', async () => {
    const { backend } = await devBackend();
    const media = createMediaClient(backend.mediaApiUrl);
    expect(await failure(media.init({ site: 'unknown.example' }))).toMatchObject({
      kind: 'not-found',
      message: expect.stringMatching(/Site not found: unknown\.example/),
    });
    expect(await failure(media.chunkStatus('no-such-session'))).toMatchObject({ kind: 'not-found' });
    const { sessionId } = await media.init({ site: 'localhost' });
    await media.uploadChunk({ sessionId, chunkIndex: 0, bytes: randomBytes(10) });
    backend.setFault({ backend: 'media', endpoint: 'finalize', mode: 'mergeError', times: 1 });
    expect(await failure(media.finalize({ sessionId, totalChunks: 1 }))).toMatchObject({
      kind: 'server',
      message: expect.stringMatching(/Failed to merge chunks/),
    });
    expect(videoOutcome(await media.video(sessionId))).toEqual({ state: 'failed', reason: 'the backend could not merge the chunks' });
  });

  it('uploads a whole file in chunks and resumes from the server’s chunk status after an interruption', async () => {
    const { backend, s3 } = await devBackend();
    const media = createMediaClient(backend.mediaApiUrl);
    // A real recording (the backend probes the merged video; random bytes would keep ffprobe busy for seconds).
    const file = path.join(tempDir(), 'answer.webm');
    fs.writeFileSync(file, Buffer.concat((await recordChunks('vp8-webm', 3)).chunks));
    const size = fs.statSync(file).size;
    const chunkBytes = Math.ceil(size / 6);
    const input = (sessionId: string, initialized: boolean) => ({
      client: media,
      sessionId,
      initialized,
      file: { path: file, size, durationMs: 3000, format: 'webm', contentType: 'video/webm' },
      chunkBytes,
      site: 'localhost',
      finalize: 'sync' as const,
      onInitialized: () => undefined,
      onProgress: () => undefined,
    });
    // The first run is interrupted (the app quits) once three chunks are acknowledged.
    const quit = new AbortController();
    const first = {
      ...input('irec-resume', false),
      signal: quit.signal,
      onProgress: (sent: number) => sent >= 3 * chunkBytes && quit.abort(),
    };
    await expect(uploadToMediaApi(first)).rejects.toThrow(/abort/i);
    expect(received(backend, 'POST', '/api/media/recording/chunk').map((r) => r.status)).toEqual([200, 200, 200]);

    backend.clearRequests();
    const progress: number[] = [];
    const url = await uploadToMediaApi({ ...input('irec-resume', true), onProgress: (sent) => progress.push(sent) });
    // Only what the server did not have: chunk status said 0–2 arrived.
    expect(received(backend, 'GET', '/api/media/session/irec-resume/chunks/status')).toHaveLength(1);
    expect(received(backend, 'POST', '/api/media/recording/chunk').map((r) => (r.body as { chunkIndex: string }).chunkIndex)).toEqual([
      '3',
      '4',
      '5',
    ]);
    expect(progress.at(-1)).toBe(size);
    expect(Buffer.from(await objectBytes(s3, keyOfUrl(url, s3.bucket)))).toEqual(fs.readFileSync(file));
    expect(received(backend, 'POST', '/api/media/recording/init')).toHaveLength(0);
  });
});
