import type { Core } from '../../create-core';
import type { HandlerTable } from '../dispatcher';

type NotesChannels = 'addNote' | 'editNote' | 'deleteNote' | 'listNotes' | 'getScorecard' | 'saveScorecard';

export function notesHandlers(core: Core): Pick<HandlerTable, NotesChannels> {
  return {
    addNote: (note) => core.notes.addNote(note),
    editNote: (edit) => core.notes.editNote(edit),
    deleteNote: ({ noteId }) => {
      core.notes.deleteNote(noteId);
      return null;
    },
    listNotes: ({ interviewId }) => core.notes.listNotes(interviewId),
    getScorecard: ({ interviewId }) => core.notes.getScorecard(interviewId),
    saveScorecard: (card) => core.notes.saveScorecard(card),
  };
}
