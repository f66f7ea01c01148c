import type { UpdateState } from '../../../shared/domain/updates';

/** What the home screen shows about the app's own update; `null`: nothing (disabled, not looked yet, up to date). */
export type UpdateNoticeView =
  | { kind: 'available'; version: string }
  | { kind: 'downloading'; version: string; percent: number | null }
  | { kind: 'downloaded'; version: string; installsOnQuit: boolean }
  | { kind: 'error'; reason: string }
  | null;

export function updateNotice(update: UpdateState | null): UpdateNoticeView {
  const version = update?.version ?? '';
  switch (update?.state) {
    case 'available':
      return { kind: 'available', version };
    case 'downloading':
      return { kind: 'downloading', version, percent: update.percent === undefined ? null : Math.round(update.percent) };
    case 'downloaded':
      return { kind: 'downloaded', version, installsOnQuit: update.mode === 'auto' };
    case 'error':
      return { kind: 'error', reason: update.reason ?? '' };
    default:
      return null;
  }
}
