import type { SettingRow } from '../../../shared/domain/settings';
import type { Translate } from '../../../shared/i18n/messages';
import type { settingsMessages } from './settings-messages';
import { rowValueWords, sourceWords, valueWords } from './setting-words';

type T = Translate<keyof typeof settingsMessages.en>;

function LockIcon() {
  return (
    <svg className="setting-lock" viewBox="0 0 16 16" width="16" height="16" aria-hidden="true" focusable="false">
      <rect x="3" y="7" width="10" height="8" rx="1.5" fill="currentColor" />
      <path d="M5 7V5a3 3 0 0 1 6 0v2" fill="none" stroke="currentColor" strokeWidth="1.8" />
    </svg>
  );
}

/** A value that differs from the default says what the default is, so a changed setting can be spotted. */
function defaultNote(t: T, row: SettingRow): string | null {
  if (row.isSecret || row.layer === 'defaults' || row.default === null) return null;
  if (JSON.stringify(row.default) === JSON.stringify(row.value)) return null;
  return t('defaultWas', { value: valueWords(t, row.default) });
}

/** One setting: its name and key, the value in force, and where that value comes from (a lock when IT set it). */
export function SettingLine({ row, t }: { row: SettingRow; t: T }) {
  const source = sourceWords(t, row);
  const note = defaultNote(t, row);
  return (
    <tr className={row.locked ? 'setting setting-locked' : 'setting'}>
      <th scope="row">
        {row.title && <span className="setting-title">{row.title}</span>}
        <code className="setting-key">{row.key}</code>
      </th>
      <td>
        <span className="setting-value">{rowValueWords(t, row)}</span>
        {note && <span className="setting-detail">{note}</span>}
      </td>
      <td>
        <span className="setting-source" title={source.detail}>
          {row.locked && <LockIcon />}
          {source.words}
        </span>
        {source.detail && <code className="setting-detail">{source.detail}</code>}
      </td>
    </tr>
  );
}
