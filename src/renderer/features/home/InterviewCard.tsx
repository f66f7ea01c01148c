import type { AsyncState } from '../../hooks/use-async';
import type { api } from '../../api';

type ScriptResponse = Awaited<ReturnType<typeof api.getInterviewScript>>;

export function InterviewCard({ script, onBegin }: { script: AsyncState<ScriptResponse>; onBegin(): void }) {
  return (
    <section className="card interview-card" aria-labelledby="interview-card-title">
      <h2 id="interview-card-title">Your interview</h2>
      {script.status === 'loading' && <p className="muted">Loading…</p>}
      {script.status === 'error' && <p role="alert">The interview could not be loaded: {script.message}</p>}
      {script.status === 'ready' && !script.value.ok && (
        <p className="banner banner-error" role="alert">
          This interview file cannot be used. {script.value.error}
        </p>
      )}
      {script.status === 'ready' && script.value.ok && (
        <>
          <p className="lead">{script.value.script.title}</p>
          <p className="muted">
            {script.value.script.questions.length} questions · up to {Math.ceil(script.value.maxSeconds / 60)} minutes
            {script.value.source === 'demo' && ' · practice interview'}
          </p>
          <button type="button" className="button-primary" onClick={onBegin}>
            Begin
          </button>
        </>
      )}
    </section>
  );
}
