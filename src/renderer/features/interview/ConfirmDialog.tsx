import { useLayoutEffect, useRef } from 'react';
import { ScreenHeading } from '../../components/ScreenHeading';

interface Props {
  open: boolean;
  /** False for a moment after opening: the confirm button ignores clicks. */
  ready: boolean;
  title: string;
  body: string;
  confirmLabel: string;
  cancelLabel: string;
  onConfirm(): void;
  onCancel(): void;
}

/**
 * A modal question before a step that cannot be undone. The heading takes focus, Escape cancels, and the
 * confirm button ignores clicks for a moment after opening, so a double-click on the button that opened it
 * does not also confirm. Confirm comes first, away from the bottom-right corner where Next and Finish sit.
 */
export function ConfirmDialog({ open, ready, title, body, confirmLabel, cancelLabel, onConfirm, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  // Before the heading's own effect focuses it: an element in a closed dialog cannot take focus.
  useLayoutEffect(() => {
    const element = dialog.current;
    if (open && element && !element.open) element.showModal();
    if (!open && element?.open) element.close();
  }, [open]);
  return (
    <dialog
      ref={dialog}
      className="confirm-dialog"
      aria-labelledby="confirm-title"
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
      onClose={() => open && onCancel()}
    >
      {open && (
        <div className="flow">
          <ScreenHeading id="confirm-title">{title}</ScreenHeading>
          <p>{body}</p>
          <div className="actions confirm-actions">
            <button type="button" className="button-primary" disabled={!ready} onClick={onConfirm}>
              {confirmLabel}
            </button>
            <button type="button" className="button-secondary" onClick={onCancel}>
              {cancelLabel}
            </button>
          </div>
        </div>
      )}
    </dialog>
  );
}
