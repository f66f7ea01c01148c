import { useEffect, useState } from 'react';
import { Banner } from '../../components/Banner';
import { api } from '../../api';
import { useMessages } from '../../i18n/locale-context';
import { deskFromScript, type DeskInterview, type DeskInterviewer } from './desk-interview';
import { deskEntryMessages } from './desk-entry-messages';
import { deskPrejoinMessages } from './desk-prejoin-messages';
import { DeskEntryScreen } from './DeskEntryScreen';
import { DeskSession } from './DeskSession';
import './desk.css';

/** How the mode was entered: by a link the OS handed over (its interview is the active script), or by hand. */
export type DeskOpening = { from: 'link'; name?: string } | { from: 'home' };

type Opened =
  | { status: 'choosing' }
  | { status: 'loading' }
  | { status: 'failed'; error: string }
  | { status: 'ready'; desk: DeskInterview; name?: string };

/** The interview an opened link activated, for the desk; or why it cannot be joined. */
async function deskOfActiveScript(noLiveCall: (title: string) => string): Promise<DeskInterview> {
  const info = await api.getInterviewScript();
  if (!info.ok) throw new Error(info.error);
  const desk = deskFromScript(info.script);
  if (!desk) throw new Error(noLiveCall(info.script.title));
  return desk;
}

/**
 * The interviewer's mode: its own screens in the same window. The name in the call is the link's, else the
 * configured one, else "Interviewer"; the role comes from configuration.
 */
export function InterviewerMode({ opening, configured, onExit }: { opening: DeskOpening; configured: DeskInterviewer; onExit(): void }) {
  const t = useMessages(deskEntryMessages);
  const words = useMessages(deskPrejoinMessages);
  const [opened, setOpened] = useState<Opened>(opening.from === 'link' ? { status: 'loading' } : { status: 'choosing' });
  const noLiveCall = (title: string) => t('noLiveCall', { title });
  const load = (name: string | undefined) =>
    deskOfActiveScript(noLiveCall).then(
      (desk) => setOpened({ status: 'ready', desk, ...(name && { name }) }),
      (error: unknown) => setOpened({ status: 'failed', error: (error as Error).message }),
    );
  const openActive = (name?: string) => {
    setOpened({ status: 'loading' });
    void load(name);
  };
  // A link handed over by the OS: its interview is the active script already (the state starts as loading).
  // eslint-disable-next-line react-hooks/exhaustive-deps -- once per link handed over
  useEffect(() => void (opening.from === 'link' && load(opening.name)), [opening]);

  if (opened.status === 'ready')
    return (
      <DeskSession
        desk={opened.desk}
        name={opened.name ?? configured.name ?? words('defaultName')}
        role={configured.role}
        onExit={onExit}
      />
    );
  if (opened.status === 'loading') return <p className="muted">{t('opening')}</p>;
  return (
    <>
      {opened.status === 'failed' && (
        <Banner tone="error" title={t('failed')}>
          <p>{opened.error}</p>
        </Banner>
      )}
      <DeskEntryScreen
        onLinkOpened={(outcome) => openActive(outcome.interviewer?.name)}
        onCall={(desk) => setOpened({ status: 'ready', desk })}
        onBack={onExit}
      />
    </>
  );
}
