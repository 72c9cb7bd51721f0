import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import type { Connection } from '../../../api/types';
import { keys } from '../queries';
import { takePending } from './wizard-draft';

/**
 * Back from Connect with Amazon on the connection page: the wizard's connection is finished, so it
 * is no longer pending; when the merchant chose "Activate order synchronization" in the wizard it is
 * activated now (the authorisation it needed has arrived). Returns the refusal, e.g. the plan's.
 */
export function useFinishWizardAfterAmazon(connectionId: string, outcome: string | null): unknown {
  const queryClient = useQueryClient();
  const [refusal, setRefusal] = useState<unknown>(null);
  useEffect(() => {
    if (outcome !== 'connected') return;
    const pending = takePending();
    if (!pending || pending.id !== connectionId || !pending.activate) return;
    api<Connection>('PATCH', `/api/connections/${encodeURIComponent(connectionId)}`, { active: true })
      .then((c) => {
        queryClient.setQueryData(keys.connection(connectionId), c);
        return queryClient.invalidateQueries({ queryKey: keys.connections, exact: true });
      })
      .catch(setRefusal);
  }, [connectionId, outcome, queryClient]);
  return refusal;
}
