import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { tempDir } from '../support/temp-dir';

// The installed app's CLI mode (`<app> --cli …`, where the RunAsNode fuse is off) with Electron replaced: the real
// irec commands run against a real catalog in a temporary data folder, with the app's ports.
const electron = vi.hoisted(() => ({ home: '', exit: vi.fn(), hideDock: vi.fn(), disableGpu: vi.fn() }));
vi.mock('electron', () => ({
  app: {
    isPackaged: false,
    getPath: () => electron.home,
    getVersion: () => '0.0.0-packaged',
    whenReady: () => Promise.resolve(),
    disableHardwareAcceleration: electron.disableGpu,
    dock: { hide: electron.hideDock },
    exit: electron.exit,
  },
  safeStorage: {
    isEncryptionAvailable: () => false,
    encryptString: () => Buffer.alloc(0),
    decryptString: () => '',
    getSelectedStorageBackend: () => 'basic_text',
  },
}));

import { cliArguments, runCliInElectron } from '../../src/main/cli-mode';
import { runCli } from '../../src/cli/run-cli';
import { EXIT } from '../../src/cli/exit-codes';

describe('cliArguments', () => {
  it('takes the command line after --cli, packaged or started by electron with the app folder', () => {
    expect(cliArguments(['/opt/Interview Recorder/interview-recorder', '--cli', 'doctor', '--json'])).toEqual(['doctor', '--json']);
    expect(cliArguments(['electron', '.', '--no-sandbox', '--cli', 'recordings', 'list'])).toEqual(['recordings', 'list']);
    expect(cliArguments(['C:\\Program Files\\Interview Recorder\\Interview Recorder.exe', '--cli'])).toEqual([]);
  });

  it('is null for a normal start, whatever else the command line holds', () => {
    expect(cliArguments(['interview-recorder'])).toBeNull();
    expect(cliArguments(['interview-recorder', 'interview-recorder://interview?script=x', '--script', 'a.json'])).toBeNull();
  });
});

describe('runCliInElectron', () => {
  let dataDir: string;
  let stdout: string;
  let stderr: string;

  beforeEach(() => {
    electron.home = tempDir('irec-cli-mode-home-');
    dataDir = path.join(electron.home, 'data');
    vi.stubEnv('IREC_DATA_DIR', dataDir);
    vi.stubEnv('IREC_POLICY_FILE', path.join(electron.home, 'no-policy.json'));
    electron.exit.mockClear();
    stdout = '';
    stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((stdout += String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((stderr += String(chunk)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
    vi.unstubAllEnvs();
  });

  const run = (args: string[]) => runCliInElectron(args, () => ({ runCli }));

  it('dispatches a command with the app’s ports, headless, and exits with its code', async () => {
    await run(['recordings', 'list', '--json']);
    expect(electron.exit).toHaveBeenCalledWith(EXIT.ok);
    expect(JSON.parse(stdout)).toEqual([]);
    expect(electron.disableGpu).toHaveBeenCalled();
    expect(electron.hideDock).toHaveBeenCalled();
    // The command opened the catalog in the app's data folder.
    expect(fs.readdirSync(dataDir)).toContain('catalog.sqlite');
  });

  it('reports that it runs in the app (doctor says electron, not node)', async () => {
    await run(['doctor', '--json']);
    const report = JSON.parse(stdout) as { app: { runtime: string }; dataDir: { path: string } };
    expect(report.app.runtime).toBe('electron');
    expect(report.dataDir.path).toBe(dataDir);
    expect(electron.exit).toHaveBeenCalledTimes(1);
  });

  it('parses like irec: an unknown flag or command is a usage error', async () => {
    await run(['recordings', 'list', '--no-such-flag']);
    expect(electron.exit).toHaveBeenLastCalledWith(EXIT.usage);
    expect(stderr).toMatch(/no-such-flag/);
    await run(['frobnicate']);
    expect(electron.exit).toHaveBeenLastCalledWith(EXIT.usage);
    expect(stderr).toMatch(/Unknown command "frobnicate"/);
  });

  it('exits 1 with the reason when the CLI bundle cannot be loaded', async () => {
    await runCliInElectron(['doctor'], () => {
      throw new Error("Cannot find module '/app/dist/cli/run-cli.cjs'");
    });
    expect(electron.exit).toHaveBeenCalledWith(1);
    expect(stderr).toContain("irec: Cannot find module '/app/dist/cli/run-cli.cjs'");
  });
});
