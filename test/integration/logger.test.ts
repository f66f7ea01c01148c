import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/core/services/logging/logger';
import { createTestCore } from '../support/test-core';
import { tempDir } from '../support/temp-dir';

const lines = (file: string) =>
  fs
    .readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as Record<string, unknown>);

describe('log file', () => {
  it('writes JSON lines at or above the level, with scope, and without secrets', () => {
    const file = path.join(tempDir(), 'logs', 'main.log');
    const logger = createLogger({ file, level: 'info', secrets: ['sk-live-123456'] });
    logger.debug('too chatty');
    logger.child('upload').info('starting upload with sk-live-123456', { credentials: { secretAccessKey: 'x' }, bucket: 'b' });
    const [entry, ...rest] = lines(file);
    expect(rest).toEqual([]);
    expect(entry).toMatchObject({
      level: 'info',
      scope: 'upload',
      message: 'starting upload with [redacted]',
      context: { credentials: { secretAccessKey: '[redacted]' }, bucket: 'b' },
    });
    expect(fs.readFileSync(file, 'utf8')).not.toContain('sk-live');
  });

  it('rotates past its size cap instead of growing without bound', () => {
    const file = path.join(tempDir(), 'irec.log');
    const logger = createLogger({ file, level: 'info', maxBytes: 2_000 });
    for (let i = 0; i < 100; i++) logger.info(`line ${i} ${'x'.repeat(50)}`);
    expect(fs.existsSync(`${file}.1`)).toBe(true);
    expect(fs.statSync(file).size).toBeLessThan(2_200);
  });

  it('never logs the configured secrets of the running app', () => {
    const root = tempDir();
    const core = createTestCore(root, { IREC_LIVEKIT_TOKEN: 'livekit-token-abcdef', IREC_AGORA_URL: 'nope' });
    core.logger.warn('calling livekit with livekit-token-abcdef');
    const text = fs.readFileSync(path.join(root, 'logs', 'irec.log'), 'utf8');
    expect(text).toContain('IREC_AGORA_URL'); // the config problem was logged…
    expect(text).not.toContain('livekit-token-abcdef'); // …and the token never is
  });
});
