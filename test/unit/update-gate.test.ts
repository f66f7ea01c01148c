import { describe, expect, it } from 'vitest';
import { decideUpdates, installTypes, type UpdateGateInput } from '../../src/core/services/updates/update-gate';

const URL = 'https://updates.example.com/interview-recorder/';
/** A packaged NSIS install on Windows with a signing publisher and IT's server: the one that may update. */
const base: UpdateGateInput = {
  mode: 'manual',
  url: URL,
  isPackaged: true,
  installType: 'nsis',
  platform: 'win32',
  windowsPublisherKnown: true,
};
const decide = (change: Partial<UpdateGateInput>) => decideUpdates({ ...base, ...change });
const modes = ['none', 'manual', 'auto'] as const;

describe('update gating', () => {
  it('manual looks and asks before downloading; auto looks and downloads', () => {
    expect(decide({ mode: 'manual' })).toEqual({ check: true, autoDownload: false, reason: 'update.mode is manual' });
    expect(decide({ mode: 'auto' })).toEqual({ check: true, autoDownload: true, reason: 'update.mode is auto' });
  });

  it('mode none never looks, on any install', () => {
    for (const installType of installTypes) {
      expect(decide({ mode: 'none', installType }).check, installType).toBe(false);
    }
    expect(decide({ mode: 'none' })).toEqual({ check: false, autoDownload: false, reason: 'update.mode is none' });
  });

  it('an MSI install never updates itself, in every mode, whatever else is set', () => {
    for (const mode of modes) {
      for (const url of [URL, undefined]) {
        for (const isPackaged of [true, false]) {
          expect(decide({ mode, url, isPackaged, installType: 'msi' })).toEqual({
            check: false,
            autoDownload: false,
            reason: 'Updates are managed by your organization (MSI install)',
          });
        }
      }
    }
  });

  it('without update.url nothing is checked, in every mode', () => {
    for (const mode of modes) {
      expect(decide({ mode, url: undefined }).check, mode).toBe(false);
    }
    expect(decide({ mode: 'auto', url: undefined }).reason).toBe('no update.url configured');
  });

  it('a development (unpackaged) build never updates, in every mode', () => {
    for (const mode of modes) {
      expect(decide({ mode, isPackaged: false }).check, mode).toBe(false);
    }
    expect(decide({ mode: 'auto', isPackaged: false }).reason).toBe('development build');
  });

  it('refuses an http update server unless it is this computer', () => {
    for (const url of ['http://updates.example.com/', 'http://10.0.0.5/updates/', 'ftp://updates.example.com/']) {
      expect(decide({ mode: 'auto', url }), url).toEqual({ check: false, autoDownload: false, reason: 'update.url must be https' });
    }
    for (const url of ['http://127.0.0.1:8080/', 'http://localhost:9000/u/', 'http://[::1]:8080/']) {
      expect(decide({ mode: 'auto', url }).check, url).toBe(true);
    }
    expect(decide({ url: 'not a url' }).reason).toBe('update.url is not a URL');
  });

  it('updates each self-updating install type, and never one whose package type is unknown', () => {
    const platforms = { nsis: 'win32', dmg: 'darwin', deb: 'linux', rpm: 'linux', appimage: 'linux' } as const;
    for (const [installType, platform] of Object.entries(platforms)) {
      expect(decide({ installType: installType as UpdateGateInput['installType'], platform }).check, installType).toBe(true);
    }
    expect(decide({ installType: 'unknown', platform: 'linux' })).toMatchObject({
      check: false,
      reason: expect.stringMatching(/unknown package type/),
    });
  });

  it('on Windows, never without a publisher to verify the installer’s signature against', () => {
    expect(decide({ windowsPublisherKnown: false })).toMatchObject({ check: false, reason: expect.stringMatching(/signing publisher/) });
    expect(decide({ windowsPublisherKnown: false, installType: 'deb', platform: 'linux' }).check).toBe(true);
  });
});
