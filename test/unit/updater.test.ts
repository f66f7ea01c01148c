import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createEventBus } from '../../src/core/event-bus';
import { createLogger } from '../../src/core/services/logging/logger';
import { connectUpdates } from '../../src/core/services/updates/updates';
import type { Config } from '../../src/shared/config/schema';
import type { UpdateState } from '../../src/shared/domain/updates';
import { detectInstallType, isMsiInstall, windowsPublisherKnown } from '../../src/main/updates/install-type';
import { electronUpdates, type AutoUpdater, type UpdaterEnvironment } from '../../src/main/updates/updater';
import { tempDir } from '../support/temp-dir';

/**
 * electron-updater's autoUpdater as the app sees it: checking finds `offered` (or nothing), downloading reports 40 %
 * then done, as the real one does over a generic server. Methods are spies so that the test sees what was asked.
 */
class FakeAutoUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  logger: unknown = console;
  offered: string | null = '1.2.3';
  checkError: Error | null = null;
  setFeedURL = vi.fn();
  quitAndInstall = vi.fn();
  checkForUpdates = vi.fn(async () => {
    this.emit('checking-for-update');
    if (this.checkError) {
      this.emit('error', this.checkError);
      throw this.checkError;
    }
    if (!this.offered) return void this.emit('update-not-available', { version: '1.0.0' });
    this.emit('update-available', { version: this.offered });
    if (this.autoDownload) await this.download();
  });
  downloadUpdate = vi.fn(() => this.download());
  private async download() {
    this.emit('download-progress', { percent: 40, bytesPerSecond: 250_000, total: 100, transferred: 40, delta: 40 });
    this.emit('update-downloaded', { version: this.offered });
    return ['/tmp/installer'];
  }
}

const loaded = vi.hoisted(() => ({ count: 0, updater: undefined as unknown }));
vi.mock('electron-updater', () => ({
  get autoUpdater() {
    loaded.count += 1;
    return (loaded.updater ??= new FakeAutoUpdater());
  },
}));

const fake = () => loaded.updater as FakeAutoUpdater;
const URL = 'https://updates.example.com/ir/';

beforeEach(() => {
  loaded.count = 0;
  loaded.updater = undefined;
});

/** A packaged Linux deb install (resources/package-type) unless the test writes other markers. */
function resources(files: Record<string, string> = { 'package-type': 'deb\n' }): string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

/** Updates as the core builds them in the app: states become `updateState` events on the bus the renderer hears. */
function start(update: Config['update'], environment: Partial<UpdaterEnvironment> = {}) {
  const root = tempDir();
  const logger = createLogger({ file: path.join(root, 'main.log'), level: 'debug' });
  const bus = createEventBus();
  const heard: UpdateState[] = [];
  bus.subscribe((event, payload) => event === 'updateState' && heard.push(payload as UpdateState));
  const factory = electronUpdates({
    isPackaged: true,
    platform: 'linux',
    resourcesPath: resources(),
    env: {},
    every: () => () => undefined,
    // The app requires electron-updater (see updater.ts); the test imports it, so that vi.mock stands in for it.
    loadAutoUpdater: async () => (await import('electron-updater')).autoUpdater as unknown as AutoUpdater,
    ...environment,
  });
  return { updates: connectUpdates(factory, update, logger, (state) => bus.emit('updateState', state)), heard };
}

