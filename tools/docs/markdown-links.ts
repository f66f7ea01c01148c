// Finds the links and headings of a Markdown file the way GitHub renders it, so the docs can be checked offline:
// relative links must name a file of the repository, anchors a heading of their target, web links be well formed.

export interface MarkdownLink {
  target: string;
  line: number;
}

/** Lines outside fenced code blocks, with their 1-based numbers (links and headings in code are not rendered). */
function proseLines(markdown: string): { text: string; line: number }[] {
  const result: { text: string; line: number }[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, index) => {
    const marker = /^\s{0,3}(`{3,}|~{3,})/.exec(text)?.[1];
    if (fence === null && marker) fence = marker;
    else if (fence !== null && marker?.startsWith(fence[0]!) && marker.length >= fence.length && !text.trim().slice(marker.length))
      fence = null;
    else if (fence === null) result.push({ text, line: index + 1 });
  });
  return result;
}

const withoutInlineCode = (text: string): string => text.replace(/(`+)[\s\S]*?\1/g, (code) => ' '.repeat(code.length));

/** Inline links and images `[text](target "title")`, and reference definitions `[name]: target`. */
export function extractLinks(markdown: string): MarkdownLink[] {
  const links: MarkdownLink[] = [];
  for (const { text, line } of proseLines(markdown)) {
    const prose = withoutInlineCode(text);
    for (const match of prose.matchAll(/\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ target: match[1]!.replace(/^<|>$/g, ''), line });
    }
    const definition = /^\s{0,3}\[[^\]]+\]:\s*(\S+)/.exec(prose);
    if (definition) links.push({ target: definition[1]!, line });
  }
  return links;
}

/** GitHub's anchor for a heading's text: rendered text, lower case, punctuation dropped, spaces to hyphens. */
export function githubSlug(heading: string): string {
  const rendered = heading
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/`/g, '')
    .replace(/(\*\*|\*)/g, '');
  return rendered
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, '')
    .replace(/ /g, '-');
}

/** Every anchor a file offers: one per ATX heading, repeats numbered -1, -2 … as GitHub does. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    const heading = /^\s{0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(text)?.[1];
    if (heading === undefined) continue;
    const slug = githubSlug(heading);
    const count = seen.get(slug) ?? 0;
    seen.set(slug, count + 1);
    anchors.add(count === 0 ? slug : `${slug}-${count}`);
  }
  return anchors;
}

export type LinkKind = 'web' | 'mail' | 'anchor' | 'relative' | 'other';

export function linkKind(target: string): LinkKind {
  if (/^https?:/i.test(target)) return 'web';
  if (/^mailto:/i.test(target)) return 'mail';
  if (target.startsWith('#')) return 'anchor';
  if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) return 'other';
  return 'relative';
}

/** A web link is checked for form only (no network here): an http(s) URL with a host and no spaces. */
export function isWellFormedWebLink(target: string): boolean {
  try {
    const url = new URL(target);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname.length > 0 && !/\s/.test(target);
  } catch {
    return false;
  }
}
