import { spawn } from 'node:child_process';
import { AppError } from '../../errors/app-error';
import { createProgressParser } from './ffmpeg-progress';

export type MediaToolFailure = 'failed' | 'cancelled' | 'disk-full' | 'not-started';

const codeOf = { failed: 'MEDIA_ERROR', cancelled: 'CANCELLED', 'disk-full': 'DISK_FULL', 'not-started': 'UNAVAILABLE' } as const;

/** ffmpeg or ffprobe did not succeed; `kind` says whether retrying can help and what to tell the person. */
export class MediaToolError extends AppError {
  constructor(
    readonly kind: MediaToolFailure,
    message: string,
    readonly stderrTail = '',
  ) {
    // Freed space or a repaired installation make the same call succeed; undecodable input never will.
    super(codeOf[kind], message, { retryable: kind !== 'failed', details: { kind } });
  }
}

export interface RunOptions {
  signal?: AbortSignal;
  /** For ffmpeg run with `-progress pipe:1`: media time written so far. stdout is then not collected. */
  onMediaTime?: (ms: number) => void;
}

const STDERR_TAIL = 4000;
const DISK_FULL = /No space left on device|Disk quota exceeded/i;

/**
 * Runs one media tool to completion. Never a shell: arguments go to the program as they are. Cancelling kills
 * the process at once; the caller owns (and removes) any partial output.
 */
export function runMediaTool(file: string, args: readonly string[], options: RunOptions = {}): Promise<string> {
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) return reject(new MediaToolError('cancelled', 'Cancelled.'));
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true });
    let stdout = '';
    let stderr = '';
    const progress = options.onMediaTime && createProgressParser(options.onMediaTime);
    child.stdout.setEncoding('utf8').on('data', (text: string) => (progress ? progress(text) : (stdout += text)));
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr = (stderr + text).slice(-STDERR_TAIL)));
    const onAbort = () => child.kill('SIGKILL');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('error', (error) => {
      options.signal?.removeEventListener('abort', onAbort);
      reject(new MediaToolError('not-started', `Could not run ${file}: ${error.message}`));
    });
    child.on('close', (code, signal) => {
      options.signal?.removeEventListener('abort', onAbort);
      if (code === 0) return resolve(stdout);
      if (options.signal?.aborted) return reject(new MediaToolError('cancelled', 'Cancelled.', stderr));
      const kind = DISK_FULL.test(stderr) ? 'disk-full' : 'failed';
      const lastLine = stderr.trim().split('\n').pop() ?? '';
      reject(new MediaToolError(kind, `${file} exited with ${code ?? signal}: ${lastLine}`, stderr));
    });
  });
}
