import { Alert, Text } from '@mantine/core';
import type { ConnectionTestResult } from '../../api/types';
import { DateTime } from '../../components';

/** The outcome of POST /api/connections/:id/test. */
export function ConnectionTestResultAlert({ result }: { result: ConnectionTestResult }) {
  return (
    <Alert
      color={result.ok ? 'green' : 'red'}
      title={result.ok ? 'Connection works' : 'Connection test failed'}
      role={result.ok ? 'status' : 'alert'}
    >
      <Text size="sm">{result.message}</Text>
      <Text size="xs" c="dimmed" mt={4}>
        {result.ok ? '' : `${result.code} · `}checked <DateTime value={result.checkedAt} seconds />
      </Text>
    </Alert>
  );
}
