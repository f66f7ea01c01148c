import type { Core } from '../../src/core/create-core';
import { insertEvent } from '../../src/core/services/catalog/queries/events';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import type { RecordedChunks } from './recorded-chunks';

export interface Marker {
  kind: 'question.start' | 'question.end';
  index: number;
  take?: number;
  mediaMs: number;
}

/**
 * Records through the production chunk path (the core's recording service): each segment's chunks in order,
 * a new segment for each further take, the markers as the renderer sends them, then a stop with the recorded
 * time. Returns the recording id.
 */
export async function recordSession(
  core: Core,
  segments: readonly RecordedChunks[],
  options: { markers?: readonly Marker[]; durationMs?: number; stop?: boolean } = {},
): Promise<string> {
  const db = core.catalog.ok ? core.catalog.catalog.db : null;
  if (!db || !core.recording) throw new Error('the test core has no catalog');
  const interviewId = `int-${Math.random().toString(36).slice(2, 10)}`;
  insertInterview(db, {
    id: interviewId,
    title: 'Finalize test interview',
    candidateName: 'Grace Hopper',
    createdAt: new Date().toISOString(),
  });
  const { recordingId } = await core.recording.start({ interviewId, mimeType: segments[0]!.mimeType });
  for (const [seq, segment] of segments.entries()) {
    if (seq > 0) await core.recording.startSegment({ recordingId });
    for (const [index, bytes] of segment.chunks.entries()) {
      const mediaEndMs = Math.min(index + 1, segment.seconds) * 1000;
      await core.recording.appendChunk({ recordingId, segment: seq, index, bytes, mediaEndMs });
    }
  }
  for (const marker of options.markers ?? []) {
    insertEvent(db, {
      interviewId,
      recordingId,
      at: new Date().toISOString(),
      kind: marker.kind,
      data: { index: marker.index, take: marker.take ?? 1, mediaMs: marker.mediaMs },
    });
  }
  if (options.stop !== false) {
    const durationMs = options.durationMs ?? segments.reduce((sum, s) => sum + s.seconds * 1000, 0);
    await core.recording.stop({ recordingId, durationMs });
  }
  return recordingId;
}
