import {
  Button,
  Checkbox,
  Group,
  Paper,
  PasswordInput,
  Select,
  SimpleGrid,
  Stack,
  TextInput,
  Title,
} from '@mantine/core';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Plan } from '../../api/types';
import { ErrorAlert, useNotify } from '../../components';
import { issuesByField } from '../connections/queries';

export function CreateAccountForm({ plans, onDone }: { plans: Plan[]; onDone: () => void }) {
  const queryClient = useQueryClient();
  const notify = useNotify();
  const [name, setName] = useState('');
  const [planId, setPlanId] = useState<string | null>(null);
  const [withOwner, setWithOwner] = useState(true);
  const [owner, setOwner] = useState({ email: '', name: '', password: '' });
  const create = useMutation({
    mutationFn: () =>
      api<{ account: { id: string; name: string } }>('POST', '/api/admin/accounts', {
        name: name.trim(),
        ...(planId ? { planId } : {}),
        ...(withOwner
          ? { owner: { email: owner.email.trim(), name: owner.name.trim(), password: owner.password } }
          : {}),
      }),
    onSuccess: ({ account }) => {
      notify({ message: `Account ${account.name} created` });
      void queryClient.invalidateQueries({ queryKey: ['admin', 'accounts'] });
      onDone();
    },
  });
  const errors = create.error instanceof ApiError ? issuesByField(create.error.issues) : {};

  return (
    <Paper withBorder p="md" radius="md">
      <form
        aria-label="Create account"
        onSubmit={(e) => {
          e.preventDefault();
          create.mutate();
        }}
      >
        <Stack gap="sm">
          <Title order={2} size="h4">
            Create account
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label="Account name"
              required
              value={name}
              onChange={(e) => setName(e.currentTarget.value)}
              error={errors['name']}
            />
            <Select
              label="Plan"
              placeholder="Default plan"
              clearable
              data={plans.map((p) => ({ value: p.id, label: p.name }))}
              value={planId}
              onChange={setPlanId}
              error={errors['planId']}
            />
          </SimpleGrid>
          <Checkbox
            label="Create the account's first user (its owner)"
            checked={withOwner}
            onChange={(e) => setWithOwner(e.currentTarget.checked)}
          />
          {withOwner && (
            <SimpleGrid cols={{ base: 1, sm: 3 }}>
              <TextInput
                label="Owner name"
                required
                value={owner.name}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setOwner((o) => ({ ...o, name: v }));
                }}
                error={errors['owner.name']}
              />
              <TextInput
                label="Owner email"
                type="email"
                required
                value={owner.email}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setOwner((o) => ({ ...o, email: v }));
                }}
                error={errors['owner.email']}
                autoComplete="off"
              />
              <PasswordInput
                label="Owner password"
                required
                value={owner.password}
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  setOwner((o) => ({ ...o, password: v }));
                }}
                error={errors['owner.password']}
                autoComplete="new-password"
              />
            </SimpleGrid>
          )}
          <ErrorAlert error={create.error} title="The account was not created" />
          <Group justify="flex-end">
            <Button variant="default" onClick={onDone}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending} disabled={!name.trim()}>
              Create account
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
