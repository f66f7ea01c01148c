import { mailtoLink, telLink } from '../../../shared/interview/contact-links';
import type { InterviewScript } from '../../../shared/interview/script';
import { useMessages } from '../../i18n/locale-context';
import { outcomeMessages } from '../library/outcome-messages';

/** Whom to ask for help: the script's contact with their e-mail and phone as links, else the organization. */
export function FinishContact({ contact, organization }: { contact: InterviewScript['contact'] | undefined; organization: string }) {
  const t = useMessages(outcomeMessages);
  return (
    <div className="finish-contact">
      <p>{t('contact', { name: contact?.name ?? organization })}</p>
      {contact && (contact.email || contact.phone) && (
        <p className="contact-links">
          {contact.email && <a href={mailtoLink(contact.email)}>{contact.email}</a>}
          {contact.phone && (
            <a href={telLink(contact.phone)} dir="ltr">
              {contact.phone}
            </a>
          )}
        </p>
      )}
    </div>
  );
}
