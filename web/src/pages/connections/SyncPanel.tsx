import { Alert, Button, Group, Paper, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Job, SyncRun } from '../../api/types';
import { ErrorAlert, StatusBadge } from '../../components';
import { PullRunsTable } from '../sync-runs/PullRunsTable';

const FINAL = new Set<Job['state']>(['succeeded', 'failed', 'dead']);

function Count({ label, value }: { label: string; value: number | undefined }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600} aria-label={label}>
        {value ?? 0}
      </Text>
    </div>
  );
}

/** "Synchronize Orders": queues a pull, then follows its job every second until it ends. */
export function SyncPanel({ connectionId, active }: { connectionId: string; active: boolean }) {
  const queryClient = useQueryClient();
  const [jobId, setJobId] = useState<string | null>(null);
  const start = useMutation({
    mutationFn: () => api<{ jobId: string }>('POST', `/api/connections/${connectionId}/sync`),
    onSuccess: (r) => setJobId(r.jobId),
  });
  const job = useQuery({
    queryKey: ['jobs', jobId],
    queryFn: () => api<Job>('GET', `/api/jobs/${jobId}`),
    enabled: jobId !== null,
    refetchInterval: (q) => {
      if (q.state.data && FINAL.has(q.state.data.state)) return false;
      // A job that does not exist (or a server without /api/jobs) will not appear by asking again.
      if (q.state.error instanceof ApiError && q.state.error.status >= 400 && q.state.error.status < 500) return false;
      return 1000;
    },
  });
  const state = job.data?.state;
  const jobRun = job.data?.syncRun ?? null;
  const running = start.isPending || (jobId !== null && !job.isError && (!state || !FINAL.has(state)));
  const finished = state !== undefined && FINAL.has(state);
  // The seller account's pull has a run per connection: this connection's counts, and the others'.
  const pulled = useQuery({
    queryKey: ['sync-runs', jobRun?.id, state],
    queryFn: () => api<SyncRun>('GET', `/api/sync-runs/${jobRun?.id ?? ''}`),
    enabled: jobRun?.pullId != null,
  });
  const mine = pulled.data?.pull?.runs.find((r) => r.connectionId === connectionId);
  const run = jobRun && mine ? { ...jobRun, ...mine } : jobRun;

  useEffect(() => {
    if (!finished) return;
    // The run changed orders, sync runs and the connection's cursor: refresh what other pages show.
    for (const key of [['orders'], ['sync-runs'], ['connections'], ['needs-attention'], ['dashboard']]) {
      void queryClient.invalidateQueries({ queryKey: key });
    }
  }, [finished, queryClient]);

  return (
    <Paper withBorder p="md" radius="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={2} size="h4">
            Synchronize Orders
          </Title>
          <Button onClick={() => start.mutate()} loading={running} disabled={!active || running}>
            Synchronize Orders
          </Button>
        </Group>
        {!active && (
          <Text size="sm" c="dimmed">
            Activate order synchronization to import orders now.
          </Text>
        )}
        <ErrorAlert error={start.error} title="Could not start the sync" />
        {jobId && (
          <Stack gap="xs" aria-live="polite" aria-label="Sync progress">
            <Group gap="xs">
              <Text size="sm">Status:</Text>
              <StatusBadge status={state ?? 'queued'} />
              {job.data && job.data.attempts > 1 && (
                <Text size="xs" c="dimmed">
                  attempt {job.data.attempts}
                </Text>
              )}
            </Group>
            {running && <Progress value={100} animated striped aria-label="Synchronizing" />}
            {run && (
              <SimpleGrid cols={{ base: 3, sm: 6 }}>
                <Count label="Orders seen" value={run.ordersSeen} />
                <Count label="Imported" value={run.ordersCreated} />
                <Count label="Updated" value={run.ordersUpdated} />
                <Count label="Unchanged" value={run.ordersUnchanged} />
                <Count label="Skipped" value={run.ordersSkipped} />
                <Count label="Failed" value={run.ordersFailed} />
              </SimpleGrid>
            )}
            {run?.progress && running && (
              <Text size="xs" c="dimmed">
                {run.progress.pages} pages, {run.progress.orders} orders read so far
              </Text>
            )}
            {finished && (
              <Alert
                color={state === 'succeeded' ? (run?.status === 'partial' ? 'yellow' : 'green') : 'red'}
                title={state === 'succeeded' ? 'Sync finished' : 'Sync failed'}
              >
                {run ? (
                  <Text size="sm">
                    {run.ordersSeen} orders seen: {run.ordersCreated} imported, {run.ordersUpdated} updated,{' '}
                    {run.ordersUnchanged} unchanged, {run.ordersSkipped} skipped, {run.ordersFailed} failed
                    {run.throttled > 0 ? `; throttled ${run.throttled}×` : ''}.
                    {run.errorMessage ? ` ${run.errorMessage}` : ''}
                  </Text>
                ) : (
                  <Text size="sm">{job.data?.lastError ?? 'No orders were read.'}</Text>
                )}
                {job.data?.lastError && run && (
                  <Text size="sm" mt={4}>
                    {job.data.lastError}
                  </Text>
                )}
              </Alert>
            )}
            {finished && pulled.data && <PullRunsTable run={pulled.data} compact />}
            <ErrorAlert error={job.error} title="Could not follow the sync" />
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
