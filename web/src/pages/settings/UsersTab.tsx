import {
  Badge,
  Button,
  Group,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Role, User } from '../../api/types';
import { useCurrentSession } from '../../auth/session';
import { ErrorAlert, ScrollTable, useNotify } from '../../components';
import { issuesByField } from '../connections/queries';

export function UsersTab() {
  const session = useCurrentSession();
  const isAdmin = session.user.role === 'admin';
  const queryClient = useQueryClient();
  const notify = useNotify();
  const users = useQuery({ queryKey: ['users'], queryFn: () => api<{ users: User[] }>('GET', '/api/users') });
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [role, setRole] = useState<Role>('member');
  const add = useMutation({
    mutationFn: () => api<User>('POST', '/api/users', { email: email.trim(), name: name.trim(), password, role }),
    onSuccess: (u) => {
      setEmail('');
      setName('');
      setPassword('');
      setRole('member');
      notify({ message: `User ${u.email} added` });
      void queryClient.invalidateQueries({ queryKey: ['users'] });
    },
  });
  const remove = useMutation({
    mutationFn: (id: string) => api<void>('DELETE', `/api/users/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['users'] }),
  });
  const errors = add.error instanceof ApiError ? issuesByField(add.error.issues) : {};
  const list = users.data?.users ?? [];

  return (
    <Stack>
      <ErrorAlert error={users.error} title="Could not load users" />
      {list.length > 0 && (
        <ScrollTable label="Users" minWidth={520} stickyAction={isAdmin}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Email</Table.Th>
              <Table.Th>Role</Table.Th>
              {isAdmin && <Table.Th>Actions</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {list.map((u) => (
              <Table.Tr key={u.id}>
                <Table.Td>{u.name}</Table.Td>
                <Table.Td>{u.email}</Table.Td>
                <Table.Td>
                  <Badge variant="light" color={u.role === 'admin' ? 'grape' : 'gray'}>
                    {u.role}
                  </Badge>
                </Table.Td>
                {isAdmin && (
                  <Table.Td>
                    {u.id !== session.user.id && (
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Remove user ${u.email}`}
                        loading={remove.isPending && remove.variables === u.id}
                        onClick={() => remove.mutate(u.id)}
                      >
                        Remove
                      </Button>
                    )}
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </ScrollTable>
      )}
      <ErrorAlert error={remove.error} title="Could not remove the user" />
      {isAdmin ? (
        <Paper withBorder p="md" radius="md">
          <form
            aria-label="Add user"
            onSubmit={(e) => {
              e.preventDefault();
              add.mutate();
            }}
          >
            <Stack gap="sm">
              <Title order={2} size="h5">
                Add user
              </Title>
              <SimpleGrid cols={{ base: 1, sm: 2 }}>
                <TextInput
                  label="Name"
                  required
                  value={name}
                  onChange={(e) => setName(e.currentTarget.value)}
                  error={errors['name']}
                />
                <TextInput
                  label="Email"
                  type="email"
                  required
                  value={email}
                  onChange={(e) => setEmail(e.currentTarget.value)}
                  error={errors['email']}
                  autoComplete="off"
                />
                <PasswordInput
                  label="Password"
                  required
                  value={password}
                  onChange={(e) => setPassword(e.currentTarget.value)}
                  error={errors['password']}
                  autoComplete="new-password"
                />
                <Select
                  label="Role"
                  allowDeselect={false}
                  data={[
                    { value: 'member', label: 'Member' },
                    { value: 'admin', label: 'Administrator' },
                  ]}
                  value={role}
                  onChange={(v) => v && setRole(v)}
                  error={errors['role']}
                />
              </SimpleGrid>
              <ErrorAlert error={add.error} title="The user was not added" />
              <Group justify="flex-end">
                <Button type="submit" loading={add.isPending} disabled={!email.trim() || !name.trim() || !password}>
                  Add user
                </Button>
              </Group>
            </Stack>
          </form>
        </Paper>
      ) : (
        <Text size="sm" c="dimmed">
          Only administrators can add or remove users.
        </Text>
      )}
    </Stack>
  );
}
