import type { Config } from '../../shared/config/schema';
import { HELP_PAGES } from '../../shared/help-pages';
import { mailtoLink, telLink } from '../../shared/interview/contact-links';
import type { InterviewScript } from '../../shared/interview/script';

/** What the Electron shell may open outside the app; nothing else leaves it (src/main/security/navigation.ts). */
export interface ExternalLinks {
  /** Hosts (with their port when not 443) whose https pages may open in the browser. */
  httpsHosts: readonly string[];
  /** The exact mailto:/tel: links of the script's contact. */
  contactLinks: readonly string[];
}

/** `host` of an https URL; nothing for any other scheme, a relative path or text that is no URL. */
function httpsHost(value: string | undefined): string[] {
  if (!value) return [];
  try {
    const url = new URL(value);
    return url.protocol === 'https:' ? [url.host] : [];
  } catch {
    return [];
  }
}

/**
 * The documented help pages' hosts, the hosts of the https URLs the interview script names (its question audio)
 * and those of the configured backends and S3 endpoint; and the script's contact links. Derived from the script
 * and the settings only, so nothing the renderer sends can widen it.
 */
export function externalLinks(
  settings: Pick<Config, 'backends' | 's3'>,
  script: Pick<InterviewScript, 'questions' | 'contact'> | undefined,
): ExternalLinks {
  const { agora, livekit, mediaApi } = settings.backends;
  const urls = [
    ...HELP_PAGES,
    ...(script?.questions.map((question) => question.audio) ?? []),
    agora.baseUrl,
    livekit.baseUrl,
    mediaApi.baseUrl,
    settings.s3.endpoint,
  ];
  const contact = script?.contact;
  return {
    httpsHosts: [...new Set(urls.flatMap(httpsHost))],
    contactLinks: [
      ...(contact?.email ? [new URL(mailtoLink(contact.email)).href] : []),
      ...(contact?.phone ? [new URL(telLink(contact.phone)).href] : []),
    ],
  };
}
