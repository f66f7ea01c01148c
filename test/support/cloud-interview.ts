import { expect } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { getRecordingDetail } from '../../src/core/services/catalog/queries/recordings';
import type { CloudSession } from '../../src/shared/domain/cloud';
import type { RecordedChunks } from './recorded-chunks';

export const catalogOf = (core: Core) => (core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog'));

/** An interview whose script names an Agora channel and/or a LiveKit room, as the consent step stores it. */
export function seedLinkedInterview(core: Core, links: { agoraChannel?: string; livekitRoom?: string; scheduleId?: string }): string {
  const id = `int-${Math.random().toString(36).slice(2, 10)}`;
  insertInterview(catalogOf(core), {
    id,
    title: 'Cloud interview',
    candidateName: 'Ada Lovelace',
    createdAt: new Date().toISOString(),
    ...links,
  });
  return id;
}

/**
 * The renderer's side of an interview through the real handler table (the IPC path): start, one-second chunks,
 * stop. `between` runs after the start, before the chunks (e.g. to take the backend down).
 */
export async function recordThroughHandlers(
  core: Core,
  interviewId: string,
  chunks: RecordedChunks,
  between?: () => Promise<void>,
): Promise<string> {
  const handlers = createHandlerTable(core);
  const app = { origin: 'app://interview-recorder', isMainFrame: true };
  const { recordingId } = await handlers.startRecording({ interviewId, mimeType: chunks.mimeType }, app);
  await between?.();
  for (const [index, bytes] of chunks.chunks.entries()) {
    await handlers.appendChunk({ recordingId, segment: 0, index, bytes: new Uint8Array(bytes), mediaEndMs: (index + 1) * 1000 }, app);
  }
  await handlers.stopRecording({ recordingId, durationMs: chunks.seconds * 1000, reason: 'finished' }, app);
  return recordingId;
}

export const recordingState = (core: Core, recordingId: string) => getRecordingDetail(catalogOf(core), recordingId)?.state;

export function sessionOf<B extends CloudSession['backend']>(
  core: Core,
  interviewId: string,
  backend: B,
): Extract<CloudSession, { backend: B }> | undefined {
  return core.cloud!.sessions({ interviewId }).find((s): s is Extract<CloudSession, { backend: B }> => s.backend === backend);
}
