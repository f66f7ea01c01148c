import { describe, expect, it } from 'vitest';
import { resolveAppPaths } from '../../src/core/platform/paths';

describe('per-OS paths', () => {
  it('follows XDG on Linux, with the policy under /etc', () => {
    expect(resolveAppPaths({ platform: 'linux', env: {}, homeDir: '/home/ada' })).toEqual({
      userDataDir: '/home/ada/.config/Interview Recorder',
      userConfigFile: '/home/ada/.config/Interview Recorder/settings.json',
      policyFile: '/etc/interview-recorder/policy.json',
      recommendedPolicyFile: '/etc/interview-recorder/recommended.json',
      logDir: '/home/ada/.config/Interview Recorder/logs',
    });
    expect(resolveAppPaths({ platform: 'linux', env: { XDG_CONFIG_HOME: '/x' }, homeDir: '/home/ada' }).userDataDir).toBe(
      '/x/Interview Recorder',
    );
  });

  it('uses Application Support and Library/Logs on macOS', () => {
    const paths = resolveAppPaths({ platform: 'darwin', env: {}, homeDir: '/Users/ada' });
    expect(paths.userDataDir).toBe('/Users/ada/Library/Application Support/Interview Recorder');
    expect(paths.logDir).toBe('/Users/ada/Library/Logs/Interview Recorder');
    expect(paths.policyFile).toBe('/Library/Application Support/Interview Recorder/policy.json');
    expect(paths.recommendedPolicyFile).toBe('/Library/Application Support/Interview Recorder/recommended.json');
  });

  it('uses APPDATA and ProgramData on Windows', () => {
    const paths = resolveAppPaths({
      platform: 'win32',
      env: { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming', ProgramData: 'C:\\ProgramData' },
      homeDir: 'C:\\Users\\ada',
    });
    expect(paths.userDataDir).toBe('C:\\Users\\ada\\AppData\\Roaming\\Interview Recorder');
    expect(paths.policyFile).toBe('C:\\ProgramData\\Interview Recorder\\policy.json');
    expect(paths.recommendedPolicyFile).toBe('C:\\ProgramData\\Interview Recorder\\recommended.json');
  });

  it('lets IREC_CONFIG, IREC_POLICY_FILE, IREC_RECOMMENDED_POLICY_FILE and IREC_LOG_DIR point elsewhere', () => {
    const paths = resolveAppPaths({
      platform: 'linux',
      env: { IREC_CONFIG: '/c.json', IREC_POLICY_FILE: '/p.json', IREC_RECOMMENDED_POLICY_FILE: '/r.json', IREC_LOG_DIR: '/logs' },
      homeDir: '/h',
    });
    expect(paths).toMatchObject({ userConfigFile: '/c.json', policyFile: '/p.json', recommendedPolicyFile: '/r.json', logDir: '/logs' });
  });
});
