import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveInside } from '../../src/core/platform/resolve-inside';

const root = path.resolve('/srv/renderer');

describe('resolveInside', () => {
  it('maps URL paths to files under the root', () => {
    expect(resolveInside(root, '/index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/index-abc.js')).toBe(path.join(root, 'assets', 'index-abc.js'));
    expect(resolveInside(root, '/assets/../index.html')).toBe(path.join(root, 'index.html'));
    expect(resolveInside(root, '/assets/caf%C3%A9.svg')).toBe(path.join(root, 'assets', 'café.svg'));
  });

  it.each([
    ['a parent directory', '/../package.json'],
    ['an encoded parent directory', '/%2e%2e/package.json'],
    ['encoded separators', '/..%2f..%2fetc/passwd'],
    ['the root folder itself', '/'],
    ['a broken escape', '/%'],
    ['a NUL byte', '/a%00.js'],
  ])('refuses %s', (_name, probe) => {
    expect(resolveInside(root, probe)).toBeNull();
  });
});
