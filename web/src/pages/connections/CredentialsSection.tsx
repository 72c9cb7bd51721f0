import { Button, Group, Paper, PasswordInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Connection } from '../../api/types';
import { ErrorAlert, useNotify } from '../../components';
import { issuesByField, keys } from './queries';

const hint = (last4: string) => (last4 ? `••••${last4}` : 'not set');

/** SP-API credentials: only the last 4 characters are ever shown; new values replace them. */
export function CredentialsSection({ connection }: { connection: Connection }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [clientId, setClientId] = useState('');
  const [clientSecret, setClientSecret] = useState('');
  const [refreshToken, setRefreshToken] = useState('');
  const update = useMutation({
    mutationFn: () => {
      const body: Record<string, string> = {};
      if (clientId.trim()) body['clientId'] = clientId.trim();
      if (clientSecret) body['clientSecret'] = clientSecret;
      if (refreshToken.trim()) body['refreshToken'] = refreshToken.trim();
      return api<Connection>('PATCH', `/api/connections/${connection.id}`, body);
    },
    onSuccess: (c) => {
      queryClient.setQueryData(keys.connection(connection.id), c);
      setClientId('');
      setClientSecret('');
      setRefreshToken('');
      notify({ message: 'Credentials updated' });
    },
  });
  const amazon = useMutation({
    mutationFn: () => api<{ consentUrl: string }>('POST', `/api/connections/${connection.id}/amazon-authorization`),
    onSuccess: ({ consentUrl }) => window.location.assign(consentUrl),
  });
  const errors = update.error instanceof ApiError ? issuesByField(update.error.issues) : {};

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          Credentials
        </Title>
        <Table aria-label="Stored credentials" withRowBorders={false} layout="fixed">
          <Table.Tbody>
            <Table.Tr>
              <Table.Th w={160}>LWA client ID</Table.Th>
              <Table.Td style={{ overflowWrap: 'anywhere' }}>{connection.clientId || 'installation default'}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>LWA client secret</Table.Th>
              <Table.Td>{hint(connection.clientSecretHint)}</Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th>Refresh token</Table.Th>
              <Table.Td>{hint(connection.refreshTokenHint)}</Table.Td>
            </Table.Tr>
          </Table.Tbody>
        </Table>
        <Group>
          <Button variant="light" onClick={() => amazon.mutate()} loading={amazon.isPending}>
            Connect with Amazon
          </Button>
        </Group>
        <ErrorAlert error={amazon.error} title="Could not start Amazon authorisation" />
        <form
          onSubmit={(e) => {
            e.preventDefault();
            update.mutate();
          }}
        >
          <Stack gap="xs">
            <Text size="sm" c="dimmed">
              Replace credentials (leave a field empty to keep it):
            </Text>
            <TextInput
              label="New LWA client ID"
              value={clientId}
              onChange={(e) => setClientId(e.currentTarget.value)}
              error={errors['clientId']}
              autoComplete="off"
            />
            <PasswordInput
              label="New LWA client secret"
              value={clientSecret}
              onChange={(e) => setClientSecret(e.currentTarget.value)}
              error={errors['clientSecret']}
              autoComplete="new-password"
            />
            <PasswordInput
              label="New refresh token"
              value={refreshToken}
              onChange={(e) => setRefreshToken(e.currentTarget.value)}
              error={errors['refreshToken']}
              autoComplete="new-password"
            />
            <ErrorAlert error={update.error} title="Could not update the credentials" />
            <Group>
              <Button
                type="submit"
                variant="default"
                loading={update.isPending}
                disabled={!clientId.trim() && !clientSecret && !refreshToken.trim()}
              >
                Update credentials
              </Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Paper>
  );
}
