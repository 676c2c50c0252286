import { useEffect, useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * Tab from the last control goes to the first, and Shift+Tab from the first to the last:
 * showModal() makes the page behind inert, but Chromium would still let Tab leave for the
 * browser's own toolbar (WAI-ARIA APG dialog pattern).
 */
function keepTabInside(e: KeyboardEvent<HTMLDialogElement>): void {
  if (e.key !== 'Tab') return;
  const controls = [...e.currentTarget.querySelectorAll<HTMLElement>(FOCUSABLE)];
  const [first, last] = [controls[0], controls.at(-1)];
  if (!first || !last) return;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}

/**
 * A modal dialog on the native <dialog>: showModal() makes the rest of the page inert,
 * Tab cycles inside and Escape cancels. When it closes, focus goes back to the control
 * that opened it (WCAG 2.4.3); if that control is gone (the row it belonged to was merged
 * away), the page moves focus itself, after this has run.
 */
export function ModalDialog({
  titleId,
  bodyId,
  onCancel,
  children,
}: {
  titleId: string;
  bodyId?: string | undefined;
  /** Escape, or the dialog's own cancel button. */
  onCancel: () => void;
  children: ReactNode;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const opener = document.activeElement;
    const box = dialog.current;
    box?.showModal();
    // showModal() focuses the first control; a dialog may name a safer one (Cancel).
    box?.querySelector<HTMLElement>('[data-initial-focus]')?.focus();
    return () => {
      // Closed first, so the page is no longer inert and the opener can take focus.
      if (box?.open) box.close();
      if (opener instanceof HTMLElement && opener.isConnected) opener.focus();
    };
  }, []);
  return (
    <dialog
      ref={dialog}
      aria-labelledby={titleId}
      aria-describedby={bodyId}
      onKeyDown={keepTabInside}
      onCancel={(e) => {
        e.preventDefault();
        onCancel();
      }}
    >
      {children}
    </dialog>
  );
}
