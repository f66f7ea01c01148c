/**
 * JSON cannot carry bytes, so the browser host's transport tags them: a Uint8Array becomes
 * `{ "$bytes": "<base64>" }` on the way out and is revived on the way in. Electron's IPC needs none of this.
 */
const TAG = '$bytes';

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function encodeBinary(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [TAG]: toBase64(value) };
  if (value instanceof ArrayBuffer) return { [TAG]: toBase64(new Uint8Array(value)) };
  if (Array.isArray(value)) return value.map(encodeBinary);
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeBinary(v)]));
  return value;
}

export function decodeBinary(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeBinary);
  if (value && typeof value === 'object') {
    const entries = Object.entries(value);
    if (entries.length === 1 && entries[0]![0] === TAG && typeof entries[0]![1] === 'string') return fromBase64(entries[0]![1]);
    return Object.fromEntries(entries.map(([k, v]) => [k, decodeBinary(v)]));
  }
  return value;
}
