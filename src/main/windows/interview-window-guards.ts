import { dialog, type BrowserWindow } from 'electron';
import type { Core } from '../../core/create-core';
import { translator } from '../../shared/i18n/messages';
import { leaveMessages } from './leave-messages';

/**
 * What keeps an interview safe when its window goes: a crashed or killed renderer leaves its recordings paused
 * (the candidate continues them at the next start), and leaving while recording (the page's beforeunload asked
 * to stay) is confirmed with a native dialog, since Electron shows none of its own.
 */
export function guardInterviewWindow(window: BrowserWindow, core: Pick<Core, 'recording' | 'logger' | 'interview'>): void {
  window.webContents.on('render-process-gone', (_event, details) => {
    core.logger.warn('The interview window stopped; its recordings are paused', { reason: details.reason, exitCode: details.exitCode });
    core.recording.suspendAll().catch((error: unknown) => core.logger.error('Pausing recordings failed', { error }));
  });
  window.webContents.on('will-prevent-unload', (event) => {
    const t = translator(leaveMessages, core.interview.ok ? core.interview.script.locale : 'en');
    const choice = dialog.showMessageBoxSync(window, {
      type: 'question',
      title: t('title'),
      message: t('title'),
      detail: t('detail'),
      buttons: [t('stay'), t('leave')],
      defaultId: 0,
      cancelId: 0,
      noLink: true,
    });
    // preventDefault here overrides the page's beforeunload: the window is left (the page then pauses its recording).
    if (choice === 1) event.preventDefault();
  });
}
