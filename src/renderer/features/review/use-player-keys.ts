import { useEffect } from 'react';
import { actionForKey, type PlayerAction } from './player-keys';

/** Where a key belongs to the control itself: typing, a list box, or Space on a focused button. */
function ownedByControl(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return event.key === ' ' && (target.tagName === 'BUTTON' || target.tagName === 'A');
}

/** The player's keyboard shortcuts anywhere on the review screen, unless a control needs the key for itself. */
export function usePlayerKeys(act: (action: PlayerAction) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || event.defaultPrevented || ownedByControl(event)) return;
      const action = actionForKey(event.key);
      if (!action) return;
      event.preventDefault();
      act(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [act]);
}
