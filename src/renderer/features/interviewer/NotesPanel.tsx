import { useId, useState } from 'react';
import { useMessages } from '../../i18n/locale-context';
import { deskNotesMessages } from './desk-notes-messages';
import { NoteItem } from './NoteItem';
import { QuestionSelect } from './QuestionSelect';
import type { useDeskNotes } from './use-desk-notes';

interface Props {
  notes: ReturnType<typeof useDeskNotes>;
  questionCount: number;
}

/** Notes during the call: Enter adds one (the core stamps it with the recording clocks), marked for a question or not. */
export function NotesPanel({ notes, questionCount }: Props) {
  const t = useMessages(deskNotesMessages);
  const id = useId();
  const [text, setText] = useState('');
  const [question, setQuestion] = useState<number | null>(null);
  const add = () => {
    const typed = text.trim();
    if (!typed) return;
    // Cleared at once, so the next note can be typed while this one is stored; put back if it could not be.
    setText('');
    void notes.add(typed, question).then((saved) => !saved && setText((now) => (now === '' ? typed : now)));
  };
  return (
    <section className="card flow desk-notes" aria-labelledby="desk-notes-title">
      <h2 id="desk-notes-title">{t('notesTitle')}</h2>
      <div className="desk-note-input">
        <label htmlFor={id}>{t('noteLabel')}</label>
        <input
          id={id}
          type="text"
          value={text}
          maxLength={4000}
          aria-describedby={`${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && !event.nativeEvent.isComposing) {
              event.preventDefault();
              add();
            }
          }}
        />
        <QuestionSelect count={questionCount} value={question} onChange={setQuestion} label={t('forQuestion')} />
        <button type="button" className="button-secondary" onClick={add}>
          {t('add')}
        </button>
      </div>
      <p id={`${id}-hint`} className="muted">
        {t('noteHint')}
      </p>
      {notes.error && (
        <p className="banner banner-error" role="alert">
          {notes.error}
        </p>
      )}
      {notes.notes.length === 0 ? (
        <p className="muted">{t('noNotes')}</p>
      ) : (
        <ol className="desk-note-list">
          {notes.notes.map((note) => (
            <NoteItem
              key={note.id}
              note={note}
              questionCount={questionCount}
              onEdit={(changes) => notes.edit(note.id, changes)}
              onDelete={() => void notes.remove(note.id)}
            />
          ))}
        </ol>
      )}
    </section>
  );
}
