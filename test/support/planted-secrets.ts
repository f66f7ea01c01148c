import fs from 'node:fs';
import { expect } from 'vitest';

/** Distinctive secrets a test configures, so that any copy of them, anywhere, can be found by a plain search. */
export const PLANTED = {
  accessKeyId: 'AKIAPLANTEDKEY7XQ2ZW',
  secretAccessKey: 'plantedSecret/Access+Key0123456789abcdef',
  sessionToken: 'FwoGZXIvYXdzEPlantedSessionToken/with+slash=',
  livekitToken: 'syt_planted_livekit_token_9f8e7d6c5b4a',
} as const;

/** The planted secrets found in `text`, as written or URL-encoded (query strings, signed URLs). */
export function plantedIn(text: string): string[] {
  return Object.entries(PLANTED)
    .filter(([, secret]) => text.includes(secret) || text.includes(encodeURIComponent(secret)))
    .map(([name]) => name);
}

/** Fails naming where the secret was seen and which one, not with a dump of the text. */
export function expectNoPlantedSecrets(where: string, text: string): void {
  expect(plantedIn(text), `planted secrets found in ${where}`).toEqual([]);
}

/** The raw bytes of a file (and of its SQLite companions), as anyone who can read the folder sees them. */
export function fileBytes(file: string, companions: readonly string[] = []): string {
  return ['', ...companions]
    .map((suffix) => (fs.existsSync(file + suffix) ? fs.readFileSync(file + suffix).toString('latin1') : ''))
    .join('\n');
}
