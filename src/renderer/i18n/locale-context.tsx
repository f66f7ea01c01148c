import { createContext, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { directionOf, languageOf, type Language } from '../../shared/i18n/languages';
import { formatMessage, type Messages, type Translate } from '../../shared/i18n/messages';

export interface LocaleInfo {
  /** The script's BCP 47 tag, for plurals, numbers and dates. */
  locale: string;
  /** The shipped language the strings come from. */
  language: Language;
  dir: 'ltr' | 'rtl';
}

const englishDefault: LocaleInfo = { locale: 'en-US', language: 'en', dir: 'ltr' };
const LocaleContext = createContext<LocaleInfo>(englishDefault);

/** The interface speaks the candidate's language: strings, `lang` and `dir` on the page follow `locale`. */
export function LocaleProvider({ locale, children }: { locale: string; children: ReactNode }) {
  const info = useMemo<LocaleInfo>(() => {
    const language = languageOf(locale);
    return { locale: language === 'en' && !locale.startsWith('en') ? 'en-US' : locale, language, dir: directionOf(language) };
  }, [locale]);
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
