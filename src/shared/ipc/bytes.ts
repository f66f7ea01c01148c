import { z } from 'zod';

/** Binary payloads (media chunks, question audio). Typed as any Uint8Array: Node's Buffer is one too. */
export const bytesSchema = z.custom<Uint8Array>((value) => value instanceof Uint8Array, 'expected bytes');
