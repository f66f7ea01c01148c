import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core/create-core';
import { requireBackend } from '../../core/services/backends/backend-clients';
import { videoOutcome, type MediaClient } from '../../core/services/backends/media-api/media-client';
import { uploadToMediaApi } from '../../core/services/backends/media-api/media-upload';
import { sha256OfFile } from '../../core/platform/sha256';
import type { Output } from '../output';
import { createProgressBar } from '../progress-bar';
import { integerOption, optionalOption, requireOption, unknownSub, type OptionValues } from './backend-options';

/** What every `irec media` subcommand works with. */
interface MediaCall {
  core: Core;
  out: Output;
  values: OptionValues;
  command: string;
  media: MediaClient;
}

const settingsOf = (call: MediaCall) => call.core.config.config.backends.mediaApi;
const site = (call: MediaCall): string =>
  optionalOption(call.values, 'site') ?? settingsOf(call).site ?? requireOption(call.values, 'site', call.command);
const sessionOption = (call: MediaCall) => requireOption(call.values, 'session', call.command);

async function init(call: MediaCall): Promise<number> {
  const storage = optionalOption(call.values, 'storage') ?? settingsOf(call).storage;
  const initialized = await call.media.init({
    site: site(call),
    sessionId: optionalOption(call.values, 'session'),
    expectedChunks: integerOption(call.values, 'expected-chunks', call.command),
    ...(storage ? { storage } : {}),
  });
  call.out.result(initialized, () => `✓ Session ${initialized.sessionId} ${initialized.status}`);
  return 0;
}

async function chunk(call: MediaCall): Promise<number> {
  const file = requireOption(call.values, 'file', call.command);
  const stored = await call.media.uploadChunk({
    sessionId: sessionOption(call),
    chunkIndex: integerOption(call.values, 'index', call.command, true),
    bytes: new Uint8Array(fs.readFileSync(file)),
    totalChunks: integerOption(call.values, 'total-chunks', call.command),
    timestamp: Date.now(),
    filename: path.basename(file),
  });
  call.out.result(
    stored,
    () =>
      `✓ Chunk ${stored.chunkIndex} stored${stored.duplicate ? ' (replaced an earlier copy)' : ''}; ${stored.totalReceived ?? '?'} received`,
  );
  return 0;
}

async function finalize(call: MediaCall): Promise<number> {
  const request = {
    sessionId: sessionOption(call),
    totalChunks: integerOption(call.values, 'total-chunks', call.command, true),
    totalSize: integerOption(call.values, 'total-size', call.command),
  };
  if (call.values.async) {
    const started = await call.media.finalizeAsync(request);
    call.out.result(started, () => `✓ Finalizing (${started.status}); follow it with: irec media video --session ${started.sessionId}`);
    return 0;
  }
  const finalized = await call.media.finalize(request);
  call.out.result(finalized, () =>
    [
      `✓ ${finalized.message ?? 'Finalized'}`,
      `video: ${finalized.video.s3Url ?? '(no URL)'}`,
      ...(finalized.warnings ?? []).map((w) => `warning: ${w}`),
    ].join('\n'),
  );
  return 0;
}

async function status(call: MediaCall): Promise<number> {
  const reply = await call.media.chunkStatus(sessionOption(call));
  const missing = reply.missingChunks?.length ? `, missing ${reply.missingChunks.join(', ')}` : '';
  call.out.result(reply, () => `${reply.status}: ${reply.receivedChunks.length} chunk(s) received${missing}`);
  return 0;
}

async function video(call: MediaCall): Promise<number> {
  const reply = await call.media.video(sessionOption(call));
  const outcome = videoOutcome(reply);
  call.out.result(reply, () =>
    outcome.state === 'completed' ? `✓ ${outcome.url}` : outcome.state === 'failed' ? `✗ ${outcome.reason}` : 'processing…',
  );
  return outcome.state === 'failed' ? 1 : 0;
}

/** A whole file, chunked, resumable and finalized. */
async function upload(call: MediaCall): Promise<number> {
  const file = requireOption(call.values, 'file', call.command);
  const size = fs.statSync(file).size;
  const format = path.extname(file).slice(1) || 'webm';
  const settings = settingsOf(call);
  const bar = createProgressBar(!call.out.json);
  // Named by content, so that running the same command again resumes, and another file never does.
  const sessionId = optionalOption(call.values, 'session') ?? `irec-file-${(await sha256OfFile(file)).slice(0, 32)}`;
  try {
    const url = await uploadToMediaApi({
      client: call.media,
      sessionId,
      // Asking the server first makes a re-run resume instead of starting over (init is idempotent by sessionId).
      initialized: true,
      file: { path: file, size, durationMs: null, format, contentType: format === 'mp4' ? 'video/mp4' : 'video/webm' },
      chunkBytes: settings.chunkMb * 1024 * 1024,
      site: site(call),
      storage: optionalOption(call.values, 'storage') ?? settings.storage,
      finalize: call.values.async ? 'async' : settings.finalize,
      onInitialized: () => undefined,
      onProgress: (sent, total) => bar.bytes(path.basename(file), sent, total, 'uploading'),
    });
    call.out.result({ sessionId, url, size }, () => `✓ Uploaded ${file} to the Media Recording API: ${url}`);
  } finally {
    bar.done();
  }
  return 0;
}

const SUBCOMMANDS = { init, chunk, finalize, status, video, upload } as const;
type MediaSub = keyof typeof SUBCOMMANDS;

/** `irec media init|chunk|finalize|status|video|upload`: the Media Recording API, call by call or a whole file. */
export async function mediaCommand(core: Core, out: Output, sub: string | undefined, values: OptionValues): Promise<number> {
  if (!sub || !Object.hasOwn(SUBCOMMANDS, sub)) unknownSub('media', sub, Object.keys(SUBCOMMANDS));
  const media = requireBackend(core.backends, 'media');
  return SUBCOMMANDS[sub as MediaSub]({ core, out, values, command: `media ${sub}`, media });
}
