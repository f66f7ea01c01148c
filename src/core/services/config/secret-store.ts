import fs from 'node:fs';
import path from 'node:path';
import { SECRET_CONFIG_PATHS } from '../../../shared/config/schema';
import { replaceFileDurablySync } from '../../platform/durable-fs';
import { makePrivateDirSync } from '../../platform/private-fs';
import { deletePath, getPath, isPlainObject } from './layers';

/** What the store needs from Electron's `safeStorage` (passed in: services never import electron). */
export interface SecretCipher {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only: `basic_text` means no keyring was found and the "encryption" is a fixed obfuscation. */
  getSelectedStorageBackend?(): string;
}

export type SecretProtection = 'os-keychain' | 'plain-text' | 'unavailable';

/**
 * The app's secrets (S3 keys, the LiveKit token) at rest, encrypted with the OS keychain through Electron's
 * safeStorage. Secrets found in plain text in the user settings file are moved here at start-up. The file maps a
 * config key path to its encrypted value, base64.
 */
export function createSecretStore(file: string, cipher: SecretCipher) {
  const protection = (): SecretProtection => {
    if (!cipher.isEncryptionAvailable()) return 'unavailable';
    return cipher.getSelectedStorageBackend?.() === 'basic_text' ? 'plain-text' : 'os-keychain';
  };
  const readRaw = (): Record<string, string> => {
    try {
      const parsed: unknown = JSON.parse(fs.readFileSync(file, 'utf8'));
      return isPlainObject(parsed) ? (parsed as Record<string, string>) : {};
    } catch {
      return {};
    }
  };
  return {
    file,
    protection,
    /** Decrypted values by key path; a value that no longer decrypts (another machine, a new keyring) is skipped. */
    read(): Record<string, string> {
      if (protection() === 'unavailable') return {};
      const values: Record<string, string> = {};
      for (const [keyPath, encrypted] of Object.entries(readRaw())) {
        try {
          values[keyPath] = cipher.decryptString(Buffer.from(encrypted, 'base64'));
        } catch {
          // unreadable here: the setting is simply absent
        }
      }
      return values;
    },
    /** Moves secret values from a JSON settings file into the store; returns the key paths moved. */
    adoptFrom(settingsFile: string): string[] {
      if (protection() === 'unavailable') return [];
      let settings: unknown;
      try {
        settings = JSON.parse(fs.readFileSync(settingsFile, 'utf8'));
      } catch {
        return []; // absent or malformed: the config loader reports it
      }
      if (!isPlainObject(settings)) return [];
      const moved = SECRET_CONFIG_PATHS.filter((keyPath) => typeof getPath(settings, keyPath) === 'string');
      if (moved.length === 0) return [];
      const stored = readRaw();
      for (const keyPath of moved) {
        stored[keyPath] = cipher.encryptString(getPath(settings, keyPath) as string).toString('base64');
        deletePath(settings, keyPath.split('.'));
      }
      makePrivateDirSync(path.dirname(file));
      replaceFileDurablySync(file, `${JSON.stringify(stored, null, 2)}\n`);
      replaceFileDurablySync(settingsFile, `${JSON.stringify(settings, null, 2)}\n`);
      return moved;
    },
  };
}

export type SecretStore = ReturnType<typeof createSecretStore>;
