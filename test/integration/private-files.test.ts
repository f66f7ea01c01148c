import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import type { SecretCipher } from '../../src/core/services/config/secret-store';
import { findOnPath } from '../../src/core/platform/executables';
import { recordChunks } from '../support/recorded-chunks';
import { recordSession } from '../support/recorded-session';
import { runIrec } from '../support/run-irec';
import { testEnv, testPaths } from '../support/test-paths';
import { tempDir } from '../support/temp-dir';

const posix = process.platform !== 'win32';
const hasFfmpeg = Boolean(findOnPath('ffmpeg') && findOnPath('ffprobe'));

/** Stands in for safeStorage, so the secret store writes its file. */
const cipher: SecretCipher = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
  getSelectedStorageBackend: () => 'gnome_libsecret',
};

/** Every entry under `root` (not `root` itself) whose mode gives the group or others any permission. */
function widerThanUser(root: string): string[] {
  const found: string[] = [];
  for (const entry of fs.readdirSync(root, { recursive: true, encoding: 'utf8' })) {
    const mode = fs.lstatSync(path.join(root, entry)).mode & 0o777;
    if (mode & 0o077) found.push(`${entry} ${mode.toString(8)}`);
  }
  return found;
}

describe.runIf(posix)('files the app creates are user-only under a 022 umask', () => {
  let previousUmask: number;
  beforeAll(() => {
    previousUmask = process.umask(0o022);
  });
  afterAll(() => {
    process.umask(previousUmask);
  });

  it.runIf(hasFfmpeg)(
    'recording, finalize, catalog, log and secret store: no group/other bits anywhere',
    async () => {
      const root = tempDir();
      const paths = testPaths(root);
      fs.writeFileSync(paths.userConfigFile, JSON.stringify({ s3: { credentials: { secretAccessKey: 'planted-secret' } } }));
      const core = createCore({ runtime: 'electron', version: 'test', paths, env: { PATH: process.env.PATH }, secretCipher: cipher });
      try {
        const id = await recordSession(core, [await recordChunks('vp8-webm', 2)]);
        const detail = await core.finalize(id);
        expect(detail.state).toBe('finalized');
        core.logger.warn('a log line for the permission check');
        // While the catalog is open its -wal and -shm exist: SQLite gives them the database file's mode.
        expect(fs.existsSync(path.join(paths.userDataDir, 'catalog.sqlite-wal'))).toBe(true);
        expect(widerThanUser(root)).toEqual([]);
      } finally {
        await core.close();
      }
      for (const file of ['data/catalog.sqlite', 'data/secrets.json', 'logs/main.log', 'settings.json']) {
        expect(fs.existsSync(path.join(root, file)), file).toBe(true);
      }
      expect(fs.readdirSync(path.join(paths.userDataDir, 'recordings'), { recursive: true }).length).toBeGreaterThan(2);
      expect(widerThanUser(root)).toEqual([]);
    },
    60_000,
  );

  it('narrows an existing data dir and catalog an older version created 0755/0644', async () => {
    const root = tempDir();
    const paths = testPaths(root);
    fs.mkdirSync(paths.userDataDir, { mode: 0o755 });
    fs.chmodSync(paths.userDataDir, 0o755);
    const core = createCore({ runtime: 'node', version: 'test', paths, env: {} });
    await core.close();
    fs.chmodSync(path.join(paths.userDataDir, 'catalog.sqlite'), 0o644);
    const again = createCore({ runtime: 'node', version: 'test', paths, env: {} });
    await again.close();
    expect(fs.statSync(paths.userDataDir).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(paths.userDataDir, 'catalog.sqlite')).mode & 0o777).toBe(0o600);
  });

  it('`irec doctor` creates a fresh data dir, catalog and log user-only', () => {
    const root = tempDir();
    const run = runIrec(['doctor', '--json'], testEnv(root));
    expect(run.stdout).toContain('"dataDir"');
    expect(fs.existsSync(path.join(testPaths(root).userDataDir, 'catalog.sqlite'))).toBe(true);
    expect(widerThanUser(root)).toEqual([]);
  });
});
