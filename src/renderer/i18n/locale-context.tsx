import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { resolveLocale, type ResolvedLocale } from '../../shared/i18n/languages';
import { formatMessage, type Messages, type Translate } from '../../shared/i18n/messages';

export type LocaleInfo = ResolvedLocale;

const englishDefault: LocaleInfo = { locale: 'en-US', language: 'en', dir: 'ltr' };
const LocaleContext = createContext<LocaleInfo>(englishDefault);

/** The interface speaks the candidate's language: strings, `lang` and `dir` on the page follow `locale`. */
export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const info = useMemo(() => resolveLocale(locale), [locale]);
  useEffect(() => {
    document.documentElement.lang = info.language === 'en' ? 'en' : info.locale;
    document.documentElement.dir = info.dir;
  }, [info]);
  return <LocaleContext.Provider value={info}>{children}</LocaleContext.Provider>;
}

export const useLocale = (): LocaleInfo => useContext(LocaleContext);

/** `t(key, values)` over a feature's `defineMessages` table, in the current language. */
export function useMessages<K extends string>(messages: Messages<K>): Translate<K> {
  const { language, locale } = useLocale();
  return useMemo<Translate<K>>(() => (key, values) => formatMessage(messages, language, locale, key, values), [messages, language, locale]);
}
