// A headless Chromium that opens one page, with fake camera and microphone, in a process group of its own so
// that it and every helper process it starts (renderers, GPU, utility) end together — also when this process exits.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface HeadlessChromium {
  /** Rejects with Chromium's last words if it exits before `close()`. */
  exited: Promise<never>;
  /** Ends the whole process group (SIGTERM, SIGKILL after `graceMs`) and removes its profile folder. */
  close(graceMs?: number): Promise<void>;
}

const FLAGS = [
  '--headless',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--use-fake-device-for-media-stream',
  '--use-fake-ui-for-media-stream',
  // The development call server is on loopback; without this Chromium offers no loopback ICE candidates.
  '--allow-loopback-in-peer-connection',
  '--autoplay-policy=no-user-gesture-required',
];

const signalGroup = (pid: number, signal: NodeJS.Signals) => {
  try {
    process.kill(-pid, signal);
  } catch {
    // the group has already ended
  }
};

/** SIGTERM to the group, SIGKILL to whatever of it remains once the leader is gone (or after `graceMs`). */
async function endGroup(child: ChildProcess, graceMs: number): Promise<void> {
  const pid = child.pid!;
  if (child.exitCode === null && child.signalCode === null) {
    const gone = new Promise((resolve) => child.once('exit', resolve));
    signalGroup(pid, 'SIGTERM');
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([gone, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }
  signalGroup(pid, 'SIGKILL');
}

/** Starts `executable` headless on `url`; the caller must `close()` it. */
export function openHeadlessChromium(executable: string, url: string): HeadlessChromium {
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'irec-chromium-'));
  // Chromium refuses to start as root with its sandbox (containers, CI); the page it opens is our own.
  const sandbox = process.getuid?.() === 0 ? ['--no-sandbox'] : [];
  const tmp = path.join(profile, 'tmp');
  fs.mkdirSync(tmp);
  // Its own temp folder inside the profile: what Chromium leaves there when it is ended goes with the profile.
  const child = spawn(executable, [...FLAGS, ...sandbox, `--user-data-dir=${path.join(profile, 'data')}`, url], {
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, TMPDIR: tmp },
  });
  let output = '';
  child.stderr!.on('data', (data: Buffer) => (output = (output + data.toString()).slice(-2_000)));
  // This process exiting (Ctrl+C included, where the command turns it into an exit) takes Chromium with it.
  const killNow = () => {
    if (child.pid) signalGroup(child.pid, 'SIGKILL');
    fs.rmSync(profile, { recursive: true, force: true });
  };
  process.once('exit', killNow);
  let closing = false;
  const exited = new Promise<never>((_, reject) => {
    child.once('error', (error) => reject(new Error(`Chromium could not start (${error.message})`)));
    child.once('exit', (code, signal) => {
      if (!closing)
        reject(new Error(`Chromium stopped (${signal ?? `exit code ${code}`}): ${output.trim().split('\n').slice(-3).join(' ')}`));
    });
  });
  exited.catch(() => undefined);
  return {
    exited,
    async close(graceMs = 3_000) {
      closing = true;
      process.removeListener('exit', killNow);
      if (child.pid) await endGroup(child, graceMs);
      fs.rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
    },
  };
}
