import { useState } from 'react';
import type { Note } from '../../../shared/domain/notes';
import { formatDuration } from '../../../shared/format';
import { useMessages } from '../../i18n/locale-context';
import { deskNotesMessages } from './desk-notes-messages';
import { QuestionSelect } from './QuestionSelect';

interface Props {
  note: Note;
  questionCount: number;
  onEdit(changes: { text?: string; questionIndex?: number | null }): Promise<boolean>;
  onDelete(): void;
}

/** One note with where it falls in each recording; edited in place (its words and question, never its clocks). */
export function NoteItem({ note, questionCount, onEdit, onDelete }: Props) {
  const t = useMessages(deskNotesMessages);
  const [draft, setDraft] = useState<string | null>(null);
  const clocks = [
    note.cloudMs !== null && t('cloudAt', { time: formatDuration(note.cloudMs) }),
    note.localMs !== null && t('localAt', { time: formatDuration(note.localMs) }),
    t('typedAt', { time: new Date(note.createdAt).toLocaleTimeString() }),
  ].filter(Boolean);
  return (
    <li className="desk-note" data-note-id={note.id}>
      {draft === null ? (
        <p className="desk-note-text">{note.text}</p>
      ) : (
        <textarea aria-label={t('editLabel')} value={draft} onChange={(event) => setDraft(event.target.value)} rows={2} />
      )}
      <div className="desk-note-meta">
        <span className="muted">{clocks.join(' · ')}</span>
        <QuestionSelect
          count={questionCount}
          value={note.questionIndex}
          onChange={(questionIndex) => void onEdit({ questionIndex })}
          label={t('forQuestion')}
        />
        {draft === null ? (
          <>
            <button type="button" className="button-secondary" onClick={() => setDraft(note.text)}>
              {t('edit')}
            </button>
            <button type="button" className="button-secondary" onClick={onDelete}>
              {t('remove')}
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              className="button-primary"
              onClick={() => void onEdit({ text: draft }).then((saved) => saved && setDraft(null))}
            >
              {t('save')}
            </button>
            <button type="button" className="button-secondary" onClick={() => setDraft(null)}>
              {t('cancel')}
            </button>
          </>
        )}
      </div>
    </li>
  );
}
