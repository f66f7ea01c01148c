import path from 'node:path';
import type { Core } from '../../src/core/create-core';
import { freeBytes } from '../../src/core/platform/disk';
import { writeRecordingSidecar } from '../../src/core/services/recovery/recording-sidecar';
import { createRecordingService } from '../../src/core/services/recording/recording-service';
import { nodeSegmentFiles } from '../../src/core/services/recording/segment-files';
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
 * Records through the production chunk path (the recording service, over the core's catalog and recordings
 * folder, in the core's run): each segment's chunks in order, a new segment for each further take, the markers
 * as the renderer sends them, then a stop with the recorded time. Returns the recording id.
 *
 * With `stop: false` it is the core's own service (`core.recording`, connected to the pipeline), left recording
 * as a crash would leave it, or for the test to stop. Otherwise it is a service of its own, not connected: the
 * pipeline would finalize the recording at once when it stops, and these tests finalize it themselves (with
 * their own tools, progress and cancellation).
 */
export async function recordSession(
  core: Core,
  segments: readonly RecordedChunks[],
  options: { markers?: readonly Marker[]; durationMs?: number; stop?: boolean } = {},
): Promise<string> {
  const db = core.catalog.ok ? core.catalog.catalog.db : null;
  if (!db) throw new Error('the test core has no catalog');
  const connected = options.stop === false;
  const recording = connected
    ? core.recording
    : createRecordingService({
        db,
        runId: core.run.id,
        recordingsDir: path.join(core.dataDir, 'recordings'),
        files: nodeSegmentFiles,
        freeBytes,
        minFreeBytes: 0,
      });
  const interviewId = `int-${Math.random().toString(36).slice(2, 10)}`;
  insertInterview(db, {
    id: interviewId,
    title: 'Finalize test interview',
    candidateName: 'Grace Hopper',
    createdAt: new Date().toISOString(),
  });
  const { recordingId } = await recording.start({ interviewId, mimeType: segments[0]!.mimeType });
  // The sidecar file the pipeline writes at start (what a re-index reads back), here without the rest of it.
  if (!connected) writeRecordingSidecar(db, recordingId, path.join(core.dataDir, 'recordings', recordingId), () => undefined);
  for (const [seq, segment] of segments.entries()) {
    if (seq > 0) await recording.startSegment({ recordingId });
    for (const [index, bytes] of segment.chunks.entries()) {
      const mediaEndMs = Math.min(index + 1, segment.seconds) * 1000;
      await recording.appendChunk({ recordingId, segment: seq, index, bytes, mediaEndMs });
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
  if (!connected) {
    const durationMs = options.durationMs ?? segments.reduce((sum, s) => sum + s.seconds * 1000, 0);
    await recording.stop({ recordingId, durationMs });
  }
  return recordingId;
}
