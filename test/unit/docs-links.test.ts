import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkDocLinks, docFiles, repositoryPaths } from '../../tools/docs/check-doc-links';
import { extractLinks, githubSlug, headingAnchors, isWellFormedWebLink } from '../../tools/docs/markdown-links';
import { tempDir } from '../support/temp-dir';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('links in the README and docs/', () => {
  const known = repositoryPaths(ROOT);

  it('covers the README and every document of docs/', () => {
    const files = docFiles(ROOT);
    expect(files[0]).toBe('README.md');
    expect(files).toEqual(expect.arrayContaining(['docs/architecture.md', 'docs/cli.md', 'docs/troubleshooting.md']));
  });

  it.each(docFiles(ROOT))('%s: every relative link names a repository file, every anchor a heading, web links are well formed', (file) => {
    expect(checkDocLinks(ROOT, file, known)).toEqual([]);
  });

  it('the README reaches every document of docs/', () => {
    const targets = new Set(extractLinks(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).map((link) => link.target.split('#')[0]));
    const unreached = docFiles(ROOT).filter((file) => file.startsWith('docs/') && !targets.has(file));
    expect(unreached).toEqual([]);
  });

  it('keeps the README to about one screen (under 8 KB)', () => {
    expect(fs.statSync(path.join(ROOT, 'README.md')).size).toBeLessThan(8 * 1024);
  });
});

describe('the link checker', () => {
  it('makes anchors as GitHub does: lower case, punctuation dropped, repeats numbered', () => {
    expect(githubSlug('Finalize, verify, recover')).toBe('finalize-verify-recover');
    expect(githubSlug('Command-line tool: `irec`')).toBe('command-line-tool-irec');
    expect(githubSlug('Upload to S3 (`src/core/services/upload/`)')).toBe('upload-to-s3-srccoreservicesupload');
    expect(githubSlug('[Linked](x.md) **bold** snake_case')).toBe('linked-bold-snake_case');
    expect([...headingAnchors('# A\n## A\n```\n# not a heading\n```\n### A')]).toEqual(['a', 'a-1', 'a-2']);
  });

  it('ignores links in code and reads inline, image and reference links', () => {
    const links = extractLinks('[a](x.md) `[b](y.md)` ![c](img.png "title")\n```\n[d](z.md)\n```\n[e]: ref.md\n');
    expect(links.map((link) => link.target)).toEqual(['x.md', 'img.png', 'ref.md']);
  });

  it('accepts only well-formed http(s) addresses', () => {
    expect(isWellFormedWebLink('https://docs.example/page#part')).toBe(true);
    expect(isWellFormedWebLink('https://')).toBe(false);
    expect(isWellFormedWebLink('http://exa mple.com')).toBe(false);
  });

  it('reports a missing file, a missing anchor, a link out of the repository and a malformed web link', () => {
    const root = tempDir();
    fs.mkdirSync(path.join(root, 'docs'));
    fs.writeFileSync(path.join(root, 'docs/guide.md'), '# Guide\n\n## Set up\n');
    fs.writeFileSync(
      path.join(root, 'README.md'),
      [
        '# Readme',
        '[ok](docs/guide.md#set-up) [self](#readme) [folder](docs/)',
        '[gone](docs/missing.md) [bad anchor](docs/guide.md#setup) [out](../elsewhere.md) [web](https://) [own](#nowhere)',
      ].join('\n'),
    );
    const problems = checkDocLinks(root, 'README.md', null);
    expect(problems).toEqual([
      expect.stringMatching(/^README\.md:3: "docs\/missing\.md": no such file/),
      expect.stringMatching(/^README\.md:3: "docs\/guide\.md#setup": .* no heading with the anchor #setup/),
      expect.stringMatching(/^README\.md:3: "\.\.\/elsewhere\.md" points outside the repository/),
      expect.stringMatching(/^README\.md:3: "https:\/\/" is not a well-formed/),
      expect.stringMatching(/^README\.md:3: "#nowhere": .* no heading with the anchor #nowhere/),
    ]);
  });
});
