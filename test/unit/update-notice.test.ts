import { describe, expect, it } from 'vitest';
import { updateStates, type UpdateState } from '../../src/shared/domain/updates';
import { translator } from '../../src/shared/i18n/messages';
import { updateNotice } from '../../src/renderer/features/updates/update-notice';
import { updateMessages } from '../../src/renderer/features/updates/update-messages';

const state = (change: Partial<UpdateState> & Pick<UpdateState, 'state'>): UpdateState => ({ mode: 'manual', ...change });

describe('the update notice', () => {
  it('shows nothing while updates are disabled, not looked for yet, being looked for or up to date', () => {
    expect(updateNotice(null)).toBeNull();
    for (const quiet of ['disabled', 'idle', 'checking', 'not-available'] as const) {
      expect(updateNotice(state({ state: quiet, reason: 'update.mode is none' })), quiet).toBeNull();
    }
  });

  it('offers the download, shows its progress, then the restart', () => {
    expect(updateNotice(state({ state: 'available', version: '1.2.3' }))).toEqual({ kind: 'available', version: '1.2.3' });
    expect(updateNotice(state({ state: 'downloading', version: '1.2.3', percent: 41.6, bytesPerSecond: 1e5 }))).toEqual({
      kind: 'downloading',
      version: '1.2.3',
      percent: 42,
    });
    expect(updateNotice(state({ state: 'downloading', version: '1.2.3' }))).toMatchObject({ percent: null });
    expect(updateNotice(state({ state: 'downloaded', version: '1.2.3' }))).toEqual({
      kind: 'downloaded',
      version: '1.2.3',
      installsOnQuit: false,
    });
    expect(updateNotice(state({ state: 'downloaded', version: '1.2.3', mode: 'auto' }))).toMatchObject({ installsOnQuit: true });
  });

  it('says a failure in plain words, with the reason as a detail', () => {
    expect(updateNotice(state({ state: 'error', reason: 'HttpError: 404 Not Found' }))).toEqual({
      kind: 'error',
      reason: 'HttpError: 404 Not Found',
    });
    const t = translator(updateMessages, 'en-US');
    expect(t('available', { version: '1.2.3' })).toBe('Update 1.2.3 available');
    expect(t('restart')).toBe('Restart to update');
  });

  it('has a view (or a deliberate nothing) for every state the contract knows', () => {
    const shown = updateStates.filter((name) => updateNotice(state({ state: name, version: '1' })) !== null);
    expect(shown).toEqual(['available', 'downloading', 'downloaded', 'error']);
  });
});
