// Checks every link of the README and docs/: a relative link must name a file or folder of the repository (tracked,
// or new and not ignored — so a link into dist/ or .cache/ fails), an anchor a heading of its Markdown target.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { extractLinks, headingAnchors, isWellFormedWebLink, linkKind } from './markdown-links';

/** The documents whose links are checked: README.md and every Markdown file directly in docs/. */
export function docFiles(root: string): string[] {
  const docs = existsSync(path.join(root, 'docs'))
    ? readdirSync(path.join(root, 'docs'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => `docs/${name}`)
    : [];
  return ['README.md', ...docs.sort()];
}

/** Paths (files and every folder above them) a reader of the repository sees; null where git cannot tell. */
export function repositoryPaths(root: string): Set<string> | null {
  let listing: string;
  try {
    listing = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: root, encoding: 'utf8' });
  } catch {
    return null;
  }
  const paths = new Set<string>();
  for (const file of listing.split('\0').filter(Boolean)) {
    if (!existsSync(path.join(root, file))) continue; // deleted in the work tree
    for (let current = file; current !== '.'; current = path.posix.dirname(current)) paths.add(current);
  }
  return paths;
}

function pathExists(root: string, relative: string, known: Set<string> | null): boolean {
  if (relative === '') return true;
  if (known) return known.has(relative);
  const absolute = path.join(root, relative);
  return existsSync(absolute) && (statSync(absolute).isFile() || statSync(absolute).isDirectory());
}

function checkRelative(root: string, source: string, target: string, known: Set<string> | null): string | null {
  const [rawPath = '', anchor] = target.split('#', 2) as [string, string | undefined];
  const decoded = decodeURI(rawPath);
  const resolved = decoded ? path.posix.normalize(path.posix.join(path.posix.dirname(source), decoded)) : source;
  const relative = resolved.replace(/\/$/, '');
  if (relative.startsWith('..') || path.posix.isAbsolute(relative)) return `"${target}" points outside the repository`;
  if (!pathExists(root, relative === '.' ? '' : relative, known)) return `"${target}": no such file in the repository (${relative})`;
  if (anchor === undefined || anchor === '') return null;
  if (!relative.endsWith('.md')) return /^L\d+(-L\d+)?$/.test(anchor) ? null : `"${target}": anchors are only checked in Markdown files`;
  const anchors = headingAnchors(readFileSync(path.join(root, relative), 'utf8'));
  return anchors.has(anchor) ? null : `"${target}": ${relative} has no heading with the anchor #${anchor}`;
}

/** Problems of one document's links, each as "file:line: what is wrong". */
export function checkDocLinks(root: string, source: string, known: Set<string> | null = repositoryPaths(root)): string[] {
  const markdown = readFileSync(path.join(root, source), 'utf8');
  const problems: string[] = [];
  for (const { target, line } of extractLinks(markdown)) {
    const kind = linkKind(target);
    let problem: string | null = null;
    if (kind === 'web') problem = isWellFormedWebLink(target) ? null : `"${target}" is not a well-formed http(s) address`;
    else if (kind === 'anchor' || kind === 'relative') problem = checkRelative(root, source, target, known);
    else if (kind === 'other') problem = `"${target}": only relative, http(s) and mailto links are allowed`;
    if (problem) problems.push(`${source}:${line}: ${problem}`);
  }
  return problems;
}
