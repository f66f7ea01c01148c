import type { FinalizeProgress } from '../shared/domain/recording';

const WIDTH = 30;
const STAGE: Record<FinalizeProgress['stage'], string> = {
  queued: 'waiting',
  remuxing: 'remuxing',
  verifying: 'verifying',
  finalized: 'done',
  failed: 'failed',
  cancelled: 'cancelled',
};

/** A one-line progress bar on stderr, redrawn in place; silent when stderr is not a terminal or output is JSON. */
export function createProgressBar(enabled: boolean) {
  const draw = enabled && process.stderr.isTTY;
  let shown = false;
  return {
    update(progress: FinalizeProgress) {
      if (!draw) return;
      const filled = Math.round(progress.fraction * WIDTH);
      const bar = `${'█'.repeat(filled)}${'░'.repeat(WIDTH - filled)}`;
      process.stderr.write(
        `\r${progress.recordingId} ${bar} ${String(Math.round(progress.fraction * 100)).padStart(3)}% ${STAGE[progress.stage]}  `,
      );
      shown = true;
    },
    done() {
      if (shown) process.stderr.write('\n');
      shown = false;
    },
  };
}
