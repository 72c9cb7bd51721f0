import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';

/** A table that scrolls horizontally on narrow screens instead of squashing its columns. */
export function ScrollTable({
  children,
  minWidth = 640,
  label,
  ...props
}: { children: ReactNode; minWidth?: number; label: string } & TableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table striped highlightOnHover verticalSpacing="xs" aria-label={label} {...props}>
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
