import { AppShell, Burger, Button, Group, NavLink, ScrollArea, Select, Stack, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { NavLink as RouterNavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { api } from '../api/client';
import type { AdminAccount } from '../api/types';
import { useCurrentSession, useSession } from '../auth/session';
import { ErrorAlert } from '../components';
import { QuotaNotice } from './QuotaNotice';

const NAV = [
  { to: '/', label: 'Dashboard', end: true },
  { to: '/connections', label: 'Connections' },
  { to: '/orders', label: 'Orders' },
  { to: '/attention', label: 'Needs attention' },
  { to: '/shipments', label: 'Shipments' },
  { to: '/stock', label: 'Stock' },
  { to: '/sync-runs', label: 'Sync runs' },
  { to: '/stores', label: 'Stores' },
  { to: '/plan', label: 'Plan' },
  { to: '/settings', label: 'Settings' },
] as const;

/** Admins switch the account they work in (POST /api/auth/switch-account). */
function AccountSwitcher() {
  const { switchAccount } = useSession();
  const session = useCurrentSession();
  const navigate = useNavigate();
  const [error, setError] = useState<unknown>(null);
  const accounts = useQuery({
    queryKey: ['admin', 'accounts'],
    queryFn: () => api<{ accounts: AdminAccount[] }>('GET', '/api/admin/accounts'),
  });
  const data = (accounts.data?.accounts ?? [{ id: session.account.id, name: session.account.name }]).map((a) => ({
    value: a.id,
    label: a.name,
  }));
  return (
    <Stack gap={4}>
      <Select
        label="Account"
        size="xs"
        data={data}
        value={session.account.id}
        allowDeselect={false}
        searchable
        onChange={(id) => {
          if (!id || id === session.account.id) return;
          setError(null);
          switchAccount(id).then(
            () => void navigate('/'),
            (e: unknown) => setError(e),
          );
        }}
      />
      <ErrorAlert error={error} title="Could not switch account" />
    </Stack>
  );
}

/** The frame of every signed-in page: header with burger (phones), navigation, account, logout. */
export default function Shell() {
  const [opened, { toggle, close }] = useDisclosure();
  const session = useCurrentSession();
  const { logout } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const isAdmin = session.user.role === 'admin';

  useEffect(() => close(), [location.pathname, close]);

  const items = isAdmin ? [...NAV, { to: '/admin', label: 'Admin' } as const] : NAV;

  return (
    <AppShell
      header={{ height: 56 }}
      navbar={{ width: 250, breakpoint: 'sm', collapsed: { mobile: !opened } }}
      padding={{ base: 'sm', sm: 'md' }}
    >
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={opened}
              onClick={toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={opened ? 'Close navigation' : 'Open navigation'}
            />
            <Title order={2} size="h4">
              OrderBridge
            </Title>
          </Group>
          <Group gap="sm" wrap="nowrap">
            <Text size="sm" c="dimmed" visibleFrom="xs" truncate maw={260}>
              {session.account.name}
            </Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="sm" aria-label="Main navigation">
        <AppShell.Section grow component={ScrollArea}>
          <nav aria-label="Main">
            {items.map((item) => (
              <NavLink
                key={item.to}
                component={RouterNavLink}
                to={item.to}
                end={'end' in item ? item.end : false}
                label={item.label}
                active={
                  item.to === '/'
                    ? location.pathname === '/'
                    : location.pathname === item.to || location.pathname.startsWith(`${item.to}/`)
                }
              />
            ))}
          </nav>
        </AppShell.Section>
        <AppShell.Section pt="sm" style={{ borderTop: '1px solid var(--mantine-color-default-border)' }}>
          <Stack gap="xs">
            <div>
              <Text size="sm" fw={600} truncate>
                {session.user.name}
              </Text>
              <Text size="xs" c="dimmed" truncate>
                {session.user.email} · {session.user.role}
              </Text>
              {!isAdmin && (
                <Text size="xs" c="dimmed" truncate>
                  Account: {session.account.name}
                </Text>
              )}
            </div>
            {isAdmin && <AccountSwitcher />}
            <Button
              variant="default"
              size="xs"
              onClick={() => {
                void logout().finally(() => void navigate('/login'));
              }}
            >
              Log out
            </Button>
          </Stack>
        </AppShell.Section>
      </AppShell.Navbar>
      <AppShell.Main>
        <QuotaNotice />
        <Outlet />
      </AppShell.Main>
    </AppShell>
  );
}
