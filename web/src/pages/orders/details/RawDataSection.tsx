import { Button, Collapse, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { JsonBlock, Section } from './Section';

/** Amazon's order JSON as received, collapsed by default. */
export function RawDataSection({ raw }: { raw: unknown }) {
  const [open, setOpen] = useState(false);
  return (
    <Section id="raw" title="Amazon’s raw data">
      <Stack gap="xs">
        <Text size="sm" c="dimmed">
          The order exactly as Amazon’s Orders API returned it the last time it changed.
        </Text>
        <Button
          variant="light"
          size="xs"
          onClick={() => setOpen((o) => !o)}
          aria-expanded={open}
          aria-controls="raw-json"
          style={{ alignSelf: 'flex-start' }}
        >
          {open ? 'Hide raw JSON' : 'Show raw JSON'}
        </Button>
        <Collapse expanded={open} id="raw-json" keepMounted={false}>
          <JsonBlock value={raw} label="Amazon’s raw order JSON" />
        </Collapse>
      </Stack>
    </Section>
  );
}
