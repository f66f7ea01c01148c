import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import { markRecordingUploaded } from '../../src/core/services/catalog/queries/uploads';
import { applyRetention } from '../../src/core/services/upload/retention';
import { recordChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { createTestCore } from '../support/test-core';

const DAY = 86_400_000;

describe('retention', () => {
  it('deletes local files only of verified uploads older than the period, and keeps the catalog rows', async () => {
    const core = createTestCore();
    const db = core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog');
    const media = await recordChunks('vp8-webm', 2);
    const [old, recent, notUploaded] = [
      await recordSession(core, [media]),
      await recordSession(core, [media]),
      await recordSession(core, [media]),
    ];
    for (const id of [old, recent, notUploaded]) await core.finalize(id);
    const now = new Date();
    markRecordingUploaded(db, old, new Date(now.getTime() - 31 * DAY).toISOString());
    markRecordingUploaded(db, recent, new Date(now.getTime() - 29 * DAY).toISOString());
    const files = (id: string) => {
      const detail = getRecordingDetail(db, id)!;
      return [...detail.segments.map((s) => s.filePath), ...detail.outputs.map((o) => o.filePath)];
    };

    expect(await applyRetention(db, null, now)).toEqual([]);
    expect(await applyRetention(db, 30, now)).toEqual([old]);

    expect(files(old).filter((file) => fs.existsSync(file))).toEqual([]);
    // Nothing of the recording is left in its folder: not its descriptive sidecar either.
    expect(fs.readdirSync(path.dirname(files(old)[0]!))).toEqual([]);
    expect(getRecordingDetail(db, old)).toMatchObject({ state: 'uploaded' });
    expect(db.prepare('SELECT local_deleted_at FROM recordings WHERE id = ?').get(old)).toEqual({ local_deleted_at: now.toISOString() });
    for (const id of [recent, notUploaded]) expect(files(id).every((file) => fs.existsSync(file))).toBe(true);
    expect(await applyRetention(db, 30, now)).toEqual([]);
  });
});
