import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';

// The macOS hardened-runtime exceptions the signed app gets (docs/security.md, Entitlements): each one is a
// reviewed decision, so a new key, or one of the removed ones coming back, fails here first.
const plist = fs.readFileSync(path.join(projectRoot, 'assets', 'entitlements.mac.plist'), 'utf8');
const keys = [...plist.matchAll(/<key>([^<]+)<\/key>\s*<true\/>/g)].map((match) => match[1]!);

describe('assets/entitlements.mac.plist', () => {
  it('grants only JIT, the camera and the microphone', () => {
    expect(keys).toEqual(['com.apple.security.cs.allow-jit', 'com.apple.security.device.camera', 'com.apple.security.device.audio-input']);
  });

  it('never disables library validation or allows unsigned executable memory or DYLD_ variables', () => {
    for (const key of ['disable-library-validation', 'allow-unsigned-executable-memory', 'allow-dyld-environment-variables']) {
      expect(keys.filter((granted) => granted.endsWith(key))).toEqual([]);
    }
  });
});
