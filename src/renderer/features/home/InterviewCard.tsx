import type { AsyncState } from '../../hooks/use-async';
import type { api } from '../../api';
import { useMessages } from '../../i18n/locale-context';
import { homeMessages } from './home-messages';

type ScriptResponse = Awaited<ReturnType<typeof api.getInterviewScript>>;

export function InterviewCard({ script, onBegin }: { script: AsyncState<ScriptResponse>; onBegin(): void }) {
  const t = useMessages(homeMessages);
  return (
    <section className="card interview-card" aria-labelledby="interview-card-title">
      <h2 id="interview-card-title">{t('yourInterview')}</h2>
      {script.status === 'loading' && <p className="muted">{t('loading')}</p>}
      {script.status === 'error' && <p role="alert">{t('loadFailed', { message: script.message })}</p>}
      {script.status === 'ready' && !script.value.ok && (
        <p className="banner banner-error" role="alert">
          {t('scriptUnusable', { error: script.value.error })}
        </p>
      )}
      {script.status === 'ready' && script.value.ok && (
        <>
          <p className="lead">{script.value.script.title}</p>
          <p className="muted">
            {t('summary', { questions: script.value.script.questions.length, minutes: Math.ceil(script.value.maxSeconds / 60) })}
            {script.value.source === 'demo' && ` · ${t('practice')}`}
          </p>
          <button type="button" className="button-primary" onClick={onBegin}>
            {t('begin')}
          </button>
        </>
      )}
    </section>
  );
}
