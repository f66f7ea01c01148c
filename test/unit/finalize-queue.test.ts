import { describe, expect, it } from 'vitest';
import { createFinalizeQueue } from '../../src/core/services/finalize/finalize-queue';
import type { RecordingDetail } from '../../src/shared/domain/recording';

describe('finalize queue', () => {
  const detail = (id: string) => ({ id }) as RecordingDetail;

  it('runs one job at a time in order, returns the same job when asked twice, and cancels', async () => {
    const order: string[] = [];
    const progress: string[] = [];
    let active = 0;
    const queue = createFinalizeQueue(
      async (id, { signal }) => {
        active++;
        expect(active).toBe(1);
        order.push(`start ${id}`);
        await new Promise((resolve) => setTimeout(resolve, 20));
        active--;
        if (signal?.aborted) throw new Error(`cancelled ${id}`);
        return detail(id);
      },
      (p) => progress.push(`${p.recordingId}:${p.stage}`),
    );
    const a = queue.enqueue('a');
    expect(queue.enqueue('a')).toBe(a);
    const b = queue.enqueue('b');
    const c = queue.enqueue('c');
    expect(queue.cancel('b')).toBe(true);
    await expect(a).resolves.toEqual(detail('a'));
    await expect(b).rejects.toThrow('cancelled b');
    await expect(c).resolves.toEqual(detail('c'));
    expect(order).toEqual(['start a', 'start b', 'start c']);
    expect(progress).toEqual(['a:queued', 'b:queued', 'c:queued']);
    expect(queue.progress('c')).toEqual({ recordingId: 'c', stage: 'queued', fraction: 0 });
    expect(queue.cancel('a')).toBe(false);
  });
});
