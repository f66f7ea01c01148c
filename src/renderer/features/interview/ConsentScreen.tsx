import { useId, useState } from 'react';
import type { ScriptInfo } from './use-script';

export function ConsentScreen({ info, onAgree, onCancel, busy }: { info: ScriptInfo; onAgree(): void; onCancel(): void; busy: boolean }) {
  const [agreed, setAgreed] = useState(false);
  const checkbox = useId();
  return (
    <section className="card flow" aria-labelledby="consent-title">
      <h1 id="consent-title">Before you start</h1>
      <p className="lead">
        {info.script.title} — {info.script.candidateName}
      </p>
      <p>{info.consentStatement}</p>
      <label className="check-label-row" htmlFor={checkbox}>
        <input id={checkbox} type="checkbox" checked={agreed} onChange={(e) => setAgreed(e.target.checked)} />I agree to be recorded as
        described above.
      </label>
      <div className="actions">
        <button type="button" className="button-primary" disabled={!agreed || busy} onClick={onAgree}>
          Continue
        </button>
        <button type="button" className="button-secondary" onClick={onCancel}>
          Not now
        </button>
      </div>
    </section>
  );
}
