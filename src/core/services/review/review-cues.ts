import type { Note } from '../../../shared/domain/notes';
import type { ReviewCue } from '../../../shared/domain/review';
import { chaptersFromMarkers, type MarkerEvent } from '../finalize/chapters';
import { noteCue } from './review-vtt';

/** Where one recording's timeline comes from: its own media time (local) or the wall clock since its start (cloud). */
export type ReviewTimeline =
  | { clock: 'local'; recordingId: string; totalMs: number | null }
  | { clock: 'cloud'; sessionId: string | null; startedAt: string | null; totalMs: number | null };

/** Chapters long enough for any recording when its length is unknown (a cloud file the backend gave no duration for). */
const UNKNOWN_LENGTH_MS = 24 * 3_600_000;

const questionIndexOf = (data: unknown): number | null => {
  const index = (data as { index?: unknown } | null)?.index;
  return typeof index === 'number' ? index : null;
};

/** Question chapters from markers already on this timeline's clock (`mediaMs`). */
function questionCues(markers: readonly MarkerEvent[], totalMs: number | null): ReviewCue[] {
  const starts = markers.filter((m) => m.kind === 'question.start');
  return chaptersFromMarkers(markers, totalMs ?? UNKNOWN_LENGTH_MS).map((chapter) => {
    const start = starts.find((m) => (m.data as { mediaMs?: number }).mediaMs === chapter.startMs);
    return { kind: 'question', ...chapter, questionIndex: start ? questionIndexOf(start.data) : null };
  });
}

/** Wall-clock markers moved onto a cloud recording's clock: ms since it started; those before it are dropped. */
function onCloudClock(markers: ReadonlyArray<MarkerEvent & { at: string }>, startedAt: string): MarkerEvent[] {
  const start = Date.parse(startedAt);
  return markers
    .map((m) => ({ kind: m.kind, data: { ...(m.data as object), mediaMs: Date.parse(m.at) - start } }))
    .filter((m) => m.data.mediaMs >= 0);
}

/** A note's moment on this timeline, or null when it was not typed while this recording ran. */
function noteMoment(note: Note, timeline: ReviewTimeline): number | null {
  if (timeline.clock === 'local') return note.localRecordingId === timeline.recordingId ? note.localMs : null;
  // A recording the catalog knows: the note's own stamp for it, or it was not typed while that one ran.
  if (timeline.sessionId !== null) return note.cloudSessionId === timeline.sessionId ? note.cloudMs : null;
  if (timeline.startedAt === null) return null;
  // A cloud recording the catalog does not know (started by another desk): the note's wall clock from its start.
  const ms = Date.parse(note.createdAt) - Date.parse(timeline.startedAt);
  return ms >= 0 && (timeline.totalMs === null || ms <= timeline.totalMs) ? ms : null;
}

export interface CueSources {
  /** The recording's own markers (local) or the interview's markers with their wall-clock moment (cloud). */
  markers: ReadonlyArray<MarkerEvent & { at?: string }>;
  notes: readonly Note[];
}

/** The questions as chapters and the notes as moments, on the recording's own clock, in time order. */
export function reviewCues(timeline: ReviewTimeline, { markers, notes }: CueSources): ReviewCue[] {
  const onClock =
    timeline.clock === 'local'
      ? markers
      : timeline.startedAt === null
        ? []
        : onCloudClock(
            markers.filter((m): m is MarkerEvent & { at: string } => typeof m.at === 'string'),
            timeline.startedAt,
          );
  const noteCues = notes.flatMap((note) => {
    const at = noteMoment(note, timeline);
    return at === null ? [] : [noteCue(at, note.text, note.questionIndex, timeline.totalMs)];
  });
  return [...questionCues(onClock, timeline.totalMs), ...noteCues].sort((a, b) => a.startMs - b.startMs);
}
