import { useQuery } from '@tanstack/react-query';
import { api, query } from '../../api/client';
import type { components } from '../../api/openapi';

export type Shipment = components['schemas']['Shipment'];
export type ShipmentState = Shipment['state'];

export const SHIPMENT_STATES: { value: ShipmentState; label: string }[] = [
  { value: 'pending', label: 'Waiting to be sent' },
  { value: 'confirmed', label: 'Confirmed by Amazon' },
  { value: 'failed', label: 'Failed' },
  { value: 'invalid', label: 'Invalid (not sendable)' },
];

/** All shipments of the account, or of one connection, newest first. */
export function useShipments(filter: { connection?: string | undefined; state?: string | undefined; limit: number }) {
  return useQuery({
    queryKey: ['shipments', filter],
    queryFn: ({ signal }) =>
      api<{ shipments: Shipment[] }>('GET', `/api/shipments${query(filter)}`, undefined, { signal }),
    select: (d) => d.shipments,
    placeholderData: (previous) => previous,
    // Pending shipments are confirmed by the worker within a minute: follow them.
    refetchInterval: (q) => (q.state.data?.shipments.some((s) => s.state === 'pending') ? 10_000 : false),
  });
}
