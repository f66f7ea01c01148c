import fs from 'node:fs';
import path from 'node:path';
import { makePrivateDirSync, PRIVATE_FILE_MODE } from '../../platform/private-fs';
import { redactWith } from '../../../shared/redact';

export const logLevels = ['debug', 'info', 'warn', 'error'] as const;
export type LogLevel = (typeof logLevels)[number];

export interface Logger {
  log(level: LogLevel, message: string, context?: Record<string, unknown>): void;
  debug(message: string, context?: Record<string, unknown>): void;
  info(message: string, context?: Record<string, unknown>): void;
  warn(message: string, context?: Record<string, unknown>): void;
  error(message: string, context?: Record<string, unknown>): void;
  /** Same file, with `scope` on every line (e.g. "renderer", "catalog"). */
  child(scope: string): Logger;
}

export interface LoggerOptions {
  /** JSON-lines file; rotated to `<file>.1` past `maxBytes`. */
  file: string;
  level: LogLevel;
  /** Exact secret values (tokens, keys from config) to scrub wherever they appear. */
  secrets?: readonly string[];
  maxBytes?: number;
  /** Also echo warnings and errors to stderr (CLI). */
  echo?: boolean;
}

/**
 * Appends synchronously: a log line written just before a crash is the one support needs. If the log folder
 * cannot be written, logging degrades to stderr instead of taking the app down.
 */
export function createLogger(options: LoggerOptions): Logger {
  const { file, level, secrets = [], maxBytes = 5 * 1024 * 1024, echo = false } = options;
  const threshold = logLevels.indexOf(level);
  const redact = redactWith(secrets);
  let fileUsable = true;
  try {
    makePrivateDirSync(path.dirname(file));
  } catch {
    fileUsable = false;
  }

  const write = (line: string) => {
    if (!fileUsable) return void process.stderr.write(line);
    try {
      if ((fs.statSync(file, { throwIfNoEntry: false })?.size ?? 0) > maxBytes) fs.renameSync(file, `${file}.1`);
      fs.appendFileSync(file, line, { mode: PRIVATE_FILE_MODE });
    } catch {
      fileUsable = false;
      process.stderr.write(line);
    }
  };

  const make = (scope: string | undefined): Logger => {
    const log = (lvl: LogLevel, message: string, context?: Record<string, unknown>) => {
      if (logLevels.indexOf(lvl) < threshold) return;
      const entry = { time: new Date().toISOString(), level: lvl, ...(scope ? { scope } : {}), message, ...(context ? { context } : {}) };
      const line = `${JSON.stringify(redact(entry))}\n`;
      write(line);
      if (echo && (lvl === 'warn' || lvl === 'error')) process.stderr.write(line);
    };
    return {
      log,
      debug: (m, c) => log('debug', m, c),
      info: (m, c) => log('info', m, c),
      warn: (m, c) => log('warn', m, c),
      error: (m, c) => log('error', m, c),
      child: (child) => make(scope ? `${scope}.${child}` : child),
    };
  };
  return make(undefined);
}
