import { useMessages } from '../../i18n/locale-context';
import { deskEntryMessages } from './desk-entry-messages';

/** The home screen's way into the interviewer's mode. */
export function DeskOffer({ onJoin }: { onJoin(): void }) {
  const t = useMessages(deskEntryMessages);
  return (
    <section className="card flow desk-offer" aria-labelledby="desk-offer-title">
      <h2 id="desk-offer-title">{t('homeTitle')}</h2>
      <p>{t('homeBody')}</p>
      <div className="actions">
        <button type="button" className="button-secondary" onClick={onJoin}>
          {t('homeJoin')}
        </button>
      </div>
    </section>
  );
}
