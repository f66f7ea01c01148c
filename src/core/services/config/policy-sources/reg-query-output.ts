/** One registry value as `reg query` prints it, its data decoded by type. */
export interface RegistryValue {
  name: string;
  type: string;
  /** REG_DWORD/REG_QWORD: a number; REG_MULTI_SZ: the items; anything else: the text as printed. */
  data: string | number | string[];
}

/** One key of `reg query … /s` output and the values directly under it. */
export interface RegistryKey {
  /** As printed, with the hive spelled out: `HKEY_LOCAL_MACHINE\Software\Policies\InterviewRecorder`. */
  path: string;
  values: RegistryValue[];
}

// "    <name>    <type>    <data>": four spaces separate the columns; an empty string has no data column.
const VALUE_LINE = /^ {4}(.+?) {4}(REG_[A-Z0-9_]+)(?: {4}(.*))?$/;

function decode(type: string, text: string): RegistryValue['data'] {
  if (type === 'REG_DWORD' || type === 'REG_QWORD') return /^0x[0-9a-f]+$/i.test(text) ? Number.parseInt(text, 16) : text;
  // reg.exe prints the items joined by a literal backslash-zero; an empty list prints nothing.
  if (type === 'REG_MULTI_SZ') return text.split('\\0').filter((item) => item !== '');
  return text;
}

/**
 * Parses what `reg query <key> [/s]` prints (the format reg.exe has kept since Windows XP): a line naming each key,
 * then its values indented by four spaces. Lines of neither kind (blank lines, a footer) are skipped.
 */
export function parseRegQueryOutput(text: string): RegistryKey[] {
  const keys: RegistryKey[] = [];
  for (const line of text.split(/\r?\n/)) {
    if (/^HKEY_[A-Z_]+(\\|$)/.test(line)) {
      keys.push({ path: line.trimEnd(), values: [] });
      continue;
    }
    const match = VALUE_LINE.exec(line);
    const current = keys.at(-1);
    if (!match || !current) continue;
    const [, name, type, data = ''] = match;
    current.values.push({ name: name!, type: type!, data: decode(type!, data) });
  }
  return keys;
}

/** `reg query`'s answer for a key that does not exist (exit code 1), as opposed to a real failure. */
export const isMissingKeyError = (stderr: string): boolean => /unable to find the specified registry key/i.test(stderr);
