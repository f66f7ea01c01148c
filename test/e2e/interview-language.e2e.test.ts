import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../support/chromium';
import { missingGlyphs, NO_FONT_HAS } from '../support/glyph-coverage';
import { checkScreen } from '../support/screen-check';
import { startApp } from '../support/start-app';
import { tempDir } from '../support/temp-dir';
import { testEnv } from '../support/test-core';

const HOST = 'dist/host/main.cjs';

/** One candidate's script and what the interface must say to them, in their language. */
interface LanguageCase {
  locale: string;
  lang: string;
  dir: 'ltr' | 'rtl';
  /** The bundled family that must have been loaded to draw this language. */
  font: string;
  script: { title: string; candidateName: string; organization: string; questions: string[] };
  welcome: string;
  begin: string;
  consentTitle: string;
  agree: string;
  continue: string;
  back: string;
  /** Sentences of the consent statement, organization inside. */
  consent: string[];
}

const CASES: LanguageCase[] = [
  {
    locale: 'ru-RU',
    lang: 'ru-RU',
    dir: 'ltr',
    font: 'Noto Sans',
    script: {
      title: 'Собеседование на должность разработчика',
      candidateName: 'Анна Петрова',
      organization: 'Команда найма ООО «Ромашка»',
      questions: ['Расскажите о себе.', 'Почему вы хотите работать у нас?'],
    },
    welcome: 'Добро пожаловать на видеособеседование',
    begin: 'Начать',
    consentTitle: 'Перед началом',
    agree: 'Я даю согласие на запись, как описано выше.',
    continue: 'Продолжить',
    back: 'Назад',
    consent: ['будет передана организации «Команда найма ООО «Ромашка»» и будет храниться 30 дней.', '2 вопроса'],
  },
  {
    locale: 'th-TH',
    lang: 'th-TH',
    dir: 'ltr',
    font: 'Noto Sans Thai',
    script: {
      title: 'สัมภาษณ์ตำแหน่งนักพัฒนาซอฟต์แวร์',
      candidateName: 'สมชาย ใจดี',
      organization: 'บริษัท ตัวอย่าง จำกัด',
      questions: ['กรุณาแนะนำตัวเอง', 'ทำไมคุณถึงอยากร่วมงานกับเรา'],
    },
    welcome: 'ยินดีต้อนรับสู่การสัมภาษณ์ด้วยวิดีโอ',
    begin: 'เริ่ม',
    consentTitle: 'ก่อนเริ่ม',
    agree: 'ฉันยินยอมให้บันทึกตามที่อธิบายไว้ข้างต้น',
    continue: 'ดำเนินการต่อ',
    back: 'ย้อนกลับ',
    consent: ['จากนั้นจะอัปโหลดไปยัง บริษัท ตัวอย่าง จำกัด และเก็บไว้ 30 วัน', '2 คำถาม'],
  },
  {
    locale: 'ar',
    lang: 'ar',
    dir: 'rtl',
    font: 'Noto Sans Arabic',
    script: {
      title: 'مقابلة لوظيفة مطوّر برمجيات',
      candidateName: 'ليلى أحمد',
      organization: 'شركة المثال للتوظيف',
      questions: ['عرّفنا بنفسك.', 'لماذا تريد العمل معنا؟'],
    },
    welcome: 'مرحبًا بك في مقابلة الفيديو',
    begin: 'ابدأ',
    consentTitle: 'قبل أن تبدأ',
    agree: 'أوافق على التسجيل كما هو موضّح أعلاه.',
    continue: 'متابعة',
    back: 'رجوع',
    consent: ['ثم يُرفَع إلى شركة المثال للتوظيف ويُحتفَظ به لمدة 30 يومًا.', 'سؤالان'],
  },
];

function writeScript(dir: string, c: LanguageCase): string {
  const file = path.join(dir, `interview-${c.locale}.json`);
  const questions = c.script.questions.map((text) => ({ text, thinkSeconds: 0, answerSeconds: 5 }));
  fs.writeFileSync(file, JSON.stringify({ id: `lang-${c.locale}`, locale: c.locale, retentionDays: 30, ...c.script, questions }));
  return file;
}

