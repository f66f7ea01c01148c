/** The languages the interface ships in; a script's `locale` picks one (ru-RU → ru), anything else falls back to English. */
export const LANGUAGES = ['en', 'ru', 'th', 'ar'] as const;
export type Language = (typeof LANGUAGES)[number];

const RIGHT_TO_LEFT = new Set<string>(['ar', 'he', 'fa', 'ur']);

/** The shipped language for a BCP 47 tag: the tag's own language when it ships, else English. */
export function languageOf(locale: string): Language {
  const base = locale.toLowerCase().split('-')[0] ?? 'en';
  return (LANGUAGES as readonly string[]).includes(base) ? (base as Language) : 'en';
}

export const directionOf = (language: string): 'rtl' | 'ltr' => (RIGHT_TO_LEFT.has(language) ? 'rtl' : 'ltr');

export interface ResolvedLocale {
  /** The tag plurals, numbers and dates follow: the script's own, or en-US when its language does not ship. */
  locale: string;
  /** The shipped language the strings come from. */
  language: Language;
  dir: 'ltr' | 'rtl';
}

/**
 * What a script's tag means for the interface. A tag whose language does not ship (de-DE) gets English strings
 * with English plural rules and numbers, never English words under German grammar.
 */
export function resolveLocale(tag: string): ResolvedLocale {
  const language = languageOf(tag);
  const locale = language === 'en' && !tag.toLowerCase().startsWith('en') ? 'en-US' : tag;
  return { locale, language, dir: directionOf(language) };
}
