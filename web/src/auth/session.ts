import { createContext, useContext } from 'react';
import type { Session } from '../api/types';

export type SessionStatus = 'loading' | 'authenticated' | 'anonymous' | 'unavailable';

export interface SessionContextValue {
  status: SessionStatus;
  /** The logged-in user and account (null unless authenticated). */
  session: Session | null;
  /** Why the session could not be loaded when status is 'unavailable' (server down, auth API missing). */
  problem: string | null;
  login: (email: string, password: string) => Promise<Session>;
  logout: () => Promise<void>;
  switchAccount: (accountId: string) => Promise<Session>;
  refresh: () => Promise<void>;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside <SessionProvider>');
  return value;
}

/** The current session; only call below <RequireAuth> where it always exists. */
export function useCurrentSession(): Session {
  const { session } = useSession();
  if (!session) throw new Error('useCurrentSession without a session');
  return session;
}

export function useIsAdmin(): boolean {
  return useSession().session?.user.role === 'admin';
}
