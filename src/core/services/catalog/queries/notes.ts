import type { Database } from 'better-sqlite3';
import type { Note } from '../../../../shared/domain/notes';

const SELECT = `
  SELECT id, interview_id AS interviewId, text, question_index AS questionIndex, author, created_at AS createdAt,
         edited_at AS editedAt, local_recording_id AS localRecordingId, local_ms AS localMs,
         cloud_session_id AS cloudSessionId, cloud_ms AS cloudMs
  FROM notes`;

export function insertNote(db: Database, note: Note): void {
  db.prepare(
    `INSERT INTO notes (id, interview_id, text, question_index, author, created_at, edited_at, local_recording_id, local_ms,
                        cloud_session_id, cloud_ms)
     VALUES (@id, @interviewId, @text, @questionIndex, @author, @createdAt, @editedAt, @localRecordingId, @localMs,
             @cloudSessionId, @cloudMs)`,
  ).run(note);
}

export function getNote(db: Database, id: string): Note | undefined {
  return db.prepare(`${SELECT} WHERE id = ?`).get(id) as Note | undefined;
}

/** An interview's notes in the order they were typed. */
export function listNotes(db: Database, interviewId: string): Note[] {
  return db.prepare(`${SELECT} WHERE interview_id = ? ORDER BY created_at, rowid`).all(interviewId) as Note[];
}

export function updateNote(db: Database, id: string, changes: { text?: string; questionIndex?: number | null }, editedAt: string): void {
  db.prepare(
    `UPDATE notes SET text = coalesce(@text, text),
                      question_index = CASE WHEN @setQuestion THEN @questionIndex ELSE question_index END,
                      edited_at = @editedAt
     WHERE id = @id`,
  ).run({
    id,
    text: changes.text ?? null,
    setQuestion: changes.questionIndex === undefined ? 0 : 1,
    questionIndex: changes.questionIndex ?? null,
    editedAt,
  });
}

export function deleteNote(db: Database, id: string): boolean {
  return db.prepare('DELETE FROM notes WHERE id = ?').run(id).changes > 0;
}

/**
 * The call's cloud recording running now for the interview (Agora or LiveKit, acknowledged as started), its own
 * first, else one another interview of this catalog runs in the same channel or room (the interviewer's start
 * joins the candidate's rather than adding a bot): its `started_at` is the cloud recording's zero. The Media API
 * upload is not a recording of the call.
 */
export function runningCallRecording(db: Database, interviewId: string): { id: string; startedAt: string } | undefined {
  return db
    .prepare(
      `SELECT s.id, s.started_at AS startedAt FROM cloud_sessions s JOIN interviews i ON i.id = ?
       WHERE s.state = 'active' AND s.started_at IS NOT NULL
         AND (   (s.interview_id = i.id AND s.backend IN ('agora', 'livekit'))
              OR (s.backend = 'agora' AND s.target = i.agora_channel)
              OR (s.backend = 'livekit' AND s.target = i.livekit_room))
       ORDER BY s.interview_id = i.id DESC, s.started_at DESC LIMIT 1`,
    )
    .get(interviewId) as { id: string; startedAt: string } | undefined;
}
