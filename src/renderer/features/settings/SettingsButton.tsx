import { useMessages } from '../../i18n/locale-context';
import { settingsMessages } from './settings-messages';

/** The home screen's way to the settings screen. */
export function SettingsButton({ onOpen }: { onOpen(): void }) {
  const t = useMessages(settingsMessages);
  return (
    <button type="button" className="button-secondary settings-open" onClick={onOpen}>
      {t('open')}
    </button>
  );
}
