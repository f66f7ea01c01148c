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
