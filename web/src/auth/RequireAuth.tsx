import { Alert, Button, Center, Container, Loader, Stack } from '@mantine/core';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from './session';

/** Renders its children with a session; otherwise goes to /login (remembering where the user was). */
export function RequireAuth({ children }: { children: ReactNode }) {
  const { status, problem, refresh } = useSession();
  const location = useLocation();
  if (status === 'loading') {
    return (
      <Center h="100vh">
        <Loader aria-label="Loading your session" />
      </Center>
    );
  }
  if (status === 'unavailable') {
    return (
      <Container size="sm" py="xl">
        <Stack>
          <Alert color="red" title="Cannot load your session">
            {problem}
          </Alert>
          <Button onClick={() => void refresh()}>Try again</Button>
        </Stack>
      </Container>
    );
  }
  if (status === 'anonymous') {
    const next = `${location.pathname}${location.search}`;
    return <Navigate to={next === '/' ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}
