import { Alert, Button, Code, CopyButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ApiToken } from '../../api/types';
import { DateTime, ErrorAlert, ScrollTable } from '../../components';

export function TokensTab() {
  const queryClient = useQueryClient();
  const tokens = useQuery({ queryKey: ['tokens'], queryFn: () => api<{ tokens: ApiToken[] }>('GET', '/api/tokens') });
  const [name, setName] = useState('');
  const [created, setCreated] = useState<{ token: ApiToken; secret: string } | null>(null);
  const create = useMutation({
    mutationFn: () => api<{ token: ApiToken; secret: string }>('POST', '/api/tokens', { name: name.trim() }),
    onSuccess: (r) => {
      setCreated(r);
      setName('');
      void queryClient.invalidateQueries({ queryKey: ['tokens'] });
    },
  });
  const revoke = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/tokens/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['tokens'] }),
  });
  const list = tokens.data?.tokens ?? [];

  return (
    <Stack>
      <Text size="sm" c="dimmed">
        API tokens let scripts, stores and ERPs call the REST API as this account:{' '}
        <Code>Authorization: Bearer &lt;token&gt;</Code>.
      </Text>
      <form
        aria-label="Create API token"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label="Token name"
            description="What uses it, e.g. “ERP import”"
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
            Create token
          </Button>
        </Group>
      </form>
      <ErrorAlert error={create.error} title="The token was not created" />
      {created && (
        <Alert
          color="green"
          title={`Token “${created.token.name}” created`}
          withCloseButton
          closeButtonLabel="Dismiss"
          onClose={() => setCreated(null)}
        >
          <Stack gap="xs">
            <Text size="sm">Copy it now: it is shown only once.</Text>
            <Code block aria-label="New API token" style={{ overflowWrap: 'anywhere', whiteSpace: 'pre-wrap' }}>
              {created.secret}
            </Code>
            <Group>
              <CopyButton value={created.secret}>
                {({ copied, copy }) => (
                  <Button size="xs" color={copied ? 'teal' : 'indigo'} onClick={copy}>
                    {copied ? 'Copied' : 'Copy token'}
                  </Button>
                )}
              </CopyButton>
            </Group>
          </Stack>
        </Alert>
      )}
      <ErrorAlert error={tokens.error} title="Could not load tokens" />
      {tokens.isSuccess && list.length === 0 && <Text size="sm">No API tokens yet.</Text>}
      {list.length > 0 && (
        <ScrollTable label="API tokens" minWidth={560} stickyAction>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Token starts with</Table.Th>
              <Table.Th>Created</Table.Th>
              <Table.Th>Last used</Table.Th>
              <Table.Th>Actions</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((t) => (
              <Table.Tr key={t.id}>
                <Table.Td>{t.name}</Table.Td>
                <Table.Td ff="monospace">{t.prefix}…</Table.Td>
                <Table.Td>
                  <DateTime value={t.createdAt} />
                </Table.Td>
                <Table.Td>{t.lastUsedAt ? <DateTime value={t.lastUsedAt} /> : 'never'}</Table.Td>
                <Table.Td>
                  <Button
                    size="xs"
                    variant="subtle"
                    color="red"
                    aria-label={`Revoke token ${t.name}`}
                    loading={revoke.isPending && revoke.variables === t.id}
                    onClick={() => revoke.mutate(t.id)}
                  >
                    Revoke
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      <ErrorAlert error={revoke.error} title="Could not revoke the token" />
    </Stack>
  );
}
