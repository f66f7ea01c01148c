import { ESLint } from 'eslint';
import fs from 'node:fs';
import { builtinModules } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';

const eslint = new ESLint({ cwd: projectRoot });
const lintConfig = path.join(projectRoot, 'eslint.config.mjs');
const { PACKAGE_RUNTIMES } = (await import(lintConfig)) as { PACKAGE_RUNTIMES: Record<string, string[]> };

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\nexport const x = 1;`, { filePath: path.join(projectRoot, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layer rules (lint)', () => {
  it.each([
    ["import { app } from 'electron';"],
    ["import fs from 'node:fs';"],
    ["import path from 'path';"],
    ["import Database from 'better-sqlite3';"],
    ["import { createCore } from '../core/create-core';"],
  ])('src/shared refuses %s', async (code) => {
    expect(await violations('src/shared/example.ts', code)).toEqual([expect.stringContaining('src/shared is pure')]);
  });

  it('src/shared refuses DOM and Node globals', async () => {
    expect(await violations('src/shared/example.ts', 'export const w = window.innerWidth + process.pid;')).toHaveLength(2);
  });

  it('the core refuses electron, directly or through the Electron layer', async () => {
    expect(await violations('src/core/services/catalog/example.ts', "import { app } from 'electron';")).toEqual([
      expect.stringContaining('Only src/main'),
    ]);
    expect(await violations('src/core/create-example.ts', "import { createMainWindow } from '../main/windows/main-window';")).toEqual([
      expect.stringContaining('Entry points'),
    ]);
  });

  it('services refuse the IPC layer and the composition root', async () => {
    for (const code of [
      "import { createDispatcher } from '../../ipc/dispatcher';",
      "import { IpcError } from '../../../shared/ipc/errors';",
      "import { createCore } from '../../create-core';",
    ]) {
      expect(await violations('src/core/services/upload/example.ts', code)).toEqual([
        expect.stringContaining('Services know no transport'),
      ]);
    }
  });

  it('IPC handlers, the CLI and the browser host refuse the database', async () => {
    const queries = "import { getRecordingDetail } from '../../services/catalog/queries/recordings';";
    expect(await violations('src/core/ipc/handlers/example.ts', queries)).toEqual([
      expect.stringContaining('only the catalog and the services'),
    ]);
    expect(await violations('src/cli/commands/example.ts', "import type Database from 'better-sqlite3';")).toEqual([
      expect.stringContaining('only the catalog and the services'),
    ]);
    expect(await violations('src/host/example.ts', "import { migrate } from '../core/services/catalog/migrate';")).toEqual([]);
    expect(await violations('src/host/example.ts', "import { openCatalog } from '../core/services/catalog/open-catalog';")).toHaveLength(1);
  });

  it('the renderer refuses Node, Node-only packages and the core', async () => {
    expect(await violations('src/renderer/example.ts', "import fs from 'node:fs';")).toHaveLength(1);
    expect(await violations('src/renderer/features/library/example.ts', "import Database from 'better-sqlite3';")).toEqual([
      expect.stringContaining('runs in a browser'),
    ]);
    expect(await violations('src/renderer/example.ts', "import { S3Client } from '@aws-sdk/client-s3';")).toHaveLength(1);
    expect(await violations('src/renderer/example.ts', "import { createCore } from '../core/create-core';")).toEqual([
      expect.stringContaining('window.api'),
    ]);
  });

  it('Node layers refuse browser-only packages', async () => {
    expect(await violations('src/core/example.ts', "import { useState } from 'react';")).toEqual([
      expect.stringContaining('runs under Node'),
    ]);
    expect(await violations('src/cli/example.ts', "import { createRoot } from 'react-dom/client';")).toHaveLength(1);
  });

  it('allows what each layer is meant to use', async () => {
    expect(await violations('src/core/services/catalog/example.ts', "import Database from 'better-sqlite3';")).toEqual([]);
    expect(await violations('src/main/windows/example.ts', "import { BrowserWindow } from 'electron';")).toEqual([]);
    expect(await violations('src/main/example.ts', "import { createCore } from '../core/create-core';")).toEqual([]);
    expect(await violations('src/cli/example.ts', "import { createCore } from '../core/create-core';")).toEqual([]);
    expect(await violations('src/renderer/example.ts', "import { channels } from '../shared/ipc/contract';")).toEqual([]);
    expect(await violations('src/shared/example.ts', "import { z } from 'zod';")).toEqual([]);
  });
});

describe('package runtime classification', () => {
  const classified = new Set(Object.values(PACKAGE_RUNTIMES).flat());
  const packageOf = (specifier: string) =>
    specifier
      .split('/')
      .slice(0, specifier.startsWith('@') ? 2 : 1)
      .join('/');

  it('classifies every npm package imported under src/', () => {
    const imported = new Set<string>();
    const walk = (dir: string): void => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const file = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(file);
        else if (/\.tsx?$/.test(entry.name)) {
          for (const [, specifier] of fs.readFileSync(file, 'utf8').matchAll(/from '([^'.][^']*)'/g)) imported.add(packageOf(specifier!));
        }
      }
    };
    walk(path.join(projectRoot, 'src'));
    const unclassified = [...imported].filter(
      (name) => !name.startsWith('node:') && !builtinModules.includes(name) && !classified.has(name),
    );
    expect(unclassified, 'add these to PACKAGE_RUNTIMES in eslint.config.mjs').toEqual([]);
  });
});

describe('transports', () => {
  const sourcesUnder = (dir: string): string[] =>
    fs
      .readdirSync(path.join(projectRoot, dir), { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
      .map((entry) => path.join(entry.parentPath, entry.name));

  it('never touch the database handle: IPC handlers, the CLI and the browser host go through services', () => {
    const touching = ['src/core/ipc', 'src/cli', 'src/host']
      .flatMap(sourcesUnder)
      .filter((file) => /\.db\b|catalog\.catalog\b/.test(fs.readFileSync(file, 'utf8')))
      .map((file) => path.relative(projectRoot, file));
    expect(touching).toEqual([]);
  });
});
