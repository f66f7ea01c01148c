import { useCallback, useEffect, useState } from 'react';
import type { Note } from '../../../shared/domain/notes';
import { api } from '../../api';
import type { BackupRecording } from './backup/use-backup-recording';

/** The local backup's clock while it runs (null out of the call: notes then carry the cloud clock only). */
type LocalClock = Pick<BackupRecording, 'recordingId' | 'mediaMs'>;

/**
 * The interview's notes: listed from the catalog, added with the moment Enter was pressed and the backup recording's
 * clock read then (the core stamps the cloud clock from that moment), edited and deleted in place.
 */
export function useDeskNotes(interviewId: string, author: string, backup: LocalClock | null) {
  const [notes, setNotes] = useState<Note[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    api.listNotes({ interviewId }).then(
      (listed) => current && setNotes(listed),
      (failure: unknown) => current && setError((failure as Error).message),
    );
    return () => {
      current = false;
    };
  }, [interviewId]);

  /** Runs a change; its error is shown, and the caller learns whether it worked (an unsent note stays typed). */
  const attempt = useCallback(async (change: () => Promise<void>): Promise<boolean> => {
    setError(null);
    try {
      await change();
      return true;
    } catch (failure) {
      setError((failure as Error).message);
      return false;
    }
  }, []);

  const add = useCallback(
    (text: string, questionIndex: number | null) => {
      const typedAt = new Date().toISOString();
      const mediaMs = backup?.mediaMs() ?? null;
      const local = backup?.recordingId && mediaMs !== null ? { recordingId: backup.recordingId, mediaMs } : undefined;
      return attempt(async () => {
        const note = await api.addNote({
          interviewId,
          text,
          author,
          ...(questionIndex !== null && { questionIndex }),
          ...(local && { local }),
          typedAt,
        });
        setNotes((was) => [...was, note]);
      });
    },
    [interviewId, author, backup, attempt],
  );

  const replace = (note: Note) => setNotes((was) => was.map((n) => (n.id === note.id ? note : n)));

  return {
    notes,
    error,
    add,
    edit: (noteId: string, changes: { text?: string; questionIndex?: number | null }) =>
      attempt(async () => replace(await api.editNote({ noteId, ...changes }))),
    remove: (noteId: string) =>
      attempt(async () => {
        await api.deleteNote({ noteId });
        setNotes((was) => was.filter((n) => n.id !== noteId));
      }),
  };
}
