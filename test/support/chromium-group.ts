import { chromium, type Browser } from 'playwright-core';
import { findChromium } from '../../src/core/platform/runtimes';
import { CHROMIUM_FLAGS } from './chromium';
import { spawnGroup, type ProcessGroup } from './process-group';

export interface ChromiumGroup {
  browser: Browser;
  /** Chromium and every process it started (renderers, GPU, utility): SIGKILLed together by `group.kill()`. */
  group: ProcessGroup;
}

/**
 * Debian's Chromium as a process group of its own, driven over CDP: unlike Playwright's own launch, the whole
 * browser can be killed at once, as a power cut would — the same flags as `launchChromium`.
 */
export async function launchChromiumGroup(userDataDir: string, extraArgs: readonly string[]): Promise<ChromiumGroup> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("Chromium not found: run `npm run setup` (installs Debian's chromium) or set CHROMIUM_PATH.");
  const group = spawnGroup(
    executablePath,
    ['--headless', ...CHROMIUM_FLAGS, `--user-data-dir=${userDataDir}`, '--remote-debugging-port=0', ...extraArgs, 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let output = '';
  const endpoint = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`Chromium printed no DevTools address within 30 s:\n${output}`)), 30_000);
    group.child.stderr!.on('data', (data: Buffer) => {
      output += data.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    void group.exited.then(({ code }) => reject(new Error(`Chromium exited with ${code}:\n${output}`)));
  }).catch(async (error: unknown) => {
    await group.kill();
    throw error;
  });
  return { browser: await chromium.connectOverCDP(endpoint), group };
}
