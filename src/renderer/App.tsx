import { useCallback, useState, type ReactNode } from 'react';
import type { ConfigProblem } from '../shared/config/schema';
import { api } from './api';
import { AppHeader } from './components/AppHeader';
import { Banner } from './components/Banner';
import { ScreenHeading } from './components/ScreenHeading';
import { InterviewCard } from './features/home/InterviewCard';
import { RecoveryNotices } from './features/home/RecoveryNotices';
import { ResumeOffer, type ResumableInterview } from './features/home/ResumeOffer';
import { ReadinessPanel } from './features/home/ReadinessPanel';
import { InterviewFlow } from './features/interview/InterviewFlow';
import { LinkNotice } from './features/links/LinkNotice';
import { useInterviewLinks } from './features/links/use-interview-links';
import { useInterviewScript } from './features/interview/use-script';
import { DeskOffer } from './features/interviewer/DeskOffer';
import { InterviewerMode, type DeskOpening } from './features/interviewer/InterviewerMode';
import { RecordingsList } from './features/library/RecordingsList';
import { ReviewScreen } from './features/review/ReviewScreen';
import { UpdateNotice } from './features/updates/UpdateNotice';
import { SettingsButton } from './features/settings/SettingsButton';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { useAsync } from './hooks/use-async';
import { LocaleProvider, useMessages } from './i18n/locale-context';
import { shellMessages } from './shell-messages';

const describe = (p: ConfigProblem) => `${p.source}${p.keyPath ? ` → ${p.keyPath}` : ''}: ${p.message}.`;

type AppInfo = ReturnType<typeof useAppInfo>;
type ScriptState = ReturnType<typeof useInterviewScript>[0];

const useAppInfo = () => useAsync(useCallback(() => api.getAppInfo(), []))[0];

/**
 * The interface speaks the script's language, since the app is the candidate's; English until the script has
 * loaded, and the system's language when there is no usable script.
 */
function localeFor(script: ScriptState): string {
  if (script.status === 'loading') return 'en-US';
  return script.status === 'ready' && script.value.ok ? script.value.script.locale : navigator.language;
}

export function App() {
  const info = useAppInfo();
  const [script, reloadScript] = useInterviewScript();
  return (
    <LocaleProvider locale={localeFor(script)}>
      <AppScreens info={info} script={script} reloadScript={reloadScript} />
    </LocaleProvider>
  );
}

function AppScreens({ info, script, reloadScript }: { info: AppInfo; script: ScriptState; reloadScript(): void }) {
  const t = useMessages(shellMessages);
  const [inInterview, setInInterview] = useState(false);
  // The interviewer's mode, entered from the home screen or by an interviewer's link (role=interviewer).
  const [desk, setDesk] = useState<DeskOpening | null>(null);
  const openDesk = useCallback((link: { name?: string }) => setDesk((open) => open ?? { from: 'link', ...link }), []);
  // A link from the OS opens its interview here, never in the middle of one (see use-interview-links.ts).
  const [linkNotice, dismissLinkNotice] = useInterviewLinks(inInterview || desk !== null, reloadScript, openDesk);
  const scriptKey = script.status === 'ready' && script.value.ok ? script.value.script.id : '';
  // An interrupted interview the candidate chose to continue: the flow skips consent and goes on where it stopped.
  const [resume, setResume] = useState<ResumableInterview | undefined>(undefined);
  const exitInterview = () => {
    setInInterview(false);
    setResume(undefined);
  };
  // The interview whose recordings are being played back (opened from the recordings list).
  const [reviewing, setReviewing] = useState<string | null>(null);
  // The settings screen (opened from the home screen): read-only, so leaving it needs no confirmation.
  const [inSettings, setInSettings] = useState(false);
  const problems = info.status === 'ready' ? info.value.configProblems : [];
  const own = reviewing ? <ReviewScreen interviewId={reviewing} onBack={() => setReviewing(null)} /> : null;
  const ownScreen = own ?? (inSettings ? <SettingsScreen onBack={() => setInSettings(false)} /> : null);
  if (ownScreen && !inInterview) return <OwnScreen info={info}>{ownScreen}</OwnScreen>;
  if (desk && !inInterview) return <DeskPage info={info} opening={desk} onExit={() => setDesk(null)} />;
  if (inInterview && script.status === 'ready' && script.value.ok) {
    return (
      <>
        <AppHeader info={info.status === 'ready' ? info.value : null} />
        <main className="page page-narrow" id="main">
          <LinkNotice notice={linkNotice} onDismiss={dismissLinkNotice} />
          <InterviewFlow info={script.value} resume={resume} onExit={exitInterview} />
        </main>
      </>
    );
  }
  return (
    <>
      <AppHeader info={info.status === 'ready' ? info.value : null} />
      <main className="page" id="main">
        {info.status === 'error' && (
          <Banner tone="error" title={t('servicesFailed')}>
            {info.message}
          </Banner>
        )}
        <RecoveryNotices />
        <UpdateNotice />
        <LinkNotice notice={linkNotice} onDismiss={dismissLinkNotice} />
        {problems.length > 0 && (
          <Banner tone="warning" title={t('settingsIgnored')}>
            <ul>
              {problems.map((p) => (
                <li key={`${p.source}:${p.keyPath}`}>{describe(p)}</li>
              ))}
            </ul>
            <p>{t('settingsDefaults')}</p>
          </Banner>
        )}
        <section className="hero" aria-labelledby="welcome-title">
          <ScreenHeading id="welcome-title">{t('welcomeTitle')}</ScreenHeading>
          <p>{t('welcomeBody')}</p>
          <SettingsButton onOpen={() => setInSettings(true)} />
        </section>
        <ResumeOffer
          onContinue={(resumable) => {
            setResume(resumable);
            setInInterview(true);
          }}
        />
        <InterviewCard script={script} onBegin={() => setInInterview(true)} />
        <DeskOffer onJoin={() => setDesk({ from: 'home' })} />
        <div className="columns">
          <ReadinessPanel key={scriptKey} />
          <RecordingsList onReview={setReviewing} />
        </div>
      </main>
    </>
  );
}

/** A screen that replaces the home page under the app's header (review, settings). */
function OwnScreen({ info, children }: { info: AppInfo; children: ReactNode }) {
  return (
    <>
      <AppHeader info={info.status === 'ready' ? info.value : null} />
      <main className="page" id="main">
        {children}
      </main>
    </>
  );
}

/** The interviewer's mode, with the configured name and role. */
function DeskPage({ info, opening, onExit }: { info: AppInfo; opening: DeskOpening; onExit(): void }) {
  return (
    <>
      <AppHeader info={info.status === 'ready' ? info.value : null} />
      <main className="page" id="main">
        <InterviewerMode opening={opening} configured={info.status === 'ready' ? info.value.interviewer : {}} onExit={onExit} />
      </main>
    </>
  );
}
