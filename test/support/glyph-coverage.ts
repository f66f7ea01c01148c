import type { Page } from 'playwright-core';

export interface MissingGlyph {
  char: string;
  /** "U+0E01" */
  codePoint: string;
  /** The CSS font it was drawn with (style, weight and family of the element that shows it). */
  font: string;
}

/** A code point no font has (the last of plane 16's private use area): it always draws as the missing-glyph box. */
export const NO_FONT_HAS = '\u{10FFFD}';

/**
 * Characters of the page's visible text that no available font can draw. Each distinct character is drawn on a
 * canvas in the computed font of an element that shows it, after that font's files for it have loaded, and
 * compared with the drawing of NO_FONT_HAS in the same font: an identical drawing is the ".notdef" box (tofu),
 * so nothing could draw it. Whitespace and invisible format characters are skipped.
 */
export function missingGlyphs(page: Page, rootSelector = 'body'): Promise<MissingGlyph[]> {
  return page.evaluate(
    async ({ rootSelector, reference }) => {
      const byFont = new Map<string, Set<string>>();
      const root = document.querySelector(rootSelector) ?? document.body;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const element = node.parentElement;
        if (!element?.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
        const style = getComputedStyle(element);
        const font = `${style.fontStyle} ${style.fontWeight} 40px ${style.fontFamily}`;
        const chars = byFont.get(font) ?? new Set<string>();
        for (const char of node.textContent ?? '') if (!/[\p{White_Space}\p{Cc}\p{Cf}]/u.test(char)) chars.add(char);
        byFont.set(font, chars);
      }
      const canvas = document.createElement('canvas');
      canvas.width = 96;
      canvas.height = 72;
      const context = canvas.getContext('2d', { willReadFrequently: true })!;
      const missing: Array<{ char: string; codePoint: string; font: string }> = [];
      // No named helper functions in here: the test transform would wrap them in a __name() the page lacks.
      for (const [font, chars] of byFont) {
        // Web fonts load per unicode-range on first use; a canvas draws with a fallback until they have.
        await document.fonts.load(font, [...chars].join(''));
        context.font = font;
        let tofu = '';
        for (const char of [reference, ...chars]) {
          context.clearRect(0, 0, canvas.width, canvas.height);
          context.fillText(char, 16, 52);
          const drawing = canvas.toDataURL();
          if (char === reference) tofu = drawing;
          else if (drawing === tofu)
            missing.push({ char, codePoint: `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`, font });
        }
      }
      return missing;
    },
    { rootSelector, reference: NO_FONT_HAS },
  );
}
