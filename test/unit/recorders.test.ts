import { describe, expect, it } from 'vitest';
import type { BackendClients } from '../../src/core/services/backends/backend-clients';
import { Undeliverable } from '../../src/core/services/backends/outbox/delivery';
import { recorderFor } from '../../src/core/services/backends/recorders/cloud-recorder';
import { createRecorders } from '../../src/core/services/backends/recorders/recorders';
import { configSchema } from '../../src/shared/config/schema';
import type { CloudSession } from '../../src/shared/domain/cloud';

describe('cloud recorders', () => {
  const settings = configSchema.parse({ backends: { agora: { uid: '4242' } } }).backends;
  const clients: BackendClients = { agora: null, livekit: null, media: null, notConfigured: {} };
  const recorders = createRecorders({ clients, settings, update: () => undefined, now: () => new Date() });
  const links = { id: 'i', title: 't', scheduleId: 'sched', agoraChannel: 'chan', livekitRoom: 'room' };

  it('each plans its session from the interview links, and none when the links do not name it', () => {
    expect(recorders.agora.plan(links)).toEqual({ target: 'chan', uid: '4242', scheduleId: 'sched' });
    expect(recorders.livekit.plan(links)).toEqual({ target: 'room' });
    const none = { ...links, agoraChannel: null, livekitRoom: null };
    expect(Object.values(recorders).map((recorder) => recorder.plan(none))).toEqual([undefined, undefined]);
  });

  it('are found by the session’s backend, and stop through their own outbox call', () => {
    const session = { backend: 'livekit', egressId: null } as Extract<CloudSession, { backend: 'livekit' }>;
    expect(recorderFor(recorders, session)).toBe(recorders.livekit);
    expect(Object.values(recorders).map((recorder) => `${recorder.backend}:${recorder.stopKind}`)).toEqual([
      'agora:agora.stop',
      'livekit:livekit.stop',
    ]);
  });

  it('refuse to stop a recording that never started, without asking the backend', async () => {
    const agora = { backend: 'agora', uid: '1', target: 'chan', recording: null } as Extract<CloudSession, { backend: 'agora' }>;
    const item = { id: 1, sessionId: 's', kind: 'agora.stop', state: 'pending', attempts: 0, nextAttemptAt: '', lastError: null } as const;
    const withAgora = createRecorders({
      clients: { ...clients, agora: {} as never },
      settings,
      update: () => undefined,
      now: () => new Date(),
    });
    await expect(withAgora.agora.stop(agora, item)).rejects.toBeInstanceOf(Undeliverable);
  });
});
