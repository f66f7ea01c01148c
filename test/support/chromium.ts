import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../src/main/platform/runtimes';

/** Debian's Chromium, headless, with the flags this closed network needs and fake camera/mic devices. */
export async function launchChromium(extraArgs: string[] = []): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: run `npm run setup` (installs Debian's chromium) or set CHROMIUM_PATH.");
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      ...(extraArgs.length ? extraArgs : ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream']),
    ],
  });
}
