import { Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { EmptyState } from '../components';

export default function NotFoundPage() {
  return (
    <EmptyState
      title="Page not found"
      description="There is nothing at this address."
      action={
        <Anchor component={Link} to="/">
          Go to the dashboard
        </Anchor>
      }
    />
  );
}
