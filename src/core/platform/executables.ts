import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export function isExecutableFile(file: string): boolean {
  try {
    fs.accessSync(file, fs.constants.X_OK);
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** `which`: the first executable named `name` on PATH. */
export function findOnPath(name: string, env: Readonly<Record<string, string | undefined>> = process.env): string | null {
  const exts = process.platform === 'win32' ? (env.PATHEXT ?? '.EXE').split(';') : [''];
  for (const dir of (env.PATH ?? '').split(path.delimiter).filter(Boolean)) {
    for (const ext of exts) {
      const candidate = path.join(dir, name + ext);
      if (isExecutableFile(candidate)) return candidate;
    }
  }
  return null;
}

/** First line a program prints for `args` (e.g. `-version`), or an error string; never throws. */
export function readVersionLine(file: string, args: string[]): { version?: string; error?: string } {
  const result = spawnSync(file, args, { encoding: 'utf8', timeout: 15_000 });
  if (result.error) return { error: result.error.message };
  if (result.status !== 0) return { error: `exited with ${result.status}: ${result.stderr.trim().split('\n')[0] ?? ''}` };
  return { version: result.stdout.trim().split('\n')[0] };
}
