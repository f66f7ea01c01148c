import { useId, useState } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useMessages } from '../../i18n/locale-context';
import { consentScreenMessages } from './consent-screen-messages';
import type { ScriptInfo } from './use-script';

export function ConsentScreen({ info, onAgree, onCancel, busy }: { info: ScriptInfo; onAgree(): void; onCancel(): void; busy: boolean }) {
  const t = useMessages(consentScreenMessages);
  const [agreed, setAgreed] = useState(false);
  const checkbox = useId();
  return (
    <section className="card flow" aria-labelledby="consent-title">
      <ScreenHeading id="consent-title">{t('title')}</ScreenHeading>
      <p className="lead">
        {info.script.title} — {info.script.candidateName}
      </p>
      {/* The core's statement in the script's language: exactly what is stored with the consent. */}
      <p>{info.consentStatement}</p>
      <label className="check-label-row" htmlFor={checkbox}>
        <input id={checkbox} type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />
        {t('agree')}
      </label>
      <div className="actions">
        <button type="button" className="button-primary" disabled={!agreed || busy} onClick={onAgree}>
          {t('continue')}
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}
