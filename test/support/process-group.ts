// Child processes that never outlive the test, benchmark or tool that started them. Each runs as the leader of
// its own process group, so whatever it starts in turn (start.mjs → host, an ffmpeg, a browser) can be ended
// with it by signalling the group. No vitest import: tools/demo.ts and child processes of tests use this too.
import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import fs from 'node:fs';

export interface ProcessGroup {
  /** The group leader; its pid is also the group id. */
  child: ChildProcess;
  pid: number;
  /** Resolves when the leader has exited (with its code, or the signal that ended it). */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Asks the leader to end (SIGTERM), SIGKILLs the whole group after `graceMs`; resolves once the group is empty. */
  stop(graceMs?: number): Promise<void>;
  /** A power cut: SIGKILL to every process of the group at once; resolves once the group is empty. */
  kill(): Promise<void>;
}

const running = new Set<ProcessGroup>();
let hooksInstalled = false;

/** Whether a process of group `pgid` still runs. A zombie does not count: this machine's init reaps them late. */
export function groupAlive(pgid: number): boolean {
  if (process.platform === 'linux') return livePidsOfGroup(pgid).length > 0;
  try {
    process.kill(-pgid, 0);
    return true;
  } catch (error) {
    // EPERM: a process exists but belongs to someone else — still alive for our purposes.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** From /proc: the pids in group `pgid` that are not zombies. */
export function livePidsOfGroup(pgid: number): number[] {
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry)) return [];
    try {
      // "pid (comm) state ppid pgrp …" — comm may hold spaces and parentheses, so read after the last ')'.
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      return Number(pgrp) === pgid && state !== 'Z' && state !== 'X' ? [Number(entry)] : [];
    } catch {
      return []; // ended while we looked
    }
  });
}

/** Sends `signal` to every process of group `pgid`; a group that is already gone is not an error. */
export function signalGroup(pgid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pgid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Waits until group `pgid` is empty; SIGKILLs it after `ms` (reparented members are reaped by init quickly). */
export async function waitForGroupEnd(pgid: number, ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  while (groupAlive(pgid)) {
    if (Date.now() > deadline) {
      signalGroup(pgid, 'SIGKILL');
      if (Date.now() > deadline + 5000) throw new Error(`process group ${pgid} survived SIGKILL for 5 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** SIGKILLs every group still running; synchronous, so it also works from an 'exit' handler. */
export function killAllGroupsNow(): void {
  for (const group of running) signalGroup(group.pid, 'SIGKILL');
  running.clear();
}

/** Stops every group still running (what a test forgot or could not reach after a failure). */
export async function stopAllGroups(graceMs = 5000): Promise<void> {
  await Promise.all([...running].map((group) => group.stop(graceMs)));
}

/**
 * If this process ends — normally, by an uncaught error, or by SIGINT/SIGTERM/SIGHUP — its groups end too. A
 * signal's default action (dying) is kept by re-raising it when nobody else listens for it.
 */
function installExitHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', killAllGroupsNow);
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.once(signal, () => {
      killAllGroupsNow();
      if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
    });
  }
}

/** `spawn` in a new process group, registered so that it is ended with this process at the latest. */
export function spawnGroup(command: string, args: readonly string[], options: SpawnOptions = {}): ProcessGroup {
  installExitHooks();
  const child = spawn(command, args, { ...options, detached: true });
  if (child.pid === undefined) throw new Error(`could not start ${command}`);
  const pid = child.pid;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const leaderDone = () => child.exitCode !== null || child.signalCode !== null;
  const group: ProcessGroup = {
    child,
    pid,
    exited,
    async stop(graceMs = 10_000) {
      const deadline = Date.now() + graceMs;
      // The leader alone gets SIGTERM: it ends what it started in its own order (start.mjs forwards it to the host).
      if (!leaderDone()) child.kill('SIGTERM');
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
      clearTimeout(timer);
      await waitForGroupEnd(pid, Math.max(0, deadline - Date.now()));
      running.delete(group);
    },
    async kill() {
      signalGroup(pid, 'SIGKILL');
      await exited;
      await waitForGroupEnd(pid, 0);
      running.delete(group);
    },
  };
  running.add(group);
  return group;
}

/**
 * Live processes whose command line contains `text` (a test's temp folder, say), from /proc on Linux; empty
 * elsewhere. How a test proves that nothing it started is left running, whichever group it was in.
 */
export function processesMentioning(text: string): Array<{ pid: number; args: string }> {
  if (process.platform !== 'linux') return [];
  return fs.readdirSync('/proc').flatMap((entry) => {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) return [];
    try {
      const args = fs.readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ').trim();
      return args.includes(text) ? [{ pid: Number(entry), args }] : [];
    } catch {
      return []; // ended while we looked
    }
  });
}
