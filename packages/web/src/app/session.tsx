import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useRef,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import {
  currentSession,
  logout,
  saveAccountLanguage,
  type Account,
  type CurrentSession,
} from '../api/auth';
import { useLanguage } from '../i18n/i18n-provider';
import { toLanguage, type Language } from '../i18n/languages';
import { onOtherTabs, tellOtherTabs } from './tabs';

interface SessionState {
  /** undefined while the first /api/auth/me is under way, null when signed out. */
  account: Account | null | undefined;
  idleSeconds: number | null;
  permissions: ReadonlySet<string>;
  /** Asks the server again (after sign-in, or to show activity before the idle limit). */
  refresh: () => Promise<void>;
  /** Ends the session; `idle` when the app did it for inactivity, to say so at sign-in. */
  signOut: (why?: 'idle') => Promise<void>;
  endedForInactivity: boolean;
  /**
   * Switches the screens' language at once and, when someone is signed in, keeps it on
   * their account so every later sign-in opens in it (issue #4 point 3).
   */
  chooseLanguage: (lang: Language) => void;
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
  const [session, setSession] = useState<CurrentSession | null | undefined>(undefined);
  const [endedForInactivity, setEndedForInactivity] = useState(false);
  const signedInAs = useRef<string | null>(null);
  const { choose } = useLanguage();

  const refresh = useCallback(async () => {
    let next: CurrentSession | null;
    try {
      next = await currentSession();
    } catch {
      next = null;
    }
    if (next) setEndedForInactivity(false);
    // The account's own language wins over the browser's (issue #4, point 3), once per sign-in.
    const preferred = toLanguage(next?.account.preferredLanguage);
    if (next && preferred && signedInAs.current !== next.account.id) choose(preferred);
    signedInAs.current = next?.account.id ?? null;
    setSession(next);
  }, [choose]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  // Signed out in another tab: this one is signed out too (the cookie is gone).
  useEffect(
    () =>
      onOtherTabs((m) => {
        if (m.kind !== 'signed-out') return;
        signedInAs.current = null;
        setSession(null);
      }),
    [],
  );

  const signOut = useCallback(async (why?: 'idle') => {
    try {
      await logout();
    } finally {
      setEndedForInactivity(why === 'idle');
      signedInAs.current = null;
      setSession(null);
      tellOtherTabs({ kind: 'signed-out' });
    }
  }, []);

  const signedIn = Boolean(session);
  const chooseLanguage = useCallback(
    (lang: Language) => {
      choose(lang);
      // The switch has happened on this device either way; if saving fails, the account
      // keeps its earlier language and the next sign-in opens in that one.
      if (signedIn) void saveAccountLanguage(lang).catch(() => undefined);
    },
    [choose, signedIn],
  );

  const state = useMemo(
    () => ({
      account: session === undefined ? undefined : (session?.account ?? null),
      idleSeconds: session?.idleSeconds ?? null,
      permissions: new Set(session?.permissions ?? []),
      refresh,
      signOut,
      endedForInactivity,
      chooseLanguage,
    }),
    [session, refresh, signOut, endedForInactivity, chooseLanguage],
  );
  return <SessionContext.Provider value={state}>{children}</SessionContext.Provider>;
}
