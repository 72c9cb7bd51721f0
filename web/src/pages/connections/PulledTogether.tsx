import { Text } from '@mantine/core';
import type { Connection, MarketplaceRegion } from '../../api/types';
import { marketplaceCountry } from './queries';

/** The other marketplaces of the same Amazon seller account, by country code (DE, FR, …). */
export function pulledTogetherWith(
  connection: Connection,
  connections: Connection[] | undefined,
  regions: MarketplaceRegion[] | undefined,
): string[] {
  const ids = connection.sellerPull?.connectionIds ?? [];
  return ids
    .filter((id) => id !== connection.id)
    .map((id) => connections?.find((c) => c.id === id))
    .filter((c): c is Connection => c !== undefined)
    .map((c) => marketplaceCountry(regions, c.marketplaceId));
}

/**
 * "Pulled together with: DE, FR": connections of one Amazon seller account share one order pull
 * (one request for all their marketplaces). A connection activated later first catches up alone.
 */
export function PulledTogether({
  connection,
  connections,
  regions,
}: {
  connection: Connection;
  connections: Connection[] | undefined;
  regions: MarketplaceRegion[] | undefined;
}) {
  const others = pulledTogetherWith(connection, connections, regions);
  if (!connection.sellerPull || others.length === 0) return null;
  return (
    <Text size="sm" c="dimmed">
      {connection.sellerPull.catchingUp
        ? `Catching up on its own orders first, then pulled together with: ${others.join(', ')}`
        : `Pulled together with: ${others.join(', ')}`}{' '}
      (same Amazon seller account: its orders are synchronized together)
    </Text>
  );
}
