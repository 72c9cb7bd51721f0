import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { api } from '../../../api/client';
import type { Connection } from '../../../api/types';
import { keys } from '../queries';
import { takePending } from './wizard-draft';

/** Came back to the wizard from Connect with Amazon without finishing it: remove that unfinished connection. */
async function removeUnfinishedConnection(): Promise<void> {
  const pending = takePending();
  if (!pending) return;
  const c = await api<Connection>('GET', `/api/connections/${pending.id}`).catch(() => null);
  if (c && !c.active && c.refreshTokenHint === 'not authorised yet')
    await api<void>('DELETE', `/api/connections/${pending.id}`).catch(() => undefined);
}

/**
 * On opening the wizard, and when the browser restores it from its back/forward cache (Back from
 * Amazon's consent page), the connection left for Connect with Amazon is removed; `onRestored`
 * lets the page leave its "busy" state.
 */
export function useRemoveUnfinishedConnection(onRestored: () => void): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const cleanUp = () =>
      void removeUnfinishedConnection().then(() => queryClient.invalidateQueries({ queryKey: keys.connections }));
    cleanUp();
    const restored = (e: PageTransitionEvent) => {
      if (!e.persisted) return;
      onRestored();
      cleanUp();
    };
    window.addEventListener('pageshow', restored);
    return () => window.removeEventListener('pageshow', restored);
    // Once per mount: onRestored only resets state.
  }, [queryClient]);
}