/** The page's language and direction, and the bundled font families the page has drawn with. */
const pageLanguage = (page: Page) =>
  page.evaluate(async () => {
    await document.fonts.ready;
    const loaded = new Set<string>();
    document.fonts.forEach((face) => {
      if (face.status === 'loaded') loaded.add(face.family.replace(/"/g, ''));
    });
    return { lang: document.documentElement.lang, dir: document.documentElement.dir, fonts: [...loaded] };
  });

/** axe-core, focus on the heading, nothing cut off, and every character drawn by some font. */
async function expectWellFormed(page: Page, name: string, heading: string) {
  const report = await checkScreen(page, name);
  expect(report).toEqual({ violations: [], focusedHeading: heading, cutOff: [] });
  expect(await missingGlyphs(page)).toEqual([]);
}

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

describe('the interface speaks the script’s language', () => {
  for (const c of CASES) {
    it(`${c.locale}: home and consent are translated, lang/dir set, every glyph drawn by a bundled font`, async () => {
      const root = tempDir('irec-lang-e2e-');
      const app = await startApp(testEnv(root), ['--no-open', '--port', '0', '--script', writeScript(root, c)], HOST);
      // axe-core needs a page of a context of its own.
      const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
      const page = await context.newPage();
      try {
        await page.goto(await app.launchUrl());
        await page.getByRole('heading', { level: 1, name: c.welcome }).waitFor();
        await page.getByText(c.script.title).waitFor();
        expect(await pageLanguage(page)).toMatchObject({ lang: c.lang, dir: c.dir, fonts: expect.arrayContaining([c.font]) });
        expect(await page.getByRole('button', { name: c.begin }).isVisible()).toBe(true);
        await expectWellFormed(page, `home-${c.lang}`, c.welcome);

        await page.getByRole('button', { name: c.begin }).click();
        await page.getByRole('heading', { level: 1, name: c.consentTitle }).waitFor();
        const statement = await page.locator('#main').innerText();
        for (const sentence of c.consent) expect(statement).toContain(sentence);
        expect(statement).not.toMatch(/uploaded to|kept for|questions/);
        expect(await page.getByRole('button', { name: c.continue }).isDisabled()).toBe(true);
        await expectWellFormed(page, `consent-${c.lang}`, c.consentTitle);

        // Back leaves the consent unsigned and returns home, still in the candidate's language.
        await page.getByRole('button', { name: c.back }).click();
        await page.getByRole('heading', { level: 1, name: c.welcome }).waitFor();
        await page.getByRole('button', { name: c.begin }).click();
        await page.getByLabel(c.agree).check();
        await page.getByRole('button', { name: c.continue }).click();
        const deviceCheck = page.getByRole('heading', { level: 1 }).filter({ hasNotText: c.consentTitle });
        await deviceCheck.waitFor();
        expect(await pageLanguage(page)).toMatchObject({ lang: c.lang, dir: c.dir });
        await expectWellFormed(page, `device-check-${c.lang}`, (await deviceCheck.textContent())!.trim());
      } finally {
        await context.close();
        await app.stop();
      }
    }, 120_000);
  }
});

/** Whether this machine has a system font for `language` (fontconfig); a fresh Debian has none for Thai. */
function systemHasFontFor(language: string): boolean {
  try {
    return execFileSync('fc-list', [`:lang=${language}`], { encoding: 'utf8' }).trim() !== '';
  } catch {
    return false;
  }
}

describe('the glyph check', () => {
  it('reports what no font draws: a code point outside every font, and Thai without the bundled fonts', async () => {
    const page = await browser.newPage();
    try {
      const unassigned = String.fromCodePoint(NO_FONT_HAS.codePointAt(0)! - 1);
      await page.setContent(`<p style="font-family: monospace">Latin ok ${unassigned}</p><p style="font-family: monospace">สวัสดี</p>`);
      const missing = (await missingGlyphs(page)).map((m) => m.codePoint);
      expect(missing).toContain('U+10FFFC');
      expect(missing).not.toContain('U+004C');
      // Without the app's @font-face rules Thai falls back to the system's fonts: boxes on a machine without one.
      if (!systemHasFontFor('th')) expect(missing).toEqual(expect.arrayContaining(['U+0E2A', 'U+0E27', 'U+0E14']));
    } finally {
      await page.close();
    }
  });
});
