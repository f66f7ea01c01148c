import type { DeliveryAction } from '../../../shared/domain/delivery-outcome';
import { useMessages } from '../../i18n/locale-context';
import { outcomeMessages } from './outcome-messages';
import { ACTION_LABEL } from './outcome-words';

/** The one thing to do about a recording that needs attention; waits a moment after a click while it takes effect. */
export function OutcomeAction({
  action,
  busy,
  secondary = false,
  onAct,
}: {
  action: DeliveryAction;
  busy: boolean;
  secondary?: boolean;
  onAct(action: DeliveryAction): void;
}) {
  const t = useMessages(outcomeMessages);
  return (
    <button type="button" className={secondary ? 'button-secondary' : 'button-primary'} disabled={busy} onClick={() => onAct(action)}>
      {busy ? t('trying') : t(ACTION_LABEL[action])}
    </button>
  );
}
