import fs from 'node:fs';
import os from 'node:os';
import type { Browser } from 'playwright-core';
import { livePidsOfGroup } from './process-group';

/** The process group a process leads or belongs to (Chromium's helpers share its group). */
export function groupOf(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]);
}

/** The process group of a browser Playwright launched: Chromium and every helper it started. */
export async function browserGroup(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = (await cdp.send('SystemInfo.getProcessInfo')) as { processInfo: Array<{ id: number; type: string }> };
    const main = processInfo.find((p) => p.type === 'browser');
    if (!main) throw new Error('Chromium named no browser process');
    return groupOf(main.id);
  } finally {
    await cdp.detach();
  }
}

/**
 * The lowest CPU priority for these processes (and the children they start later, which inherit it): they then
 * take only the time the recording leaves over, as if they ran on a computer of their own.
 */
export function runAtLowestPriority(pids: number[]): void {
  for (const pid of pids) {
    try {
      os.setPriority(pid, 19);
    } catch {
      // Gone already, or not ours to change: it simply keeps its priority.
    }
  }
}

/**
 * A browser standing in for the other participant's computer: on these two shared cores it would otherwise take
 * CPU from the recording under test, which on a real call it never could.
 */
export async function asAnotherComputer(browser: Browser): Promise<void> {
  try {
    runAtLowestPriority(livePidsOfGroup(await browserGroup(browser)));
  } catch {
    // No /proc (not Linux): the browser keeps its priority, which only costs the recording some frames.
  }
}
