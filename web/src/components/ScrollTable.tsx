import { Table, type TableProps } from '@mantine/core';
import type { ReactNode } from 'react';
import classes from './ScrollTable.module.css';

/**
 * A table that scrolls horizontally on narrow screens instead of squashing its columns. With
 * `stickyAction` its last column (the row's action) stays visible on a phone while the rest scrolls.
 */
export function ScrollTable({
  children,
  minWidth = 640,
  label,
  stickyAction = false,
  ...props
}: { children: ReactNode; minWidth?: number; label: string; stickyAction?: boolean } & TableProps) {
  return (
    <Table.ScrollContainer minWidth={minWidth} type="native">
      <Table
        striped
        highlightOnHover
        verticalSpacing="xs"
        aria-label={label}
        className={stickyAction ? classes.stickyAction : undefined}
        {...props}
      >
        {children}
      </Table>
    </Table.ScrollContainer>
  );
}
