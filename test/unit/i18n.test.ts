import fs from 'node:fs';
import path from 'node:path';
import { IntlMessageFormat } from 'intl-messageformat';
import { describe, expect, it } from 'vitest';
import { LANGUAGES, resolveLocale } from '../../src/shared/i18n/languages';
import { translator, type Messages } from '../../src/shared/i18n/messages';
import { consentStatement } from '../../src/shared/interview/consent';
import { interviewScriptSchema } from '../../src/shared/interview/script';
import { homeMessages } from '../../src/renderer/features/home/home-messages';
import { projectRoot } from '../support/built';

type Table = Messages<string>;
type Ast = ReturnType<IntlMessageFormat['getAst']>;

/** Every `defineMessages` table in the app: any export of a `*-messages.ts` file under src/. */
async function allTables(): Promise<Array<{ name: string; table: Table }>> {
  const files = fs
    .readdirSync(path.join(projectRoot, 'src'), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('-messages.ts'));
  const tables: Array<{ name: string; table: Table }> = [];
  for (const file of files) {
    const module = (await import(path.join(projectRoot, 'src', file))) as Record<string, unknown>;
    for (const [exported, value] of Object.entries(module)) tables.push({ name: `${file} ${exported}`, table: value as Table });
  }
  return tables;
}

/** The arguments a message uses, and for each plural argument the categories it spells out. */
function argumentsOf(ast: Ast, found = { names: new Set<string>(), plurals: [] as Array<{ name: string; categories: string[] }> }) {
  for (const element of ast) {
    if (!('value' in element) || element.type === 0 /* literal */) continue;
    found.names.add(String(element.value));
    if ('options' in element) {
      if (element.type === 6 /* plural */) found.plurals.push({ name: String(element.value), categories: Object.keys(element.options) });
      for (const option of Object.values(element.options)) argumentsOf(option.value, found);
    }
  }
  return found;
}

/**
 * The categories a plural covers. An exact "=2" covers Arabic's "two", which holds 2 alone; it does not cover
 * Russian's "one", which holds 21 and 101 as well.
 */
function spelledOut(options: string[], rules: Intl.PluralRules): string[] {
  const exact = options.filter((o) => o.startsWith('=')).map((o) => Number(o.slice(1)));
  const onlyThatNumber = exact.filter((n) => rules.select(n) !== rules.select(n + 100)).map((n) => rules.select(n));
  return [...options, ...onlyThatNumber];
}

describe('translations', () => {
  it('every table names the same keys in every language, none empty, each valid ICU with the same arguments', async () => {
    const tables = await allTables();
    expect(tables.map((t) => t.name).join('\n')).toMatch(/consent-messages\.ts consentMessages/);
    for (const { name, table } of tables) {
      const keys = Object.keys(table.en).sort();
      for (const language of LANGUAGES) {
        expect(Object.keys(table[language]).sort(), `${name} ${language}`).toEqual(keys);
        for (const key of keys) {
          const source = table[language][key]!;
          expect(source.trim(), `${name} ${language}.${key} is empty`).not.toBe('');
          const used = argumentsOf(new IntlMessageFormat(source, language).getAst());
          const english = argumentsOf(new IntlMessageFormat(table.en[key]!, 'en').getAst());
          expect([...used.names].sort(), `${name} ${language}.${key} arguments`).toEqual([...english.names].sort());
          // A plural that varies by category (not only "=0"/"other") spells out all of its language's: Russian
          // one/few/many, Arabic zero/one/two/few/many; a form left out would silently fall to "other".
          const rules = new Intl.PluralRules(language);
          for (const plural of used.plurals.filter((p) => p.categories.some((c) => c !== 'other' && !c.startsWith('='))))
            expect(spelledOut(plural.categories, rules), `${name} ${language}.${key} {${plural.name}, plural}`).toEqual(
              expect.arrayContaining(rules.resolvedOptions().pluralCategories),
            );
        }
      }
    }
  });

  it('plurals follow each language: Russian, Arabic and Thai', () => {
    const summary = (locale: string, questions: number) => translator(homeMessages, locale)('summary', { questions, minutes: 5 });
    expect([1, 2, 5, 21].map((n) => summary('ru-RU', n).split(' · ')[0])).toEqual(['1 вопрос', '2 вопроса', '5 вопросов', '21 вопрос']);
    expect(summary('ru-RU', 1)).toBe('1 вопрос · до 5 минут');
    expect([1, 2, 3, 11, 100].map((n) => summary('ar', n).split(' · ')[0])).toEqual([
      'سؤال واحد',
      'سؤالان',
      '3 أسئلة',
      '11 سؤالًا',
      '100 سؤال',
    ]);
    expect(summary('th-TH', 1)).toBe('1 คำถาม · ไม่เกิน 5 นาที');
    expect(summary('en-GB', 1)).toBe('1 question · up to 5 minutes');
  });

  it('a language that does not ship falls back to English strings with English grammar', () => {
    expect(resolveLocale('de-DE')).toEqual({ locale: 'en-US', language: 'en', dir: 'ltr' });
    expect(resolveLocale('pt')).toMatchObject({ language: 'en' });
    expect(translator(homeMessages, 'de-DE')('begin')).toBe('Begin');
    // French would call 0 "one"; English strings must keep English plural rules.
    expect(translator(homeMessages, 'fr-FR')('summary', { questions: 0, minutes: 1 })).toBe('0 questions · up to 1 minute');
  });

  it('Arabic reads right to left, the others left to right', () => {
    expect(resolveLocale('ar')).toEqual({ locale: 'ar', language: 'ar', dir: 'rtl' });
    expect(resolveLocale('ar-EG').dir).toBe('rtl');
    expect(['en-US', 'ru-RU', 'th-TH'].map((tag) => resolveLocale(tag).dir)).toEqual(['ltr', 'ltr', 'ltr']);
  });
});

describe('the consent statement', () => {
  const script = (locale: string, organization?: string) =>
    interviewScriptSchema.parse({
      id: 'x',
      title: 'Разработчик',
      candidateName: 'Анна',
      locale,
      organization,
      retentionDays: 30,
      questions: [{ text: 'Расскажите о себе', answerSeconds: 60 }, { text: 'Почему мы?' }],
    });

  it('is built in the script’s language with the organization inside the sentence, not English around it', () => {
    const russian = consentStatement(script('ru-RU', 'Команда найма ООО «Ромашка»'));
    expect(russian).toContain('будет передана организации «Команда найма ООО «Ромашка»» и будет храниться 30 дней.');
    expect(russian).toContain('(«Разработчик», 2 вопроса, примерно до 4 минут)');
    expect(russian).not.toMatch(/[A-Za-z]/);
    const thai = consentStatement(script('th-TH', 'บริษัท ตัวอย่าง จำกัด'));
    expect(thai).toContain('จากนั้นจะอัปโหลดไปยัง บริษัท ตัวอย่าง จำกัด และเก็บไว้ 30 วัน');
    expect(consentStatement(script('ar', 'شركة المثال'))).toContain('ثم يُرفَع إلى شركة المثال ويُحتفَظ به لمدة 30 يومًا.');
  });

  it('says "the hiring team" in the script’s language when the script names no organization', () => {
    expect(consentStatement(script('ru-RU'))).toContain('передана команде по подбору персонала');
    expect(consentStatement(script('en-US'))).toContain('uploaded to the hiring team and kept for 30 days');
  });
});
