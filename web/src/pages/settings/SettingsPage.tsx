import { Stack, Tabs } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components';
import { AuditLogTab } from './AuditLogTab';
import { RetentionTab } from './RetentionTab';
import { TokensTab } from './TokensTab';
import { UsersTab } from './UsersTab';

const TABS = ['users', 'tokens', 'retention', 'audit'] as const;

export default function SettingsPage() {
  const [params, setParams] = useSearchParams();
  const tab = TABS.find((t) => t === params.get('tab')) ?? 'users';
  return (
    <Stack>
      <PageHeader
        title="Settings"
        description="Users, API tokens, buyer data retention and the audit log of your account."
      />
      <Tabs
        value={tab}
        onChange={(t) => setParams(t && t !== 'users' ? { tab: t } : {}, { replace: true })}
        keepMounted={false}
      >
        <Tabs.List>
          <Tabs.Tab value="users">Users</Tabs.Tab>
          <Tabs.Tab value="tokens">API tokens</Tabs.Tab>
          <Tabs.Tab value="retention">Data retention</Tabs.Tab>
          <Tabs.Tab value="audit">Audit log</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="users" pt="md">
          <UsersTab />
        </Tabs.Panel>
        <Tabs.Panel value="tokens" pt="md">
          <TokensTab />
        </Tabs.Panel>
        <Tabs.Panel value="retention" pt="md">
          <RetentionTab />
        </Tabs.Panel>
        <Tabs.Panel value="audit" pt="md">
          <AuditLogTab />
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
