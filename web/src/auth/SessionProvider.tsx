import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, setCsrfToken } from '../api/client';
import type { Session } from '../api/types';
import { SessionContext, type SessionContextValue, type SessionStatus } from './session';

/** Loads the session (GET /api/auth/me) on start; keeps the CSRF token for the API client. */
export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [session, setSession] = useState<Session | null>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const adopt = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null);
    setSession(next);
    setStatus(next ? 'authenticated' : 'anonymous');
    setProblem(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      adopt(await api<Session>('GET', '/api/auth/me', undefined, { silent401: true }));
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) return adopt(null);
      setCsrfToken(null);
      setSession(null);
      setStatus('unavailable');
      setProblem(
        error instanceof ApiError && error.status === 404
          ? 'This server has no login endpoint yet (GET /api/auth/me answered 404).'
          : error instanceof Error
            ? error.message
            : String(error),
      );
    }
  }, [adopt]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setSession(null);
        setStatus('anonymous');
        queryClient.clear();
      }),
    [queryClient],
  );

  const value = useMemo<SessionContextValue>(
    () => ({
      status,
      session,
      problem,
      refresh,
      login: async (email, password) => {
        const next = await api<Session>('POST', '/api/auth/login', { email, password }, { silent401: true });
        queryClient.clear();
        adopt(next);
        return next;
      },
      logout: async () => {
        try {
          await api<void>('POST', '/api/auth/logout');
        } finally {
          queryClient.clear();
          adopt(null);
        }
      },
      switchAccount: async (accountId) => {
        const next = await api<Session>('POST', '/api/auth/switch-account', { accountId });
        queryClient.clear();
        adopt(next);
        return next;
      },
    }),
    [status, session, problem, refresh, adopt, queryClient],
  );

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
