import { app } from 'electron';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { CorePorts } from '../core/create-core';
import { electronCorePorts } from './electron-ports';

/**
 * `<app> --cli <command> …`: the installed app runs `irec` commands itself, headless, like `code --status`. Installed
 * builds turn Electron's RunAsNode fuse off, so the app binary cannot act as a plain Node for dist/cli/irec.cjs; this
 * runs the same commands with the app's own paths, keychain and better-sqlite3 build, and exits with their code.
 */
export const CLI_FLAG = '--cli';

/** The command line after `--cli` (Electron and Chromium switches before it are theirs), or null: a normal start. */
export function cliArguments(argv: readonly string[]): string[] | null {
  const at = argv.indexOf(CLI_FLAG);
  return at === -1 ? null : argv.slice(at + 1);
}

type RunCli = (argv: string[], makePorts: (options: Pick<CorePorts, 'flags' | 'echoLogs'>) => CorePorts) => Promise<number>;

/** The CLI bundle beside the main one; loaded at run time so that the main process bundle holds no CLI code. */
const loadCli = (): { runCli: RunCli } => createRequire(__filename)(path.join(__dirname, '..', 'cli', 'run-cli.cjs')) as { runCli: RunCli };

/** No window, no dock icon, no single-instance lock (the window of a running app may be open): one command, then exit. */
export async function runCliInElectron(args: string[], load = loadCli): Promise<void> {
  app.disableHardwareAcceleration();
  app.dock?.hide();
  let code: number;
  try {
    await app.whenReady(); // the OS keychain (safeStorage) answers only once the app is ready
    code = await load().runCli(args, (options) => ({ ...electronCorePorts(), ...options }));
  } catch (error) {
    process.stderr.write(`irec: ${(error as Error).message}\n`);
    code = 1;
  }
  app.exit(code);
}
