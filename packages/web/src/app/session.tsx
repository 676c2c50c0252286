import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { currentAccount, logout, type Account } from '../api/auth';
import { useLanguage } from '../i18n/i18n-provider';
import { toLanguage } from '../i18n/languages';

interface SessionState {
  /** undefined while the first /api/auth/me is under way, null when signed out. */
  account: Account | null | undefined;
  signedIn: (account: Account) => void;
  signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionState | null>(null);

export function useSession(): SessionState {
  const state = useContext(SessionContext);
  if (!state) throw new Error('useSession outside SessionProvider');
  return state;
}

/**
 * Who is signed in, asked of the server (the httpOnly cookie is invisible to scripts).
 * Nothing about the account is written to browser storage.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [account, setAccount] = useState<Account | null | undefined>(undefined);
  const { choose } = useLanguage();

  const signedIn = useCallback(
    (a: Account) => {
      setAccount(a);
      // The account's own language wins over the browser's (issue #4, point 3).
      const preferred = toLanguage(a.preferredLanguage);
      if (preferred) choose(preferred);
    },
    [choose],
  );

  useEffect(() => {
    let current = true;
    currentAccount().then(
      (a) => {
        if (!current) return;
        if (a) signedIn(a);
        else setAccount(null);
      },
      () => current && setAccount(null),
    );
    return () => {
      current = false;
    };
    // Once per page load; signing in later goes through signedIn.
  }, []);

  const signOut = useCallback(async () => {
    try {
      await logout();
    } finally {
      setAccount(null);
    }
  }, []);

  const state = useMemo(() => ({ account, signedIn, signOut }), [account, signedIn, signOut]);
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}
