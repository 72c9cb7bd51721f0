import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useSession } from './session';

/** Where to go after login: only same-site paths (never an open redirect). */
function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export default function LoginPage() {
  const { status, login } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<{ title: string; message: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const next = safeNext(params.get('next'));

  if (status === 'authenticated') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await login(email.trim(), password);
      await navigate(next, { replace: true });
    } catch (e) {
      if (e instanceof ApiError && e.code === 'login_throttled') {
        setError({ title: 'Too many attempts', message: e.message });
      } else if (e instanceof ApiError && (e.code === 'invalid_credentials' || e.status === 401)) {
        setError({ title: 'Login failed', message: e.message || 'Wrong email or password.' });
      } else {
        setError({ title: 'Login failed', message: e instanceof Error ? e.message : String(e) });
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Center mih="100vh" p="md">
      <Paper withBorder shadow="sm" p="xl" radius="md" w="100%" maw={420}>
        <form onSubmit={(e) => void submit(e)} aria-label="Log in" noValidate>
          <Stack>
            <div>
              <Title order={1} size="h2">
                OrderBridge
              </Title>
              <Text c="dimmed" size="sm">
                Log in to manage your Amazon order sync.
              </Text>
            </div>
            {error && (
              <Alert color="red" title={error.title} role="alert">
                {error.message}
              </Alert>
            )}
            <TextInput
              label="Email"
              type="email"
              autoComplete="username"
              required
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              autoFocus
            />
            <PasswordInput
              label="Password"
              autoComplete="current-password"
              required
              value={password}
              onChange={(e) => setPassword(e.currentTarget.value)}
            />
            <Button type="submit" loading={busy} disabled={!email || !password}>
              Log in
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
