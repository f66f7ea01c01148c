import { useMessages } from '../../i18n/locale-context';
import { deviceMessages } from './device-messages';
import { explain, type Diagnosis } from './permission-doctor';

interface Props {
  diagnosis: Diagnosis;
  /** The last "Check again" met the same blocker. */
  unchanged: boolean;
  onCheckAgain(): void;
}

/** Who blocked the camera or microphone, what to do about it on this computer, and "Check again". */
export function PermissionHelp({ diagnosis, unchanged, onCheckAgain }: Props) {
  const t = useMessages(deviceMessages);
  const { title, advice, values } = explain(diagnosis);
  return (
    <div className="banner banner-error permission-help" role="alert">
      <h2>{t(title, values)}</h2>
      <p>{t(advice, values)}</p>
      {unchanged && <p className="permission-unchanged">{t('unchanged')}</p>}
      <button type="button" className="button-secondary" onClick={onCheckAgain}>
        {t('checkAgain')}
      </button>
    </div>
  );
}
