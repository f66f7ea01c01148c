import { useId, useState, type FormEvent } from 'react';
import type { InterviewLinkOutcome } from '../../../shared/domain/interview-link';
import { Banner } from '../../components/Banner';
import { ScreenHeading } from '../../components/ScreenHeading';
import { api } from '../../api';
import { useMessages } from '../../i18n/locale-context';
import type { CallProviderName } from '../call/interview-call';
import { deskFromChannel, type DeskInterview } from './desk-interview';
import { deskEntryMessages } from './desk-entry-messages';

interface Props {
  /** A link or schedule the core opened: the desk reads the interview from the script it activated. */
  onLinkOpened(outcome: Extract<InterviewLinkOutcome, { state: 'opened' }>): void;
  /** A call named by hand: nothing else is known of it. */
  onCall(desk: DeskInterview): void;
  onBack(): void;
}

const PROVIDERS: CallProviderName[] = ['agora', 'livekit', 'dev'];

/** The three ways in: a pasted link, a schedule id (looked up on the invite host), or a channel or room. */
export function DeskEntryScreen({ onLinkOpened, onCall, onBack }: Props) {
  const t = useMessages(deskEntryMessages);
  const id = useId();
  const [link, setLink] = useState('');
  const [scheduleId, setScheduleId] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = (request: Parameters<typeof api.openPastedInterviewLink>[0]) => (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    api
      .openPastedInterviewLink(request)
      .then((outcome) => {
        if (outcome.state === 'opened') onLinkOpened(outcome);
        else setError(outcome.state === 'failed' ? outcome.error : t('waiting'));
      })
      .catch((failure: unknown) => setError((failure as Error).message))
      .finally(() => setBusy(false));
  };

  return (
    <section className="card flow desk-entry" aria-labelledby="desk-entry-title">
      <ScreenHeading id="desk-entry-title">{t('title')}</ScreenHeading>
      <p>{t('intro')}</p>
      {error && (
        <Banner tone="error" title={t('failed')}>
          <p>{error}</p>
        </Banner>
      )}
      <form className="desk-entry-form" onSubmit={open({ link: link.trim() })}>
        <label htmlFor={`${id}-link`}>{t('linkLabel')}</label>
        <input
          id={`${id}-link`}
          type="url"
          value={link}
          aria-describedby={`${id}-link-hint`}
          onChange={(e) => setLink(e.target.value)}
          required
        />
        <span id={`${id}-link-hint`} className="muted">
          {t('linkHint')}
        </span>
        <button type="submit" className="button-primary" disabled={busy || !link.trim()}>
          {t('openLink')}
        </button>
      </form>
      <form className="desk-entry-form" onSubmit={open({ scheduleId: scheduleId.trim() })}>
        <label htmlFor={`${id}-schedule`}>{t('scheduleLabel')}</label>
        <input id={`${id}-schedule`} type="text" value={scheduleId} onChange={(e) => setScheduleId(e.target.value)} required />
        <button type="submit" className="button-secondary" disabled={busy || !scheduleId.trim()}>
          {t('openSchedule')}
        </button>
      </form>
      <CallForm onCall={onCall} />
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onBack}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}

/** A call named by its provider and channel (or room): joined as it is, with nothing else known. */
function CallForm({ onCall }: Pick<Props, 'onCall'>) {
  const t = useMessages(deskEntryMessages);
  const id = useId();
  const [provider, setProvider] = useState<CallProviderName>('agora');
  const [channel, setChannel] = useState('');
  const providerName = (p: CallProviderName) => (p === 'agora' ? 'Agora' : p === 'livekit' ? 'LiveKit' : t('providerDev'));
  return (
    <form
      className="desk-entry-form"
      onSubmit={(event) => {
        event.preventDefault();
        if (channel.trim()) onCall(deskFromChannel({ provider, channel: channel.trim() }));
      }}
    >
      <fieldset>
        <legend>{t('callLegend')}</legend>
        <label htmlFor={`${id}-provider`}>{t('providerLabel')}</label>
        <select id={`${id}-provider`} value={provider} onChange={(e) => setProvider(e.target.value as CallProviderName)}>
          {PROVIDERS.map((p) => (
            <option key={p} value={p}>
              {providerName(p)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-channel`}>{t('channelLabel')}</label>
        <input id={`${id}-channel`} type="text" value={channel} maxLength={64} onChange={(e) => setChannel(e.target.value)} required />
        <button type="submit" className="button-secondary" disabled={!channel.trim()}>
          {t('openCall')}
        </button>
      </fieldset>
    </form>
  );
}
