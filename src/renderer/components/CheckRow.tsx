export function CheckRow({ ok, label, detail }: { ok: boolean; label: string; detail: string }) {
  return (
    <li className={`check ${ok ? 'check-ok' : 'check-bad'}`}>
      <span className="check-icon" aria-hidden="true">
        {ok ? '✓' : '!'}
      </span>
      <span className="check-text">
        <span className="check-label">
          {label}
          <span className="visually-hidden">{ok ? ': ready' : ': needs attention'}</span>
        </span>
        <span className="check-detail">{detail}</span>
      </span>
    </li>
  );
}
