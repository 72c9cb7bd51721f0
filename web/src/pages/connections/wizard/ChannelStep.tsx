import { Button, Group, Radio, Stack, Text } from '@mantine/core';

/** Step 1: the channel (Amazon is the only one). */
export function ChannelStep({ onNext }: { onNext: () => void }) {
  return (
    <Stack mt="md">
      <Radio.Group label="Channel" value="amazon" onChange={() => undefined}>
        <Stack mt="xs">
          <Radio value="amazon" label="Amazon (Selling Partner API)" />
        </Stack>
      </Radio.Group>
      <Text size="sm" c="dimmed">
        OrderBridge imports Amazon orders into your store and sends shipments, cancellations and stock back.
      </Text>
      <Group justify="flex-end">
        <Button onClick={onNext}>Next</Button>
      </Group>
    </Stack>
  );
}
