// xmllint as the tests' XML parser and validator: the same tool IT and CI use, and no XML library to trust.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** Resolves the Apple property-list DOCTYPE to test/support/plist.dtd, so `--valid` works without the network. */
const CATALOG = fileURLToPath(new URL('./xml-catalog.xml', import.meta.url));

export interface XmllintResult {
  ok: boolean;
  errors: string;
}

function xmllint(args: readonly string[], xml: string): { status: number | null; stdout: string; stderr: string } {
  const run = spawnSync('xmllint', [...args, '-'], {
    input: xml,
    encoding: 'utf8',
    env: { ...process.env, XML_CATALOG_FILES: CATALOG },
    timeout: 30_000,
  });
  if ((run.error as NodeJS.ErrnoException | undefined)?.code === 'ENOENT')
    throw new Error('xmllint is not installed: apt-get install libxml2-utils (macOS has it already)');
  if (run.error) throw run.error;
  return { status: run.status, stdout: run.stdout, stderr: run.stderr };
}

/** Well-formed XML (and, with `valid`, valid against the DTD its DOCTYPE names). */
export function checkXml(xml: string, options: { valid?: boolean } = {}): XmllintResult {
  const run = xmllint(['--noout', '--nonet', ...(options.valid ? ['--valid'] : [])], xml);
  return { ok: run.status === 0 && run.stderr === '', errors: run.stderr };
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
export const unescapeXml = (text: string): string => text.replace(/&(amp|lt|gt|quot|apos);/g, (_, name: string) => ENTITIES[name]!);

/** What an XPath selects, one serialized node per item: `name="value"` for attributes, the markup for elements. */
export function xpathNodes(xml: string, expression: string): string[] {
  const run = xmllint(['--nonet', '--xpath', expression], xml);
  if (run.status === 10) return []; // XPath set is empty
  if (run.status !== 0) throw new Error(`xmllint --xpath ${expression}: ${run.stderr}`);
  return run.stdout.split('\n').filter((line) => line.trim() !== '');
}

/** The values of the attributes an XPath selects (it must end in /@name). */
export function xpathAttributes(xml: string, expression: string): string[] {
  return xpathNodes(xml, expression).map((node) => unescapeXml(/^\s*[\w:-]+="([^"]*)"$/.exec(node)?.[1] ?? node));
}

/** XPath step for an element by local name, whatever its namespace (the ADMX has a default namespace). */
export const el = (name: string): string => `*[local-name()='${name}']`;
