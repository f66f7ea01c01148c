import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { markSupportMode, SUPPORT_MODE_EVENT } from '../../src/main/security/support-mode';
import { createTestCore } from '../support/test-core';

/** The two things markSupportMode uses of a BrowserWindow: its title and its page-title-updated event. */
function fakeWindow() {
  const window = Object.assign(new EventEmitter(), { title: 'Interview Recorder' });
  return Object.assign(window, { getTitle: () => window.title, setTitle: (title: string) => void (window.title = title) });
}

describe('support mode (--support-devtools in a packaged app)', () => {
  it('says so in the window title and marks every recording made while it is on in its audit trail', async () => {
    const core = createTestCore();
    if (!core.interview.ok) throw new Error('the practice interview did not load');
    const window = fakeWindow();
    const before = await core.recording.start({
      interviewId: core.interviews.giveConsent(core.interview.script.id).interviewId,
      mimeType: 'video/webm',
    });

    markSupportMode(window as never, core);
    expect(window.title).toBe('Interview Recorder — SUPPORT MODE: DevTools on');
    const event = { preventDefault: () => undefined };
    window.emit('page-title-updated', event, 'Question 2 of 5');
    expect(window.title).toBe('Question 2 of 5 — SUPPORT MODE: DevTools on');

    const { interviewId } = core.interviews.giveConsent(core.interview.script.id);
    const { recordingId } = await core.recording.start({ interviewId, mimeType: 'video/webm' });
    expect(core.library.events(recordingId)).toEqual([
      expect.objectContaining({ kind: SUPPORT_MODE_EVENT, data: { devTools: true, flag: '--support-devtools' } }),
    ]);
    // A recording started before support mode began carries no mark.
    expect(core.library.events(before.recordingId).map((entry) => entry.kind)).not.toContain(SUPPORT_MODE_EVENT);
  });
});
