import { BarChart } from '@mantine/charts';
import { Button, Collapse, Group, Loader, Paper, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { api, query } from '../../api/client';
import type { Connection } from '../../api/types';
import { ErrorAlert, ScrollTable } from '../../components';
import { keys } from '../orders/queries';

export const CHART_DAYS = 30;

interface Day {
  date: string;
  orders: number;
}

/** The last `days` UTC dates ending today, oldest first (YYYY-MM-DD). */
export function lastDays(days: number, today = new Date()): string[] {
  const end = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return Array.from({ length: days }, (_, i) => new Date(end - (days - 1 - i) * 86_400_000).toISOString().slice(0, 10));
}

/** Fills the days the API left out with 0 so the chart always shows the whole period. */
export function fillDays(data: Day[], days: number, today = new Date()): Day[] {
  const byDate = new Map(data.map((d) => [d.date.slice(0, 10), d.orders]));
  const dates = lastDays(days, today);
  const extra = data.filter((d) => !dates.includes(d.date.slice(0, 10)));
  return [...extra, ...dates.map((date) => ({ date, orders: byDate.get(date) ?? 0 }))];
}

/** "128 orders in the last 30 days; busiest day 2026-11-28 (14 orders); today 3." */
export function summarize(days: Day[], period: number): string {
  const total = days.reduce((sum, d) => sum + d.orders, 0);
  if (total === 0) return `No orders in the last ${period} days.`;
  const busiest = days.reduce((best, d) => (d.orders > best.orders ? d : best));
  const today = days[days.length - 1];
  const average = (total / period).toFixed(1);
  return `${total} order${total === 1 ? '' : 's'} in the last ${period} days (${average} per day on average); busiest day ${busiest.date} with ${busiest.orders}; today ${today?.orders ?? 0} so far.`;
}

/** Orders per day (last 30 UTC days) as a bar chart with a text summary and the numbers as a table. */
export function OrdersPerDayChart({ connections }: { connections: Connection[] }) {
  const [connection, setConnection] = useState<string | null>(null);
  const [showTable, setShowTable] = useState(false);
  const report = useQuery({
    queryKey: keys.ordersPerDay(connection ?? undefined, CHART_DAYS),
    queryFn: ({ signal }) =>
      api<{ days: Day[] }>('GET', `/api/reports/orders-per-day${query({ days: CHART_DAYS, connection })}`, undefined, {
        signal,
      }),
    select: (d) => fillDays(d.days, CHART_DAYS),
    placeholderData: (previous) => previous,
  });
  const connectionLabel = connection ? (connections.find((c) => c.id === connection)?.name ?? connection) : null;
  const title = `Orders per day, last ${CHART_DAYS} days${connectionLabel ? ` (${connectionLabel})` : ''}`;
  const summary = report.data ? summarize(report.data, CHART_DAYS) : '';

  return (
    <Paper
      component="section"
      withBorder
      radius="md"
      p={{ base: 'sm', sm: 'md' }}
      aria-labelledby="orders-per-day-title"
    >
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <Title order={2} size="h4" id="orders-per-day-title">
            Orders per day
          </Title>
          {connections.length > 1 && (
            <Select
              label="Chart connection"
              placeholder="All connections"
              data={connections.map((c) => ({ value: c.id, label: c.name }))}
              value={connection}
              onChange={setConnection}
              clearable
              size="xs"
              w={{ base: '100%', xs: 220 }}
            />
          )}
        </Group>
        <ErrorAlert error={report.error} title="Could not load orders per day" onRetry={() => void report.refetch()} />
        {report.isPending && !report.error && (
          <Group gap="xs" role="status">
            <Loader size="sm" />
            <Text size="sm">Loading the chart…</Text>
          </Group>
        )}
        {report.data && (
          <>
            <div role="img" aria-label={`${title}. ${summary}`}>
              <BarChart
                h={220}
                data={report.data}
                dataKey="date"
                series={[{ name: 'orders', label: 'Orders', color: 'indigo.6' }]}
                tickLine="y"
                gridAxis="y"
                xAxisProps={{ tickFormatter: (d: string) => d.slice(5), minTickGap: 12 }}
                yAxisProps={{ allowDecimals: false, width: 32 }}
                tooltipAnimationDuration={100}
              />
            </div>
            <Text size="sm" id="orders-per-day-summary">
              {summary}
            </Text>
            <Button
              variant="subtle"
              size="compact-sm"
              onClick={() => setShowTable((s) => !s)}
              aria-expanded={showTable}
              aria-controls="orders-per-day-table"
              style={{ alignSelf: 'flex-start' }}
            >
              {showTable ? 'Hide the numbers' : 'Show the numbers as a table'}
            </Button>
            <Collapse expanded={showTable} id="orders-per-day-table" keepMounted={false}>
              <ScrollTable label="Orders per day" minWidth={240} maw={360} striped>
                <Table.Caption>{title}</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th scope="col">Date (UTC)</Table.Th>
                    <Table.Th scope="col" style={{ textAlign: 'right' }}>
                      Orders
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {[...report.data].reverse().map((d) => (
                    <Table.Tr key={d.date}>
                      <Table.Td>{d.date}</Table.Td>
                      <Table.Td style={{ textAlign: 'right' }}>{d.orders}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </ScrollTable>
            </Collapse>
          </>
        )}
      </Stack>
    </Paper>
  );
}
