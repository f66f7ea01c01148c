import type { DeliveryOutcome } from '../../../shared/domain/delivery-outcome';
import { UNNAMED_ORGANIZATION } from '../../../shared/interview/script';
import { ScreenHeading } from '../../components/ScreenHeading';
import { useMessages } from '../../i18n/locale-context';
import { OutcomeAction } from '../library/OutcomeAction';
import { outcomeMessages } from '../library/outcome-messages';
import { ATTENTION_TEXT, OUTCOME_TITLE } from '../library/outcome-words';
import { SendingProgress } from '../library/SendingProgress';
import { useDelivery, type DeliveryView } from '../library/use-delivery';
import { FinishContact } from './FinishContact';
import { FinishDetails } from './FinishDetails';
import type { InterviewResult } from './use-recorded-interview';
import { useInterviewScript, type ScriptInfo } from './use-script';

interface Props {
  interviewId: string;
  result: InterviewResult;
  onClose(): void;
}

const NOTHING_RECORDED: DeliveryOutcome = { kind: 'needs-attention', reason: 'nothing-recorded', action: null };

/**
 * The end of the interview: one heading saying where the interview stands (Submitted, Sending…, Needs attention,
 * Saved on this computer), a sentence or two in plain words, at most one action with whom to contact, and the
 * engineer's facts behind "Details".
 */
export function FinishScreen({ interviewId, result, onClose }: Props) {
  const [script] = useInterviewScript();
  const info = script.status === 'ready' && script.value.ok ? script.value : null;
  if (!result.recordingId || result.chunks === 0)
    return <FinishView outcome={NOTHING_RECORDED} info={info} result={result} onClose={onClose} />;
  return <TrackedFinish recordingId={result.recordingId} interviewId={interviewId} info={info} result={result} onClose={onClose} />;
}

function TrackedFinish({ recordingId, interviewId, ...rest }: { recordingId: string; interviewId: string } & ViewProps) {
  const delivery = useDelivery(recordingId, interviewId);
  return <FinishView {...rest} outcome={delivery.outcome} delivery={delivery} />;
}

interface ViewProps {
  info: ScriptInfo | null;
  result: InterviewResult;
  onClose(): void;
}

function FinishView({
  outcome,
  delivery,
  info,
  result,
  onClose,
}: ViewProps & { outcome: DeliveryOutcome | null; delivery?: DeliveryView }) {
  const t = useMessages(outcomeMessages);
  const named = info?.script.organization;
  const organization = named && named !== UNNAMED_ORGANIZATION ? named : t('hiringTeam');
  const kind = outcome?.kind ?? 'checking';
  const stoppedEarly = stoppedEarlyText(delivery?.recording?.stopReason ?? null, result.stoppedBecause !== null);
  return (
    <section className={`card flow finish finish-${kind}`} aria-labelledby="finish-title">
      <ScreenHeading id="finish-title" focusKey={kind} className="finish-heading">
        {outcome ? t(OUTCOME_TITLE[outcome.kind]) : t('checking')}
      </ScreenHeading>
      <div className="finish-body">
        {outcome && <OutcomeBody outcome={outcome} delivery={delivery} organization={organization} practice={info?.source === 'demo'} />}
        {stoppedEarly && <p>{t(stoppedEarly)}</p>}
        {delivery?.actionError && <p role="alert">{delivery.actionError}</p>}
      </div>
      {outcome && (outcome.kind === 'needs-attention' || (outcome.kind === 'saved-locally' && info?.source !== 'demo')) && (
        <FinishContact contact={info?.script.contact} organization={organization} />
      )}
      <FinishDetails
        result={result}
        recording={delivery?.recording ?? null}
        upload={delivery?.upload ?? null}
        sessions={delivery?.sessions ?? []}
      />
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onClose}>
          {t('back')}
        </button>
      </div>
    </section>
  );
}

/** Why the recording ended before the interview did, when it did: a full disk and a lost device say so. */
function stoppedEarlyText(stopReason: string | null, stoppedEarly: boolean): 'stoppedDisk' | 'stoppedDevice' | 'stoppedEarly' | null {
  if (stopReason === 'disk-low' || stopReason === 'disk-full') return 'stoppedDisk';
  if (stopReason === 'device-lost') return 'stoppedDevice';
  return stoppedEarly ? 'stoppedEarly' : null;
}

function OutcomeBody({
  outcome,
  delivery,
  organization,
  practice,
}: {
  outcome: DeliveryOutcome;
  delivery?: DeliveryView;
  organization: string;
  practice: boolean;
}) {
  const t = useMessages(outcomeMessages);
  switch (outcome.kind) {
    case 'submitted':
      return (
        <>
          <p>{t('submittedText', { organization })}</p>
          {outcome.at && <p>{t('submittedAt', { at: new Date(outcome.at) })}</p>}
          <p>{t('closeNow')}</p>
        </>
      );
    case 'sending':
      return (
        <>
          <p>{t('sendingText', { organization })}</p>
          <SendingProgress outcome={outcome} finishing={delivery?.finishing ?? null} label={t('sending')} />
        </>
      );
    case 'needs-attention':
      return (
        <>
          <p>{t(ATTENTION_TEXT[outcome.reason], { organization })}</p>
          {outcome.action && delivery && (
            <div className="actions">
              <OutcomeAction action={outcome.action} busy={delivery.busy} onAct={delivery.act} />
            </div>
          )}
        </>
      );
    case 'saved-locally':
      return <p>{practice ? t('savedPractice') : t('savedNotSetUp', { organization })}</p>;
    default:
      return <p>{t('pausedHint')}</p>;
  }
}
