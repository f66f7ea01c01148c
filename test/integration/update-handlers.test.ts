import { describe, expect, it, onTestFinished } from 'vitest';
import { createCore, type CorePorts } from '../../src/core/create-core';
import { createDispatcher } from '../../src/core/ipc/dispatcher';
import { createHandlerTable } from '../../src/core/ipc/handlers';
import { disabledUpdates, type Updates } from '../../src/core/services/updates/updates';
import type { Config } from '../../src/shared/config/schema';
import type { UpdateState } from '../../src/shared/domain/updates';
import { insertInterview } from '../../src/core/services/catalog/queries/interviews';
import { tempDir } from '../support/temp-dir';
import { testPaths } from '../support/test-paths';

/** A real core (catalog, config layers) with the given updates port, and its IPC as the renderer calls it. */
function coreWith(updates: CorePorts['updates'], set: string[] = []) {
  const core = createCore({ runtime: 'node', version: '0.0.0-test', paths: testPaths(tempDir()), env: {}, flags: { set }, updates });
  onTestFinished(() => core.close());
  const dispatch = createDispatcher({ handlers: createHandlerTable(core), trustedOrigins: ['app://test'], redact: core.redact });
  const call = async (channel: string) => {
    const result = await dispatch(channel, undefined, { origin: 'app://test', isMainFrame: true });
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value as UpdateState;
  };
  return { core, call };
}

const CHANNELS = ['getUpdateState', 'checkForUpdates', 'downloadUpdate', 'installUpdate'];

describe('update channels through the core', () => {
  it('the browser host answers disabled, with its reason and the configured mode, on every channel', async () => {
    const { call } = coreWith((settings) => disabledUpdates('the browser host does not update', settings.mode), ['update.mode=auto']);
    for (const channel of CHANNELS) {
      expect(await call(channel), channel).toEqual({ state: 'disabled', mode: 'auto', reason: 'the browser host does not update' });
    }
  });

  it('a core given no updates (the CLI, tests) is disabled too', async () => {
    const { call } = coreWith(undefined);
    expect(await call('checkForUpdates')).toEqual({ state: 'disabled', mode: 'manual', reason: 'this process does not update itself' });
  });

  it('hands the port IT’s update settings, answers its state and sends each change as an updateState event', async () => {
    let given: Config['update'] | undefined;
    let emit: (state: UpdateState) => void = () => undefined;
    let state: UpdateState = { state: 'idle', mode: 'manual' };
    const port = (settings: Config['update']): Updates => {
      given = settings;
      return {
        ...disabledUpdates('unused'),
        state: () => state,
        check: async () => {
          state = { state: 'available', mode: 'manual', version: '2.0.0' };
          emit(state);
          return state;
        },
        onState: (listener) => {
          emit = listener;
          return () => undefined;
        },
      };
    };
    const { core, call } = coreWith(port, ['update.url="https://updates.example.com/ir/"']);
    const heard: unknown[] = [];
    core.events.subscribe((event, payload) => event === 'updateState' && heard.push(payload));
    expect(given).toEqual({ mode: 'manual', url: 'https://updates.example.com/ir/' });
    expect(await call('getUpdateState')).toEqual({ state: 'idle', mode: 'manual' });
    expect(await call('checkForUpdates')).toEqual({ state: 'available', mode: 'manual', version: '2.0.0' });
    expect(heard).toEqual([{ state: 'available', mode: 'manual', version: '2.0.0' }]);
  });

  it('never restarts into an update while something is being recorded', async () => {
    let installs = 0;
    const downloaded: UpdateState = { state: 'downloaded', mode: 'manual', version: '2.0.0' };
    const port = (): Updates => ({
      ...disabledUpdates('unused'),
      state: () => downloaded,
      install: () => ((installs += 1), downloaded),
    });
    const { core, call } = coreWith(port);
    const db = core.catalog.ok ? core.catalog.catalog.db : expect.unreachable('no catalog');
    insertInterview(db, { id: 'ivw-1', title: 'Practice', createdAt: new Date().toISOString() });
    const { recordingId } = await core.recording.start({ interviewId: 'ivw-1', mimeType: 'video/webm;codecs=vp8,opus' });
    expect(await call('installUpdate')).toEqual(downloaded);
    expect(installs).toBe(0);
    await core.recording.stop({ recordingId, durationMs: 0 });
    await call('installUpdate');
    expect(installs).toBe(1);
  });
});
