/**
 * Where a JSON text stops being valid, as a 1-based line and column. Settings files hold secrets, so the
 * message about a syntax error must point at the place without quoting the text around it (JSON.parse's own
 * message quotes it). A small scanner finds the offset: the engine's message does not always carry one.
 */
export interface TextPosition {
  line: number;
  column: number;
}

class ScanStop extends Error {
  constructor(readonly offset: number) {
    super('json syntax error');
  }
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const ESCAPES = '"\\/bfnrt';

function scanJson(text: string): void {
  let i = 0;
  const stop = (): never => {
    throw new ScanStop(i);
  };
  const skipSpace = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (char: string) => (text[i] === char ? i++ : stop());
  const literal = (word: string) => {
    for (const char of word) expect(char);
  };
  const string = () => {
    expect('"');
    for (;;) {
      const char = text[i];
      if (char === undefined || char < ' ') stop();
      if (char === '"') return void i++;
      if (char !== '\\') i++;
      else if (ESCAPES.includes(text[i + 1] ?? '')) i += 2;
      else if (text[i + 1] === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) i += 6;
      else stop();
    }
  };
  const list = (close: string, item: () => void) => {
    i++;
    skipSpace();
    if (text[i] === close) return void i++;
    for (;;) {
      item();
      skipSpace();
      if (text[i] === close) return void i++;
      expect(',');
      skipSpace();
    }
  };
  const value = (): void => {
    skipSpace();
    const char = text[i];
    if (char === '{') return list('}', () => (string(), skipSpace(), expect(':'), value()));
    if (char === '[') return list(']', value);
    if (char === '"') return string();
    if (char === 't') return literal('true');
    if (char === 'f') return literal('false');
    if (char === 'n') return literal('null');
    NUMBER.lastIndex = i;
    if (!NUMBER.test(text)) stop();
    i = NUMBER.lastIndex;
  };
  value();
  skipSpace();
  if (i < text.length) stop();
}

/** The line and column of the first syntax error in `text`, or its end when the scanner finds none. */
export function jsonErrorPosition(text: string): TextPosition {
  let offset = text.length;
  try {
    scanJson(text);
  } catch (error) {
    if (!(error instanceof ScanStop)) throw error;
    offset = error.offset;
  }
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
