import { IntlMessageFormat } from 'intl-messageformat';
import { resolveLocale, type Language } from './languages';

/** ICU MessageFormat strings ("{count, plural, one {# retake} other {# retakes}}") for every shipped language. */
export type Messages<K extends string> = Readonly<Record<Language, Readonly<Record<K, string>>>>;
export type MessageValues = Record<string, string | number | Date>;
export type Translate<K extends string> = (key: K, values?: MessageValues) => string;

/**
 * A feature's strings, one table per language. The type makes every language name every key, so a string
 * added in English without its translations does not compile.
 */
export const defineMessages = <K extends string>(messages: { en: Record<K, string> } & Messages<K>): Messages<K> => messages;

const compiled = new Map<string, IntlMessageFormat>();

/** Formats one message in `locale` (plural rules, numbers and dates follow the full tag, e.g. ru-RU). */
export function formatMessage<K extends string>(
  messages: Messages<K>,
  language: Language,
  locale: string,
  key: K,
  values?: MessageValues,
): string {
  const source = messages[language][key];
  const cacheKey = `${locale}\u0000${source}`;
  let format = compiled.get(cacheKey);
  if (!format) {
    format = new IntlMessageFormat(source, locale);
    compiled.set(cacheKey, format);
  }
  return String(format.format(values));
}

/**
 * `t(key, values)` outside React (the core's consent text, tests). Without `language`, `locale` is a script's tag
 * and picks both, as the interface does (de-DE → English strings, en-US plurals).
 */
export function translator<K extends string>(messages: Messages<K>, locale: string, language?: Language): Translate<K> {
  const resolved = language ? { locale, language } : resolveLocale(locale);
  return (key, values) => formatMessage(messages, resolved.language, resolved.locale, key, values);
}
