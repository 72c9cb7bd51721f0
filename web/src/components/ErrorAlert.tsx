import { Alert, Anchor, Button, Group, List, Text } from '@mantine/core';
import { Link } from 'react-router';
import { ApiError } from '../api/client';

/** Shows an error's message (ApiError: with its code and validation issues); nothing when there is no error. */
export function ErrorAlert({
  error,
  title = 'Something went wrong',
  onRetry,
}: {
  error: unknown;
  title?: string;
  onRetry?: () => void;
}) {
  if (!error) return null;
  const message = error instanceof Error ? error.message : typeof error === 'string' ? error : 'Unexpected error';
  const issues = error instanceof ApiError ? error.issues : [];
  const planProblem = error instanceof ApiError && /plan/i.test(error.message) && error.status === 403;
  return (
    <Alert color="red" title={title} role="alert">
      <Text size="sm">{message}</Text>
      {issues.length > 1 && (
        <List size="sm" mt="xs">
          {issues.map((issue) => (
            <List.Item key={`${issue.path}:${issue.message}`}>
              {issue.path ? <strong>{issue.path}: </strong> : null}
              {issue.message}
            </List.Item>
          ))}
        </List>
      )}
      {(planProblem || onRetry) && (
        <Group mt="sm" gap="sm">
          {planProblem && (
            <Anchor component={Link} to="/plan" size="sm">
              See plans
            </Anchor>
          )}
          {onRetry && (
            <Button size="xs" variant="light" color="red" onClick={onRetry}>
              Try again
            </Button>
          )}
        </Group>
      )}
    </Alert>
  );
}
