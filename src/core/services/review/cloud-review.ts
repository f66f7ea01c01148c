import type { AgoraSession, CloudSession, LivekitSession } from '../../../shared/domain/cloud';
import type { ReviewRecordingInput } from '../../../shared/domain/review';
import type { AgoraClient } from '../backends/agora/agora-client';
import type { AgoraFile, AgoraScheduleRecording } from '../backends/agora/agora-wire';
import { isBackendError } from '../backends/backend-error';
import type { LivekitClient } from '../backends/livekit/livekit-client';
import { EGRESS_STATUS, type LivekitEgress } from '../backends/livekit/livekit-wire';
import type { ReviewEntry } from './local-review';
import { playbackKindOf } from './playback-kind';
import { reviewRetryAfterMs } from './retry-timing';

export interface CloudListing {
  entries: ReviewEntry[];
  problems: string[];
}

const unique = (values: ReadonlyArray<string | null | undefined>): string[] => [...new Set(values.filter((v): v is string => !!v))];

const cloudBase = { clock: 'cloud' as const, retryAfterMs: null, error: null, durationMs: null };

/** One entry per playable file of an Agora recording (its HLS playlist and its MP4), or one saying it is not ready. */
function agoraEntries(recording: AgoraScheduleRecording, session: AgoraSession | undefined, retryAfterMs: number): ReviewEntry[] {
  const timeline = {
    clock: 'cloud' as const,
    sessionId: session?.id ?? null,
    startedAt: session?.startedAt ?? recording.started_at ?? null,
    totalMs: null,
  };
  const files: Array<Pick<AgoraFile, 'filename' | 's3_url'>> = recording.file_list.length
    ? recording.file_list
    : recording.recording_url
      ? [{ filename: recording.recording_url, s3_url: recording.recording_url }]
      : [];
  const playable = files.flatMap((file, index) => {
    const url = file.s3_url ?? (index === 0 ? recording.recording_url : null);
    const kind = playbackKindOf(file.filename) ?? (url ? playbackKindOf(url) : null);
    return kind && url ? [{ file, url, kind, index }] : [];
  });
  if (!playable.length) {
    const failed = recording.status === 'failed';
    const processing: ReviewRecordingInput = {
      ...cloudBase,
      ref: `agora:${recording.sid}:0`,
      source: 'agora',
      label: `Agora recording ${recording.channel_name}`,
      kind: 'mp4',
      status: failed ? 'failed' : 'processing',
      playbackUrl: null,
      retryAfterMs: failed ? null : retryAfterMs,
      error: failed ? 'The Agora cloud recording failed.' : null,
    };
    return [{ recording: processing, timeline }];
  }
  return playable.map(({ file, url, kind, index }) => ({
    recording: {
      ...cloudBase,
      ref: `agora:${recording.sid}:${index}`,
      source: 'agora',
      label: file.filename.split('/').pop() ?? file.filename,
      kind,
      status: 'ready',
      playbackUrl: url,
    },
    timeline,
  }));
}

function livekitEntry(egress: LivekitEgress, session: LivekitSession | undefined, retryAfterMs: number): ReviewEntry {
  const ready = egress.status === EGRESS_STATUS.ready && !!egress.downloadUrl;
  const failed = egress.status === EGRESS_STATUS.failed;
  const durationMs = egress.duration === undefined ? null : Math.round(egress.duration * 1000);
  const recording: ReviewRecordingInput = {
    ...cloudBase,
    ref: `livekit:${egress.egressId}`,
    source: 'livekit',
    label: `LiveKit recording ${egress.roomName ?? egress.egressId}`,
    kind: (egress.downloadUrl && playbackKindOf(egress.downloadUrl)) || 'audio',
    status: ready ? 'ready' : failed ? 'failed' : 'processing',
    playbackUrl: ready ? egress.downloadUrl! : null,
    durationMs,
    retryAfterMs: ready || failed ? null : retryAfterMs,
    error: failed ? (egress.error ?? 'The LiveKit recording failed; the backend gave no reason.') : null,
  };
  const timeline = {
    clock: 'cloud' as const,
    sessionId: session?.id ?? null,
    startedAt: session?.startedAt ?? egress.startedAt ?? null,
    totalMs: durationMs,
  };
  return { recording, timeline };
}

const problemOf = (error: unknown): string => (isBackendError(error) ? error.message : `The backend could not be asked: ${String(error)}`);

/** The Agora recordings of the interview's schedules (from its cloud sessions), each file with its `s3_url`. */
async function listAgora(agora: AgoraClient | null, sessions: AgoraSession[], whyNot: string | undefined): Promise<CloudListing> {
  const schedules = unique(sessions.map((s) => s.scheduleId));
  if (!schedules.length) return { entries: [], problems: [] };
  if (!agora) return { entries: [], problems: [whyNot ?? 'No Agora recording backend configured.'] };
  const listing: CloudListing = { entries: [], problems: [] };
  for (const scheduleId of schedules) {
    try {
      const { recordings } = await agora.listBySchedule(scheduleId);
      for (const recording of recordings) {
        const session = sessions.find((s) => s.recording?.sid === recording.sid);
        listing.entries.push(...agoraEntries(recording, session, reviewRetryAfterMs(0)));
      }
    } catch (error) {
      listing.problems.push(problemOf(error));
    }
  }
  return listing;
}

/** The LiveKit egresses of the interview's rooms: one list call per room, counted against the read budget. */
async function listLivekit(livekit: LivekitClient | null, sessions: LivekitSession[], whyNot: string | undefined): Promise<CloudListing> {
  const rooms = unique(sessions.map((s) => s.target));
  if (!rooms.length) return { entries: [], problems: [] };
  if (!livekit) return { entries: [], problems: [whyNot ?? 'No LiveKit recording backend configured.'] };
  const listing: CloudListing = { entries: [], problems: [] };
  for (const room of rooms) {
    try {
      const retryAfterMs = reviewRetryAfterMs(rooms.length);
      for (const egress of await livekit.list(room)) {
        listing.entries.push(
          livekitEntry(
            egress,
            sessions.find((s) => s.egressId === egress.egressId),
            retryAfterMs,
          ),
        );
      }
    } catch (error) {
      listing.problems.push(problemOf(error));
    }
  }
  return listing;
}

export interface CloudClients {
  agora: AgoraClient | null;
  livekit: LivekitClient | null;
  notConfigured: { agora?: string; livekit?: string };
}

/** The interview's cloud recordings as the backends list them now; a backend that fails is a problem in words. */
export async function cloudReviewEntries(clients: CloudClients, sessions: readonly CloudSession[]): Promise<CloudListing> {
  const agora = sessions.filter((s): s is AgoraSession => s.backend === 'agora');
  const livekit = sessions.filter((s): s is LivekitSession => s.backend === 'livekit');
  const [a, l] = await Promise.all([
    listAgora(clients.agora, agora, clients.notConfigured.agora),
    listLivekit(clients.livekit, livekit, clients.notConfigured.livekit),
  ]);
  return { entries: [...a.entries, ...l.entries], problems: [...a.problems, ...l.problems] };
}
