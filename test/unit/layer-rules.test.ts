import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../support/built';

const eslint = new ESLint({ cwd: projectRoot });

async function violations(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot, file) });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').map((m) => m.message);
}

describe('layer rules (lint)', () => {
  it.each([
    ["import { app } from 'electron';"],
    ["import fs from 'node:fs';"],
    ["import path from 'path';"],
    ["import { createCore } from '../main/core';"],
  ])('src/shared refuses %s', async (code) => {
    expect(await violations('src/shared/example.ts', `${code}\nexport const x = 1;`)).toEqual([
      expect.stringContaining('src/shared is pure'),
    ]);
  });

  it('src/shared refuses DOM and Node globals', async () => {
    expect(await violations('src/shared/example.ts', 'export const w = window.innerWidth + process.pid;')).toHaveLength(2);
  });

  it('services refuse electron, directly or through the window factories', async () => {
    expect(await violations('src/main/services/catalog/example.ts', "import { app } from 'electron';\nexport const a = app;")).toEqual([
      expect.stringContaining('Services never import electron'),
    ]);
    expect(
      await violations(
        'src/main/services/catalog/example.ts',
        "import { createMainWindow } from '../../windows/main-window';\nexport const c = createMainWindow;",
      ),
    ).toHaveLength(1);
  });

  it('the renderer refuses Node and the main process', async () => {
    expect(await violations('src/renderer/example.ts', "import fs from 'node:fs';\nexport const f = fs;")).toHaveLength(1);
    expect(await violations('src/renderer/example.ts', "import { createCore } from '../main/core';\nexport const c = createCore;")).toEqual(
      [expect.stringContaining('window.api')],
    );
  });

  it('allows what each layer is meant to use', async () => {
    expect(await violations('src/main/services/catalog/example.ts', "import fs from 'node:fs';\nexport const f = fs;")).toEqual([]);
    expect(
      await violations('src/main/windows/example.ts', "import { BrowserWindow } from 'electron';\nexport const b = BrowserWindow;"),
    ).toEqual([]);
    expect(
      await violations('src/renderer/example.ts', "import { channels } from '../shared/ipc/contract';\nexport const c = channels;"),
    ).toEqual([]);
  });
});
