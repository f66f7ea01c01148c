import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core';
import type { SecretCipher } from '../../src/core/services/config/secret-store';
import { tempDir } from '../support/temp-dir';
import { testPaths } from '../support/test-paths';

/** Stands in for safeStorage: a reversible transform, so the test can tell stored bytes from plain text. */
const cipher = (backend = 'gnome_libsecret'): SecretCipher => ({
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(Buffer.from(text, 'utf8').map((byte) => byte ^ 0x5a)),
  decryptString: (bytes) => Buffer.from(bytes.map((byte) => byte ^ 0x5a)).toString('utf8'),
  getSelectedStorageBackend: () => backend,
});

describe('secrets at rest', () => {
  it('moves secrets out of the settings file into encrypted storage and still applies them', async () => {
    const root = tempDir();
    const paths = testPaths(root);
    fs.mkdirSync(paths.userDataDir, { recursive: true });
    fs.writeFileSync(
      paths.userConfigFile,
      JSON.stringify({ s3: { bucket: 'interviews', credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'very-secret' } } }),
    );
    const core = createCore({ runtime: 'electron', version: 'test', paths, env: {}, secretCipher: cipher() });
    expect(core.config.config.s3).toMatchObject({
      bucket: 'interviews',
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: 'very-secret' },
    });
    await core.close();

    const settings = fs.readFileSync(paths.userConfigFile, 'utf8');
    expect(JSON.parse(settings)).toEqual({ s3: { bucket: 'interviews', credentials: {} } });
    const stored = fs.readFileSync(path.join(paths.userDataDir, 'secrets.json'), 'utf8');
    expect(stored).not.toContain('very-secret');
    expect(Object.keys(JSON.parse(stored) as object).sort()).toEqual(['s3.credentials.accessKeyId', 's3.credentials.secretAccessKey']);

    const again = createCore({ runtime: 'electron', version: 'test', paths, env: {}, secretCipher: cipher() });
    expect(again.config.config.s3.credentials.secretAccessKey).toBe('very-secret');
    await again.close();
  });

  it('warns when Linux has no keyring and safeStorage falls back to plain text', async () => {
    const root = tempDir();
    const paths = testPaths(root);
    const core = createCore({ runtime: 'electron', version: 'test', paths, env: {}, secretCipher: cipher('basic_text') });
    await core.close();
    expect(fs.readFileSync(path.join(paths.logDir, 'main.log'), 'utf8')).toContain('No OS keyring found');
  });
});
