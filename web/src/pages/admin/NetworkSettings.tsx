import { Stack, Switch, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/client';
import type { components } from '../../api/openapi';
import { ErrorAlert, useNotify } from '../../components';

type InstallationSettings = components['schemas']['InstallationSettings'];
type Allowance = 'allowCustomAmazonEndpoints' | 'allowPrivateStoreAddresses';

const ALLOWANCES: Array<{ key: Allowance; label: string; description: string }> = [
  {
    key: 'allowPrivateStoreAddresses',
    label: 'Allow stores on private addresses',
    description:
      'Store URLs and webhook URLs may point at this server or its private network (localhost, 10.x, 192.168.x, …). ' +
      'Switch it on when your shop runs on the same host as OrderBridge; any member can then make OrderBridge call those addresses.',
  },
  {
    key: 'allowCustomAmazonEndpoints',
    label: 'Allow custom Amazon endpoints',
    description:
      "Connections may use SP-API and Login with Amazon URLs other than Amazon's (a proxy or a simulator). " +
      "The app's client secret is sent to the LWA URL, so leave it off unless you need it.",
  },
];

/** Installation-wide network allowances (Admin page): off by default, each a switch. */
export function NetworkSettings() {
  const notify = useNotify();
  const queryClient = useQueryClient();
  const settings = useQuery({
    queryKey: ['admin', 'settings'],
    queryFn: () => api<InstallationSettings>('GET', '/api/admin/settings'),
  });
  const save = useMutation({
    mutationFn: (patch: Partial<Record<Allowance, boolean>>) =>
      api<InstallationSettings>('PUT', '/api/admin/settings', patch),
    onSuccess: (saved) => {
      notify({ message: 'Network settings saved' });
      queryClient.setQueryData(['admin', 'settings'], saved);
    },
  });
  return (
    <Stack gap="xs">
      <Title order={2} size="h3">
        Network
      </Title>
      <Text size="sm" c="dimmed">
        Where OrderBridge may send requests for the accounts of this installation.
      </Text>
      <ErrorAlert error={settings.error} title="Could not load the network settings" />
      <ErrorAlert error={save.error} title="The network settings were not saved" />
      {settings.data &&
        ALLOWANCES.map(({ key, label, description }) => {
          const forced = settings.data.environment[key];
          return (
            <Switch
              key={key}
              label={label}
              description={
                forced ? `${description} Switched on by the environment (ORDERBRIDGE_ALLOW_…=true).` : description
              }
              checked={forced || settings.data[key]}
              disabled={forced || save.isPending}
              onChange={(e) => save.mutate({ [key]: e.currentTarget.checked })}
            />
          );
        })}
    </Stack>
  );
}
