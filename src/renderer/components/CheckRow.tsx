import { useMessages } from '../i18n/locale-context';
import { checkRowMessages } from './check-row-messages';

/** One check: a sign, what was checked in plain words, and a detail; screen readers also hear ready or not. */
export function CheckRow({ ok, label, detail }: { ok: boolean; label: string; detail: string }) {
  const t = useMessages(checkRowMessages);
  return (
    <li className={`check ${ok ? 'check-ok' : 'check-bad'}`}>
      <span className="check-icon" aria-hidden="true">
        {ok ? '✓' : '!'}
      </span>
      <span className="check-text">
        <span className="check-label">
          {label}
          <span className="visually-hidden">: {ok ? t('ready') : t('needsAttention')}</span>
        </span>
        {detail && <span className="check-detail">{detail}</span>}
      </span>
    </li>
  );
}
