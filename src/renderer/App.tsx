import { useCallback, useState } from 'react';
import type { ConfigProblem } from '../shared/config/schema';
import { api } from './api';
import { AppHeader } from './components/AppHeader';
import { Banner } from './components/Banner';
import { InterviewCard } from './features/home/InterviewCard';
import { RecoveryNotices } from './features/home/RecoveryNotices';
import { ReadinessPanel } from './features/home/ReadinessPanel';
import { InterviewFlow } from './features/interview/InterviewFlow';
import { useInterviewScript } from './features/interview/use-script';
import { RecordingsList } from './features/library/RecordingsList';
import { useAsync } from './hooks/use-async';

const describe = (p: ConfigProblem) => `${p.source}${p.keyPath ? ` → ${p.keyPath}` : ''}: ${p.message}.`;

export function App() {
  const [info] = useAsync(useCallback(() => api.getAppInfo(), []));
  const [script] = useInterviewScript();
  const [inInterview, setInInterview] = useState(false);
  const problems = info.status === 'ready' ? info.value.configProblems : [];
  if (inInterview && script.status === 'ready' && script.value.ok) {
    return (
      <>
        <AppHeader info={info.status === 'ready' ? info.value : null} />
        <main className="page page-narrow" id="main">
          <InterviewFlow info={script.value} onExit={() => setInInterview(false)} />
        </main>
      </>
    );
  }
  return (
    <>
      <AppHeader info={info.status === 'ready' ? info.value : null} />
      <main className="page" id="main">
        {info.status === 'error' && (
          <Banner tone="error" title="The app could not start its services">
            {info.message}
          </Banner>
        )}
        <RecoveryNotices />
        {problems.length > 0 && (
          <Banner tone="warning" title="Some settings were ignored">
            <ul>
              {problems.map((p) => (
                <li key={`${p.source}:${p.keyPath}`}>{describe(p)}</li>
              ))}
            </ul>
            <p>The app uses its defaults for these settings until they are fixed.</p>
          </Banner>
        )}
        <section className="hero" aria-labelledby="welcome-title">
          <h1 id="welcome-title">Welcome to Interview Recorder</h1>
          <p>
            Your interview is recorded on this computer first, second by second, so nothing is lost if the network drops or the computer
            restarts. It is uploaded as soon as a connection allows.
          </p>
        </section>
        <InterviewCard script={script} onBegin={() => setInInterview(true)} />
        <div className="columns">
          <ReadinessPanel />
          <RecordingsList />
        </div>
      </main>
    </>
  );
}
