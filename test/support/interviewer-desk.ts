import { expect } from 'vitest';
import type { Core } from '../../src/core/create-core';
import { createDispatcher } from '../../src/core/ipc/dispatcher';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import type { ChannelName, RequestOf, ResponseOf } from '../../src/shared/ipc/contract';
import type { IpcErrorShape } from '../../src/shared/ipc/errors';
import type { TestBackend } from './dev-backend';
import { createTestCore } from './test-core';
import { tempDir } from './temp-dir';

const APP = 'app://interview-recorder';

/**
 * A core pointed at the development backend's Agora and LiveKit recording APIs (no S3 upload: these tests record
 * nothing locally), `healthSeconds` apart between the background health checks.
 */
export function interviewerCore(test: TestBackend, { healthSeconds = 2, root = tempDir() } = {}): Core {
  return createTestCore(root, {}, [
    `backends.agora.baseUrl=${test.backend.agoraUrl}`,
    `backends.livekit.baseUrl=${test.backend.livekitUrl}`,
    `backends.livekit.token=${test.backend.token}`,
    `backends.healthSeconds=${healthSeconds}`,
  ]);
}

/**
 * The interviewer's desk as the renderer reaches the core: every call through the dispatcher, so the contract's
 * zod schemas check each payload and each answer, as over IPC.
 */
export function deskOf(core: Core) {
  const dispatch = createDispatcher({ handlers: createHandlerTable(core), trustedOrigins: [APP], redact: core.redact });
  const sender = { origin: APP, isMainFrame: true };
  return {
    /** The call's answer; a failed call fails the test with the error's words. */
    async call<K extends ChannelName>(channel: K, payload: RequestOf<K>): Promise<ResponseOf<K>> {
      const result = await dispatch(channel, payload, sender);
      if (!result.ok) expect.fail(`${channel} failed: ${result.error.code} ${result.error.message}`);
      return result.value as ResponseOf<K>;
    },
    /** The error a call is refused with; a call that succeeds fails the test. */
    async refusal(channel: string, payload: unknown): Promise<IpcErrorShape> {
      const result = await dispatch(channel, payload, sender);
      if (result.ok) expect.fail(`${channel} was expected to be refused`);
      return result.error;
    },
  };
}
