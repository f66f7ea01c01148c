import type { FinalizeProgress } from '../shared/domain/recording';
import { createRateMeter } from '../core/services/upload/upload-rate';
import { formatBytes, formatDuration } from '../shared/format';

const WIDTH = 30;
const STAGE: Record<FinalizeProgress['stage'], string> = {
  queued: 'waiting',
  remuxing: 'remuxing',
  verifying: 'verifying',
  finalized: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

export interface TransferProgress {
  bytesSent: number;
  bytesTotal: number;
  bytesPerSecond: number | null;
  etaSeconds: number | null;
  state: string;
}

/** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal or output is JSON. */
export function createProgressBar(enabled: boolean) {
  const draw = enabled && process.stderr.isTTY;
  const meter = createRateMeter();
  let shown = false;
  const line = (label: string, fraction: number, status: string) => {
    if (!draw) return;
    const filled = Math.round(Math.min(1, fraction) * WIDTH);
    const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
    process.stderr.write(`\r${label} ${bar} ${String(Math.round(fraction * 100)).padStart(3)}% ${status}  `);
    shown = true;
  };
  return {
    update: (progress: FinalizeProgress) => line(progress.recordingId, progress.fraction, STAGE[progress.stage]),
    transfer(label: string, progress: TransferProgress) {
      const rate = progress.bytesPerSecond ? ` ${formatBytes(progress.bytesPerSecond)}/s` : '';
      const eta = progress.etaSeconds !== null ? ` ETA ${formatDuration(progress.etaSeconds * 1000)}` : '';
      const fraction = progress.bytesTotal ? progress.bytesSent / progress.bytesTotal : 0;
      line(label, fraction, `${formatBytes(progress.bytesSent)} of ${formatBytes(progress.bytesTotal)}${rate}${eta} ${progress.state}`);
    },
    /** A transfer that reports only bytes: speed and ETA are measured here. */
    bytes(label: string, bytesSent: number, bytesTotal: number, state: string) {
      meter.sample(bytesSent);
      const rate = meter.bytesPerSecond();
      this.transfer(label, {
        bytesSent,
        bytesTotal,
        bytesPerSecond: rate,
        etaSeconds: rate ? (bytesTotal - bytesSent) / rate : null,
        state,
      });
    },
    done() {
      if (shown) process.stderr.write('\n');
      shown = false;
    },
  };
}
