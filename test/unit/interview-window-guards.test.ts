import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';

// Electron replaced: the native dialog answers what the test says and keeps what it was asked.
const electron = vi.hoisted(() => ({ answer: 0, asked: [] as Array<Record<string, unknown>> }));
vi.mock('electron', () => ({
  dialog: {
    showMessageBoxSync: (_window: unknown, options: Record<string, unknown>) => (electron.asked.push(options), electron.answer),
  },
}));

import { guardInterviewWindow } from '../../src/main/windows/interview-window-guards';

function guarded(locale: string) {
  const webContents = new EventEmitter();
  const paused: string[] = [];
  const core = {
    recording: { suspendAll: async () => void paused.push('all') },
    logger: { warn: () => undefined, error: () => undefined },
    interview: { ok: true, script: { locale } },
  };
  guardInterviewWindow({ webContents } as never, core as never);
  const leave = () => {
    const event = { defaultPrevented: false, preventDefault: () => (event.defaultPrevented = true) };
    webContents.emit('will-prevent-unload', event);
    return event.defaultPrevented;
  };
  return { webContents, paused, leave };
}

describe('the interview window', () => {
  it('asks before leaving an interview that records, in the candidate’s language; Leave lets the page go', () => {
    const { leave } = guarded('ru-RU');
    electron.answer = 1;
    expect(leave()).toBe(true);
    expect(electron.asked.at(-1)).toMatchObject({ message: 'Выйти из интервью?', buttons: ['Остаться', 'Выйти'], cancelId: 0 });
    electron.answer = 0;
    expect(leave()).toBe(false);
  });

  it('pauses every running recording when its renderer is gone', async () => {
    const { webContents, paused } = guarded('en-US');
    webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 139 });
    await vi.waitFor(() => expect(paused).toEqual(['all']));
  });
});
