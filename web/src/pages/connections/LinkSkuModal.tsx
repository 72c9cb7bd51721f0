import { Modal, Stack, Text } from '@mantine/core';
import { LinkSkuForm } from './LinkSkuForm';

/** The Link SKU form in a dialog, with the SKU and the connection filled in (needs-attention, an order's page). */
export function LinkSkuModal({
  sku,
  connectionId,
  connectionName,
  onClose,
  onLinked,
}: {
  /** The SKU to link; null = closed. */
  sku: string | null;
  connectionId: string;
  connectionName: string;
  onClose: () => void;
  onLinked: () => void;
}) {
  return (
    <Modal opened={sku !== null} onClose={onClose} title={`Link SKU ${sku ?? ''}`} size="lg">
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          Connection {connectionName}. Pick the store product this Amazon SKU is; held orders with it go to the store.
        </Text>
        {sku !== null && <LinkSkuForm connectionId={connectionId} initialSku={sku} onLinked={onLinked} />}
      </Stack>
    </Modal>
  );
}
