import type { Translate } from '../../../shared/i18n/messages';
import { useMessages } from '../../i18n/locale-context';
import type { NetworkQuality } from '../call/interview-call';
import { gradeOf, type DeskCallState } from './desk-call-state';
import { deskCallMessages } from './desk-call-messages';

type Key = keyof (typeof deskCallMessages)['en'];
const qualityWords = (t: Translate<Key>, quality: NetworkQuality) => t(`quality${quality}` as Key);

/** Everyone in the call with the network quality of their link: the interviewer first, then the others as they came. */
export function ParticipantsList({ state, selfId, selfName }: { state: DeskCallState; selfId: string; selfName: string }) {
  const t = useMessages(deskCallMessages);
  const people = [
    { id: selfId, name: t('you', { name: selfName }) },
    ...state.remotes.map((p) => ({ id: p.id, name: p.displayName ?? p.id })),
  ];
  return (
    <section className="desk-participants" aria-labelledby="desk-participants-title">
      <h2 id="desk-participants-title">{t('participants')}</h2>
      <ul>
        {people.map((person) => {
          const quality = gradeOf(state.quality[person.id]);
          return (
            <li key={person.id} data-quality={quality}>
              <span>{person.name}</span>
              <span className={quality >= 4 ? 'desk-quality-bad' : 'muted'}>{t('network', { quality: qualityWords(t, quality) })}</span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
