import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../src/core/ipc/dispatcher';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import type { SettingsView } from '../../src/shared/domain/settings';
import { tempDir } from '../support/temp-dir';
import { createTestCore, testPaths } from '../support/test-core';

const SENDER = { origin: 'app://test', isMainFrame: true };

describe('the getSettings channel', () => {
  it('answers the settings in force through the dispatcher: the policy locked with its file, the secret only as set', async () => {
    const root = tempDir();
    const paths = testPaths(root);
    const secret = 'lk-secret-token-5f0c2a9e';
    fs.writeFileSync(paths.policyFile, JSON.stringify({ s3: { bucket: 'company-interviews' } }));
    fs.writeFileSync(
      paths.userConfigFile,
      JSON.stringify({ s3: { bucket: 'mine', prefix: 'mine/' }, backends: { livekit: { token: secret } } }),
    );
    const core = createTestCore(root);
    const dispatch = createDispatcher({ handlers: createHandlerTable(core), trustedOrigins: [SENDER.origin], redact: core.redact });

    const result = await dispatch('getSettings', undefined, SENDER);
    expect(result.ok).toBe(true);
    const view = (result as { value: SettingsView }).value;
    const byKey = new Map(view.settings.map((row) => [row.key, row]));
    expect(view.managed).toBe(true);
    expect(byKey.get('s3.bucket')).toMatchObject({ value: 'company-interviews', locked: true, layer: 'policy', source: paths.policyFile });
    expect(byKey.get('s3.prefix')).toMatchObject({ value: 'mine/', locked: false, layer: 'user', source: paths.userConfigFile });
    expect(byKey.get('backends.livekit.token')).toMatchObject({ value: null, isSecret: true, isSet: true });
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});
