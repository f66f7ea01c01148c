import type { BrowserWindow } from 'electron';
import type { Core } from '../../core/create-core';
import { SUPPORT_DEVTOOLS_FLAG } from './devtools-policy';

export const SUPPORT_MODE_EVENT = 'support.devtools';
const TITLE_SUFFIX = ' — SUPPORT MODE: DevTools on';

/**
 * DevTools in a packaged app let whoever sits at it call `window.api` by hand, so support mode is never silent:
 * a warning in the log, the window title says so, and every recording made or continued carries an event in its
 * audit trail (and so in its manifest), whoever reviews it later.
 */
export function markSupportMode(window: BrowserWindow, core: Pick<Core, 'logger' | 'recording' | 'library' | 'interviews'>): void {
  core.logger.warn(`Started with ${SUPPORT_DEVTOOLS_FLAG}: DevTools are on; recordings made now are marked as made in support mode`);
  window.setTitle(window.getTitle() + TITLE_SUFFIX);
  window.on('page-title-updated', (event, title) => {
    event.preventDefault();
    window.setTitle(title + TITLE_SUFFIX);
  });
  const mark = ({ recordingId }: { recordingId: string }) => {
    try {
      const { interviewId } = core.library.detail(recordingId);
      const data = { devTools: true, flag: SUPPORT_DEVTOOLS_FLAG };
      core.interviews.recordEvent({ interviewId, recordingId, at: new Date().toISOString(), kind: SUPPORT_MODE_EVENT, data });
    } catch (error) {
      core.logger.error('Could not mark a recording as made in support mode', { recordingId, error });
    }
  };
  core.recording.on('started', mark);
  core.recording.on('resumed', mark);
}
