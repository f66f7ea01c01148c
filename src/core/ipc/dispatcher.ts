import type { z } from 'zod';
import { channels, isChannelName, type ChannelName, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc/contract';
import { IpcError, type IpcErrorShape, type IpcResult } from '../../shared/ipc/errors';

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
}

const fail = (error: IpcErrorShape): IpcResult<never> => ({ ok: false, error });

function issuesOf(error: z.ZodError): NonNullable<IpcErrorShape['issues']> {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

/**
 * The one gate every call passes: sender check, then the contract's zod parse, then the handler, then the
 * response schema. A payload that fails its schema never reaches a handler.
 */
export function createDispatcher({ handlers, trustedOrigins, onInternalError }: DispatcherOptions): Dispatch {
  return async (channel, payload, sender) => {
    if (!sender.isMainFrame || sender.origin === null || !trustedOrigins.includes(sender.origin)) {
      return fail({ code: 'FORBIDDEN_SENDER', message: `Calls from ${sender.origin ?? 'an unknown frame'} are not allowed.` });
    }
    if (!isChannelName(channel)) {
      return fail({ code: 'UNKNOWN_CHANNEL', message: `There is no channel named "${channel}".` });
    }
    const spec = channels[channel];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      return fail({
        code: 'INVALID_PAYLOAD',
        message: `The request to ${channel} is not valid.`,
        issues: issuesOf(parsed.error),
      });
    }
    try {
      const handler = handlers[channel] as Handler<typeof channel>;
      const output = await handler(parsed.data as never, sender);
      return { ok: true, value: spec.response.parse(output) as ResponseOf<typeof channel> };
    } catch (error) {
      if (error instanceof IpcError) return fail(error.toShape());
      onInternalError?.(channel, error);
      return fail({ code: 'INTERNAL', message: `${channel} failed unexpectedly; details are in the log.` });
    }
  };
}