describe('the updater (electron-updater mocked)', () => {
  it('mode none never loads electron-updater nor checks', async () => {
    const { updates } = start({ mode: 'none', url: URL });
    updates.start();
    expect(await updates.check()).toEqual({ state: 'disabled', mode: 'none', reason: 'update.mode is none' });
    expect(loaded.count).toBe(0);
  });

  it('an MSI install never checks, even in auto mode with a server', async () => {
    const { updates } = start({ mode: 'auto', url: URL }, { platform: 'win32', resourcesPath: resources({ 'install-type': 'msi\n' }) });
    updates.start();
    expect(await updates.check()).toMatchObject({ state: 'disabled', reason: 'Updates are managed by your organization (MSI install)' });
    expect(await updates.download()).toMatchObject({ state: 'disabled' });
    expect(loaded.count).toBe(0);
  });

  it('a development build and a missing or http update.url never load it either', async () => {
    for (const [update, environment, reason] of [
      [{ mode: 'auto', url: URL }, { isPackaged: false }, 'development build'],
      [{ mode: 'auto' }, {}, 'no update.url configured'],
      [{ mode: 'manual', url: 'http://updates.example.com/' }, {}, 'update.url must be https'],
    ] as const) {
      const { updates } = start(update, environment);
      expect(await updates.check()).toMatchObject({ state: 'disabled', reason });
    }
    expect(loaded.count).toBe(0);
  });

  it('manual: checks IT’s server without downloading, downloads only when asked, and the progress reaches the renderer', async () => {
    const { updates, heard } = start({ mode: 'manual', url: URL });
    updates.start();
    await vi.waitFor(() => expect(updates.state().state).toBe('available'));
    expect(fake().setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: URL });
    expect(fake().autoDownload).toBe(false);
    expect(fake().autoInstallOnAppQuit).toBe(false);
    expect(fake().downloadUpdate).not.toHaveBeenCalled();
    expect(heard.at(-1)).toEqual({ state: 'available', mode: 'manual', version: '1.2.3' });

    expect(await updates.download()).toEqual({ state: 'downloaded', mode: 'manual', version: '1.2.3' });
    expect(fake().downloadUpdate).toHaveBeenCalledTimes(1);
    expect(heard).toContainEqual({ state: 'downloading', mode: 'manual', version: '1.2.3', percent: 40, bytesPerSecond: 250_000 });
    expect(heard.at(-1)).toEqual({ state: 'downloaded', mode: 'manual', version: '1.2.3' });
  });

  it('auto: downloads in the background and installs on quit', async () => {
    const { updates, heard } = start({ mode: 'auto', url: URL });
    await updates.check();
    expect(fake().autoDownload).toBe(true);
    expect(fake().autoInstallOnAppQuit).toBe(true);
    expect(heard.map((s) => [s.state, s.percent])).toEqual([
      ['checking', undefined],
      ['downloading', 0],
      ['downloading', 40],
      ['downloaded', undefined],
    ]);
    expect(fake().downloadUpdate).not.toHaveBeenCalled();
  });

  it('installUpdate restarts into the update only once it is downloaded', async () => {
    const { updates } = start({ mode: 'manual', url: URL });
    expect(updates.install().state).toBe('idle');
    await updates.check();
    expect(updates.install().state).toBe('available');
    expect(fake().quitAndInstall).not.toHaveBeenCalled();
    await updates.download();
    updates.install();
    expect(fake().quitAndInstall).toHaveBeenCalledExactlyOnceWith(true, true);
  });

  it('nothing newer, and a failed check in plain words (the first line of the server error)', async () => {
    const { updates } = start({ mode: 'manual', url: URL });
    await updates.check();
    fake().offered = null;
    expect(await updates.check()).toEqual({ state: 'not-available', mode: 'manual' });
    fake().checkError = new Error('HttpError: 404 Not Found\n"method: GET url: https://updates.example.com/ir/latest-linux.yml"\nheaders…');
    expect(await updates.check()).toEqual({ state: 'error', mode: 'manual', reason: 'HttpError: 404 Not Found' });
    expect(fake().checkForUpdates).toHaveBeenCalledTimes(3);
  });
});

describe('how the app was installed', () => {
  it('knows MSI by resources/install-type, deb and rpm by package-type, AppImage by APPIMAGE', () => {
    const at = (platform: string, files: Record<string, string>, env: Record<string, string> = {}) =>
      detectInstallType({ platform, resourcesPath: resources(files), env });
    expect(at('win32', { 'install-type': 'msi\r\n' })).toBe('msi');
    expect(isMsiInstall(resources({ 'install-type': 'nsis' }))).toBe(false);
    expect(at('win32', {})).toBe('nsis');
    expect(at('darwin', {})).toBe('dmg');
    expect(at('linux', { 'package-type': 'rpm\n' })).toBe('rpm');
    expect(at('linux', { 'package-type': 'deb' })).toBe('deb');
    expect(at('linux', {}, { APPIMAGE: '/home/u/Interview.AppImage' })).toBe('appimage');
    expect(at('linux', {})).toBe('unknown');
  });

  it('reads the Windows signing publisher from app-update.yml (one name or a list)', () => {
    expect(windowsPublisherKnown(resources({ 'app-update.yml': 'provider: generic\npublisherName:\n  - Example Corp\n' }))).toBe(true);
    expect(windowsPublisherKnown(resources({ 'app-update.yml': 'publisherName: Example Corp\n' }))).toBe(true);
    expect(windowsPublisherKnown(resources({ 'app-update.yml': 'provider: generic\nurl: https://x/\n' }))).toBe(false);
    expect(windowsPublisherKnown(resources({}))).toBe(false);
  });

  it('Windows without a signing publisher is refused before electron-updater loads', async () => {
    const { updates } = start({ mode: 'auto', url: URL }, { platform: 'win32', resourcesPath: resources({}) });
    expect(await updates.check()).toMatchObject({ state: 'disabled', reason: expect.stringMatching(/signing publisher/) });
    expect(loaded.count).toBe(0);
  });
});
