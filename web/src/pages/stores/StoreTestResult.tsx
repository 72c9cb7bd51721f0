import { Alert, Text } from '@mantine/core';
import { ErrorAlert } from '../../components';

/** The answer of Test connection in the Add store form: the store's own name, or what failed. */
export function StoreTestResult({
  result,
  error,
}: {
  result: { storeName: string; platform: string } | null;
  error: unknown;
}) {
  if (error) return <ErrorAlert error={error} title="Test connection failed" />;
  if (!result) return null;
  return (
    <Alert color="green" title="Connection works" role="status">
      <Text size="sm">Connected to “{result.storeName}”.</Text>
    </Alert>
  );
}
