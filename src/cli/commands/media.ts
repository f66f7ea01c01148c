import fs from 'node:fs';
import path from 'node:path';
import type { Core } from '../../core/create-core';
import { requireBackend } from '../../core/services/backends/backend-clients';
import { videoOutcome } from '../../core/services/backends/media-api/media-client';
import { uploadToMediaApi } from '../../core/services/backends/media-api/media-upload';
import { sha256OfFile } from '../../core/platform/sha256';
import type { Output } from '../output';
import { createProgressBar } from '../progress-bar';
import { integerOption, optionalOption, requireOption, unknownSub, type OptionValues } from './backend-options';

const SUBS = ['init', 'chunk', 'finalize', 'status', 'video', 'upload'] as const;

const site = (core: Core, values: OptionValues, command: string): string =>
  optionalOption(values, 'site') ?? core.config.config.backends.mediaApi.site ?? requireOption(values, 'site', command);

/** `irec media init|chunk|finalize|status|video|upload`: the Media Recording API, call by call or a whole file. */
export async function mediaCommand(core: Core, out: Output, sub: string | undefined, values: OptionValues): Promise<number> {
  const command = `media ${sub ?? ''}`.trim();
  if (!SUBS.includes(sub as (typeof SUBS)[number])) unknownSub('media', sub, SUBS);
  const media = requireBackend(core.backends, 'media');
  const settings = core.config.config.backends.mediaApi;
  const session = () => requireOption(values, 'session', command);

  switch (sub) {
    case 'init': {
      const storage = optionalOption(values, 'storage') ?? settings.storage;
      const initialized = await media.init({
        site: site(core, values, command),
        sessionId: optionalOption(values, 'session'),
        expectedChunks: integerOption(values, 'expected-chunks', command),
        ...(storage ? { storage } : {}),
      });
      out.result(initialized, () => `✓ Session ${initialized.sessionId} ${initialized.status}`);
      return 0;
    }
    case 'chunk': {
      const file = requireOption(values, 'file', command);
      const chunkIndex = integerOption(values, 'index', command, true);
      const stored = await media.uploadChunk({
        sessionId: session(),
        chunkIndex,
        bytes: new Uint8Array(fs.readFileSync(file)),
        totalChunks: integerOption(values, 'total-chunks', command),
        timestamp: Date.now(),
        filename: path.basename(file),
      });
      out.result(
        stored,
        () =>
          `✓ Chunk ${stored.chunkIndex} stored${stored.duplicate ? ' (replaced an earlier copy)' : ''}; ${stored.totalReceived ?? '?'} received`,
      );
      return 0;
    }
    case 'finalize': {
      const request = {
        sessionId: session(),
        totalChunks: integerOption(values, 'total-chunks', command, true),
        totalSize: integerOption(values, 'total-size', command),
      };
      if (values.async) {
        const started = await media.finalizeAsync(request);
        out.result(started, () => `✓ Finalizing (${started.status}); follow it with: irec media video --session ${started.sessionId}`);
        return 0;
      }
      const finalized = await media.finalize(request);
      out.result(finalized, () =>
        [
          `✓ ${finalized.message ?? 'Finalized'}`,
          `video: ${finalized.video.s3Url ?? '(no URL)'}`,
          ...(finalized.warnings ?? []).map((w) => `warning: ${w}`),
        ].join('\n'),
      );
      return 0;
    }
    case 'status': {
      const status = await media.chunkStatus(session());
      out.result(
        status,
        () =>
          `${status.status}: ${status.receivedChunks.length} chunk(s) received${status.missingChunks?.length ? `, missing ${status.missingChunks.join(', ')}` : ''}`,
      );
      return 0;
    }
    case 'video': {
      const video = await media.video(session());
      const outcome = videoOutcome(video);
      out.result(video, () =>
        outcome.state === 'completed' ? `✓ ${outcome.url}` : outcome.state === 'failed' ? `✗ ${outcome.reason}` : 'processing…',
      );
      return outcome.state === 'failed' ? 1 : 0;
    }
    default: {
      const file = requireOption(values, 'file', command);
      const size = fs.statSync(file).size;
      const format = path.extname(file).slice(1) || 'webm';
      const bar = createProgressBar(!out.json);
      // Named by content, so that running the same command again resumes, and another file never does.
      const sessionId = optionalOption(values, 'session') ?? `irec-file-${(await sha256OfFile(file)).slice(0, 32)}`;
      try {
        const url = await uploadToMediaApi({
          client: media,
          sessionId,
          // Asking the server first makes a re-run resume instead of starting over (init is idempotent by sessionId).
          initialized: true,
          file: { path: file, size, durationMs: null, format, contentType: format === 'mp4' ? 'video/mp4' : 'video/webm' },
          chunkBytes: settings.chunkMb * 1024 * 1024,
          site: site(core, values, command),
          storage: optionalOption(values, 'storage') ?? settings.storage,
          finalize: values.async ? 'async' : settings.finalize,
          onInitialized: () => undefined,
          onProgress: (sent, total) => bar.bytes(path.basename(file), sent, total, 'uploading'),
        });
        out.result({ sessionId, url, size }, () => `✓ Uploaded ${file} to the Media Recording API: ${url}`);
      } finally {
        bar.done();
      }
      return 0;
    }
  }
}
