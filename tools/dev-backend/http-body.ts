// Reads and parses request bodies: JSON, or multipart/form-data for media chunks (parsed by the fetch API's own
// FormData parser, so no multipart dependency). Also renders a body for the request log.
import type { IncomingMessage } from 'node:http';

/** A 50 MiB chunk plus generous room for the multipart envelope. */
export const MAX_BODY_BYTES = 51 * 1024 * 1024;

export interface ParsedBody {
  body: unknown;
  form: FormData | null;
  malformed: boolean;
  tooLarge: boolean;
  /** What the request log shows. */
  logged: unknown;
}

async function readAll(req: IncomingMessage): Promise<{ bytes: Buffer; tooLarge: boolean }> {
  const parts: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    // Keep draining past the limit (without keeping the bytes) so the client reads our 413 instead of an EPIPE.
    if (size <= MAX_BODY_BYTES) parts.push(chunk);
  }
  return size > MAX_BODY_BYTES ? { bytes: Buffer.alloc(0), tooLarge: true } : { bytes: Buffer.concat(parts), tooLarge: false };
}

function formForLog(form: FormData): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  form.forEach((value, name) => {
    fields[name] = typeof value === 'string' ? value : { size: value.size, filename: value.name };
  });
  return fields;
}

export async function parseBody(req: IncomingMessage): Promise<ParsedBody> {
  const { bytes, tooLarge } = await readAll(req);
  const none: ParsedBody = { body: undefined, form: null, malformed: false, tooLarge, logged: undefined };
  if (tooLarge || bytes.length === 0) return none;
  const contentType = req.headers['content-type'] ?? '';
  if (contentType.toLowerCase().startsWith('multipart/form-data')) {
    try {
      const request = new Request('http://dev-backend.local/', {
        method: 'POST',
        headers: { 'content-type': contentType },
        body: new Uint8Array(bytes),
      });
      const form = await request.formData();
      return { ...none, form, logged: formForLog(form) };
    } catch {
      return { ...none, malformed: true, logged: `<malformed multipart body, ${bytes.length} bytes>` };
    }
  }
  // Anything else is read as JSON, as the Laravel and Express backends do with a JSON client.
  const text = bytes.toString('utf8');
  try {
    const body: unknown = JSON.parse(text);
    return { ...none, body, logged: body };
  } catch {
    return { ...none, malformed: true, logged: text.slice(0, 2000) };
  }
}
