import { Text } from '@mantine/core';
import { StatusBadge } from '../../../components';

const FBA_NOT_SENT = 'Not sent to Amazon: Amazon fulfils FBA orders';

/** The state of a shipment or cancellation on Amazon; an FBA order's is kept, never sent. */
export function AmazonState({ state }: { state: string }) {
  if (state !== 'not_sent') return <StatusBadge status={state} />;
  return (
    <>
      <StatusBadge status={state} label="Not sent (FBA)" />
      <Text size="xs" c="dimmed">
        {FBA_NOT_SENT}
      </Text>
    </>
  );
}
