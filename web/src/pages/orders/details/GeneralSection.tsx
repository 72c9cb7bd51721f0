import { Anchor, Badge, Group } from '@mantine/core';
import { Link } from 'react-router';
import { DateTime, humanize } from '../../../components';
import type { Order } from '../types';
import { Facts, Section } from './Section';

/** The order's identity, dates, fulfilment, flags and store state. */
export function GeneralSection({ order, connectionName }: { order: Order; connectionName: string }) {
  const f = order.flags;
  const flags = [
    f?.prime && 'Prime',
    f?.business && 'Business order',
    f?.gift && 'Gift',
    f?.replacement && `Replacement${f.replacedOrderId ? ` of ${f.replacedOrderId}` : ''}`,
    f?.buyerCancelRequested && 'Buyer asked to cancel',
  ].filter((x): x is string => Boolean(x));
  return (
    <Section id="general" title="General">
      <Facts
        items={[
          ['Amazon order id', order.amazonOrderId],
          ['Seller order id', order.sellerOrderId],
          [
            'Connection',
            <Anchor component={Link} to={`/connections/${encodeURIComponent(order.connectionId)}`} size="sm">
              {connectionName}
            </Anchor>,
          ],
          ['Marketplace', order.marketplaceId],
          [
            'Fulfilment',
            order.fulfillmentChannel === 'AFN'
              ? 'Amazon (FBA, AFN)'
              : order.fulfillmentChannel === 'MFN'
                ? 'Merchant (MFN)'
                : order.fulfillmentChannel,
          ],
          ['Currency', order.currency],
          ['Created on Amazon', <DateTime value={order.createdTime} />],
          ['Last updated on Amazon', <DateTime value={order.lastUpdatedTime} />],
          ['Imported', <DateTime value={order.importedAt} />],
          ['Updated in OrderBridge', <DateTime value={order.updatedAt} />],
          ['Service level', f?.serviceLevel ?? null],
          ['Latest ship date', <DateTime value={f?.latestShipDate} />],
          ['Latest delivery date', <DateTime value={f?.latestDeliveryDate} />],
          ['Payment method', f?.paymentMethod ?? null],
          [
            'Special handling',
            flags.length > 0 ? (
              <Group gap={4} title="Amazon's order flags (IsPrime, IsBusinessOrder, IsGift, IsReplacementOrder…)">
                {flags.map((x) => (
                  <Badge key={x} variant="outline" size="sm" style={{ textTransform: 'none' }}>
                    {x}
                  </Badge>
                ))}
              </Group>
            ) : (
              'None'
            ),
          ],
          ['Programs', f && f.programs.length > 0 ? f.programs.join(', ') : 'None'],
          ['IOSS numbers', f && f.iossNumbers.length > 0 ? f.iossNumbers.join(', ') : 'None'],
          ['Store state', order.storeState ? humanize(order.storeState) : 'Not looked at yet'],
          ['Store order', order.storeOrderRef],
          ...(order.skipReason ? [['Skipped because', order.skipReason] as [string, string]] : []),
          ...(order.holdReason ? [['Held because', order.holdReason] as [string, string]] : []),
          ...(order.errorCode
            ? [['Error', `${order.errorMessage ?? ''} (${order.errorCode})`] as [string, string]]
            : []),
        ]}
      />
    </Section>
  );
}
