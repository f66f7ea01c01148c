import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { callHandlers, NATIVE_CALL_UNSUPPORTED } from '../../src/core/ipc/handlers/call-handlers';
import { settingsBeforeReady, usesNativeCalls } from '../../src/main/platform/native-calls';
import { configSchema } from '../../src/shared/config/schema';
import { tempDir } from '../support/temp-dir';

const withSdk = (agoraSdk: 'web' | 'native') => configSchema.parse({ calls: { agoraSdk } });

describe('where Agora’s native SDK runs', () => {
  it('only on Windows and macOS, and only when configured', () => {
    expect(usesNativeCalls('win32', withSdk('native'))).toBe(true);
    expect(usesNativeCalls('darwin', withSdk('native'))).toBe(true);
    expect(usesNativeCalls('linux', withSdk('native'))).toBe(false);
    expect(usesNativeCalls('darwin', withSdk('web'))).toBe(false);
  });

  it('is known before the app is ready, from the policy, the user’s settings and the environment', () => {
    const dir = tempDir('irec-native-calls-');
    const paths = {
      policyFile: path.join(dir, 'policy.json'),
      recommendedPolicyFile: path.join(dir, 'recommended.json'),
      userConfigFile: path.join(dir, 'settings.json'),
    };
    expect(settingsBeforeReady(paths, {}).calls.agoraSdk).toBe('web');
    fs.writeFileSync(paths.userConfigFile, JSON.stringify({ calls: { agoraSdk: 'native' } }));
    expect(settingsBeforeReady(paths, {}).calls.agoraSdk).toBe('native');
    expect(settingsBeforeReady(paths, { IREC_AGORA_SDK: 'web' }).calls.agoraSdk).toBe('web');
    fs.writeFileSync(paths.policyFile, '{ not json');
    expect(settingsBeforeReady(paths, {}).calls.agoraSdk).toBe('native');
    // IT's mandatory policy decides even before the app is ready.
    fs.writeFileSync(paths.policyFile, JSON.stringify({ calls: { agoraSdk: 'web' } }));
    expect(settingsBeforeReady(paths, { IREC_AGORA_SDK: 'native' }).calls.agoraSdk).toBe('web');
  });

  it('elsewhere (the browser host, Linux) the core answers the interview window’s nativeCall with why not', async () => {
    const handlers = callHandlers({} as never);
    const answer = await handlers.nativeCall({ command: 'connect', channel: 'c', participantId: '1', displayName: 'A', timeoutMs: 5_000 }, {
      origin: 'app://interview-recorder',
      isMainFrame: true,
    } as never);
    expect(answer).toEqual(NATIVE_CALL_UNSUPPORTED);
    expect(answer.accepted).toBe(false);
  });
});
