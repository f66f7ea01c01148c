import { useMessages } from '../../i18n/locale-context';
import type { DeskInterview } from './desk-interview';
import { deskPrejoinMessages } from './desk-prejoin-messages';

/** What the interviewer should know before and during the call: who, for what, where, and the questions to ask. */
export function InterviewDetails({ desk, joinAs }: { desk: DeskInterview; joinAs: string }) {
  const t = useMessages(deskPrejoinMessages);
  const rows: Array<[string, string | undefined]> = [
    [t('candidate'), desk.candidateName],
    [t('position'), desk.position],
    [t('schedule'), desk.scheduleId],
    [t('call'), `${desk.live.provider} · ${desk.live.channel}`],
    [t('joinAs'), joinAs],
  ];
  return (
    <section className="card flow" aria-labelledby="desk-details-title">
      <h2 id="desk-details-title">{desk.title ?? t('untitled', { channel: desk.live.channel })}</h2>
      <dl className="desk-facts">
        {rows
          .filter((row): row is [string, string] => row[1] !== undefined)
          .map(([term, value]) => (
            <div key={term}>
              <dt>{term}</dt>
              <dd>{value}</dd>
            </div>
          ))}
      </dl>
      <h3>{t('guideTitle')}</h3>
      {desk.questions.length === 0 ? (
        <p className="muted">{t('guideEmpty')}</p>
      ) : (
        <ol className="desk-guide">
          {desk.questions.map((question, index) => (
            <li key={index}>{question}</li>
          ))}
        </ol>
      )}
    </section>
  );
}
