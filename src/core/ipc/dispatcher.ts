import { ZodError, type z } from 'zod';
import { channels, isChannelName, type ChannelName, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { IpcError, type IpcErrorShape, type IpcResult } from '../../shared/ipc/errors';
import { redactWith, type Redact } from '../../shared/redact';
import { isAppError } from '../errors/app-error';
import { playbackFieldsOf, restorePlaybackUrls } from './playback-exemption';

/** Who sent a call, as each transport can tell it (Electron's sender frame, the bridge's Origin header). */
export interface Sender {
  origin: string | null;
  isMainFrame: boolean;
}

export type Handler<K extends ChannelName> = (
  request: ParsedRequestOf<K>,
  sender: Sender,
) => Promise<z.input<(typeof channels)[K]['response']>> | z.input<(typeof channels)[K]['response']>;

export type HandlerTable = { [K in ChannelName]: Handler<K> };

export type Dispatch = (channel: string, payload: unknown, sender: Sender) => Promise<IpcResult<unknown>>;

export interface DispatcherOptions {
  handlers: HandlerTable;
  /** Origins allowed to call at all; anything else is refused before parsing. */
  trustedOrigins: readonly string[];
  /** Reports unexpected handler failures (the caller only sees a generic message). */
  onInternalError?: (channel: string, error: unknown) => void;
  /** The core's redaction (`core.redact`, its known secrets); secret-looking text only when absent. */
  redact?: Redact;
}

const fail = (error: IpcErrorShape): IpcResult<never> => ({ ok: false, error: { retryable: false, ...error } });

function issuesOf(error: z.ZodError): NonNullable<IpcErrorShape['issues']> {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/** Only plain values cross the transport: details are facts for tooling, never objects with their own shape. */
function plainDetails(details: Readonly<Record<string, unknown>> | undefined): IpcErrorShape['details'] {
  const plain = Object.entries(details ?? {}).filter(
    ([, value]) => value === null || ['string', 'number', 'boolean'].includes(typeof value),
  );
  return plain.length ? Object.fromEntries(plain) : undefined;
}

/**
 * What the caller is told about a failed handler: an `AppError` (or a handler's `IpcError`) as it is; a zod
 * failure inside the handler as INVALID_PAYLOAD; anything else is a bug, logged and answered with a generic INTERNAL.
 */
function failureOf(channel: string, error: unknown, onInternalError: DispatcherOptions['onInternalError']): IpcErrorShape {
  if (isAppError(error)) {
    const details = plainDetails(error.details);
    return { code: error.code, message: error.message, retryable: error.retryable, ...(details ? { details } : {}) };
  }
  if (error instanceof IpcError) return error.toShape();
  if (error instanceof ZodError) return invalidPayload(channel, error);
  onInternalError?.(channel, error);
  return internal(channel);
}

const invalidPayload = (channel: string, error: z.ZodError): IpcErrorShape => ({
  code: 'INVALID_PAYLOAD',
  message: `The request to ${channel} is not valid.`,
  issues: issuesOf(error),
});

const internal = (channel: string): IpcErrorShape => ({
  code: 'INTERNAL',
  message: `${channel} failed unexpectedly; details are in the log.`,
});

/**
 * The one gate every call passes: sender check, then the contract's zod parse, then the handler, then the
 * response schema. A payload that fails its schema never reaches a handler. Errors become the envelope here, and
 * only here; every envelope, value or error, is redacted on its way to the renderer — but for the playback URLs a
 * channel declares (`playbackFields`).
 */
export function createDispatcher({ redact = redactWith([]), ...options }: DispatcherOptions): Dispatch {
  const answer = answerWith(options);
  return async (channel, payload, sender) => {
    const result = await answer(channel, payload, sender);
    // The one exemption: a channel's declared playback URLs reach the player whole (restorePlaybackUrls).
    return restorePlaybackUrls(result, redact(result), playbackFieldsOf(channel)) as IpcResult<unknown>;
  };
}

function answerWith({ handlers, trustedOrigins, onInternalError }: Omit<DispatcherOptions, 'redact'>): Dispatch {
  return async (channel, payload, sender) => {
    if (!sender.isMainFrame || sender.origin === null || !trustedOrigins.includes(sender.origin)) {
      return fail({ code: 'FORBIDDEN_SENDER', message: `Calls from ${sender.origin ?? 'an unknown frame'} are not allowed.` });
    }
    if (!isChannelName(channel)) {
      return fail({ code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${channel}".` });
    }
    const spec = channels[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) return fail(invalidPayload(channel, parsed.error));
    let output: unknown;
    try {
      const handler = handlers[channel] as Handler<typeof channel>;
      output = await handler(parsed.data as never, sender);
    } catch (error) {
      return fail(failureOf(channel, error, onInternalError));
    }
    // A response that breaks its own schema is a bug in the handler, not the caller's mistake.
    const response = spec.response.safeParse(output);
    if (response.success) return { ok: true, value: response.data as ResponseOf<typeof channel> };
    onInternalError?.(channel, response.error);
    return fail(internal(channel));
  };
}
