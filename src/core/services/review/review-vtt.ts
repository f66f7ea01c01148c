import type { ReviewCue } from '../../../shared/domain/review';

/** A note is a moment, but a cue needs a length: long enough to show, short enough not to hide the next. */
export const NOTE_CUE_MS = 5_000;

/** "hh:mm:ss.mmm", WebVTT's timestamp. */
export function vttTimestamp(ms: number): string {
  const whole = Math.max(0, Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  const hours = Math.floor(whole / 3_600_000);
  const minutes = Math.floor((whole % 3_600_000) / 60_000);
  const seconds = Math.floor((whole % 60_000) / 1000);
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)}.${pad(whole % 1000, 3)}`;
}

/** Cue text is plain text: `-->` would end the timing line, `&` and `<` start entities and tags, blank lines end a cue. */
function cueText(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r\n?|\n/g, ' ')
    .trim();
}

/** A WebVTT file of the cues, in time order (the format requires it), each with an id the player can look up. */
export function buildVtt(cues: readonly ReviewCue[]): string {
  const blocks = [...cues]
    .sort((a, b) => a.startMs - b.startMs)
    .map((cue, i) => {
      const endMs = Math.max(cue.endMs, cue.startMs + 1);
      return `${cue.kind}-${i + 1}\n${vttTimestamp(cue.startMs)} --> ${vttTimestamp(endMs)}\n${cueText(cue.title) || '—'}`;
    });
  return ['WEBVTT', ...blocks].join('\n\n') + '\n';
}

/** A note on the timeline: from its moment for `NOTE_CUE_MS`, never past the end of the recording when known. */
export function noteCue(atMs: number, text: string, questionIndex: number | null, totalMs: number | null): ReviewCue {
  const startMs = Math.max(0, Math.round(totalMs === null ? atMs : Math.min(atMs, totalMs)));
  const endMs = totalMs === null ? startMs + NOTE_CUE_MS : Math.max(startMs, Math.min(startMs + NOTE_CUE_MS, totalMs));
  return { kind: 'note', startMs, endMs, title: text, questionIndex };
}
