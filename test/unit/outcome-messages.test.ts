import { describe, expect, it } from 'vitest';
import { outcomeMessages } from '../../src/renderer/features/library/outcome-messages';
import { formatSize, formatTimeLeft } from '../../src/renderer/features/library/local-units';
import { readinessMessages } from '../../src/renderer/features/home/readiness-messages';
import { checkRowMessages } from '../../src/renderer/components/check-row-messages';
import { LANGUAGES } from '../../src/shared/i18n/languages';
import { formatMessage, type Messages } from '../../src/shared/i18n/messages';

const VALUES = {
  organization: 'Acme',
  name: 'Dana',
  at: new Date('2026-12-01T10:05:00Z'),
  left: '1 MB',
  total: '2 MB',
  time: '1 minute',
  title: 'Interview',
  message: 'boom',
  count: 3,
  needed: '4 MB',
  free: '8 GB',
  path: '/data',
  bucket: 'b',
  endpoint: 'http://s3',
  reason: 'no bucket',
};
const LOCALES = { en: 'en-US', ru: 'ru-RU', th: 'th-TH', ar: 'ar' } as const;

function everyMessage<K extends string>(table: Messages<K>): string[] {
  return LANGUAGES.flatMap((language) =>
    (Object.keys(table[language]) as K[]).map((key) => formatMessage(table, language, LOCALES[language], key, VALUES)),
  );
}

describe('the outcome and readiness words', () => {
  it('format in every shipped language with every placeholder filled', () => {
    for (const table of [outcomeMessages, readinessMessages, checkRowMessages] as Messages<string>[]) {
      for (const text of everyMessage(table)) expect(text).not.toMatch(/^$|[{}]/);
    }
  });

  it('write sizes and time left as each locale does', () => {
    expect(formatSize(12_400_000, 'en-US')).toBe('12.4 MB');
    expect(formatSize(12_400_000, 'ru-RU')).toMatch(/^12,4\s*МБ$/);
    expect(formatSize(400, 'en-US')).toBe('0.4 kB');
    expect(formatTimeLeft(125, 'en-US')).toBe('2 minutes');
    expect(formatTimeLeft(42.2, 'en-US')).toBe('43 seconds');
    expect(formatTimeLeft(60, 'ru-RU')).toBe('1 минута');
  });
});
