import { useEffect, useRef, useState } from 'react';
import { lastServerContact } from '../api/client';
import { useSession } from '../app/session';
import { useT } from '../i18n/i18n-provider';

/**
 * The server ends a session after its idle limit (HIPAA 164.312(a)(2)(iii), automatic
 * logoff). It records activity at most once a minute, so the app signs out a minute
 * early rather than let someone type into a session that is already gone, and warns a
 * minute before that: time to say "I am still here".
 */
const SIGN_OUT_MARGIN_S = 60;
const WARNING_S = 60;

export function IdleWarning() {
  const t = useT();
  const { idleSeconds, refresh, signOut } = useSession();
  const dialog = useRef<HTMLDialogElement>(null);
  const [left, setLeft] = useState<number | null>(null);

  useEffect(() => {
    if (!idleSeconds) return;
    const signOutAfter = Math.max(idleSeconds - SIGN_OUT_MARGIN_S, idleSeconds / 2);
    const tick = () => {
      const idle = (Date.now() - lastServerContact()) / 1000;
      const remaining = Math.ceil(signOutAfter - idle);
      // Signed out, the shell's guard takes the person to the sign-in page, which says why.
      if (remaining > 0) setLeft(remaining <= WARNING_S ? remaining : null);
      else {
        // Once: the guard unmounts this component when the session is gone.
        clearInterval(timer);
        void signOut('idle');
      }
    };
    const timer = setInterval(tick, 1000);
    return () => clearInterval(timer);
  }, [idleSeconds, signOut]);

  const open = left !== null;
  useEffect(() => {
    const d = dialog.current;
    if (open && d && !d.open) d.showModal();
    if (!open && d?.open) d.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      aria-labelledby="idle-title"
      aria-describedby="idle-body"
      className="idle-warning"
      // Escape means "I am here" too: the person is evidently at the keyboard.
      onCancel={() => void refresh()}
    >
      <h2 id="idle-title">{t('web.idle.title')}</h2>
      <p id="idle-body">{t('web.idle.body', { seconds: left ?? WARNING_S })}</p>
      <div className="dialog-actions">
        <button type="button" className="primary" autoFocus onClick={() => void refresh()}>
          {t('web.idle.stay')}
        </button>
        <button type="button" onClick={() => void signOut()}>
          {t('web.shell.sign-out')}
        </button>
      </div>
    </dialog>
  );
}
