import { useId } from 'react';
import { useMessages } from '../../i18n/locale-context';
import { deskNotesMessages } from './desk-notes-messages';

/** Which question of the guide a note is for, or none ("General"). Hidden when the guide has no questions. */
export function QuestionSelect({
  count,
  value,
  onChange,
  label,
}: {
  count: number;
  value: number | null;
  onChange(index: number | null): void;
  label: string;
}) {
  const t = useMessages(deskNotesMessages);
  const id = useId();
  if (count === 0) return null;
  return (
    <span className="desk-question-select">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))}>
        <option value="">{t('noQuestion')}</option>
        {Array.from({ length: count }, (_, index) => (
          <option key={index} value={index}>
            {t('questionNumber', { number: index + 1 })}
          </option>
        ))}
      </select>
    </span>
  );
}
