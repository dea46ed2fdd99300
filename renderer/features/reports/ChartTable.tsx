import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A column of a chart's table: its heading, and whether it holds numbers (right-aligned). */
export interface ChartColumn {
  label?: string;
  numeric?: boolean;
}

/**
 * A chart's data as a table (ChartCard's `table`): one frame and heading row for every report,
 * so the tables look and read alike. The rows are the caller's (`Table.Tr` elements).
 */
export function ChartTable({
  testId,
  columns,
  hover = false,
  children,
}: {
  testId: string;
  columns: ChartColumn[];
  /** Highlight the row under the pointer (tables whose rows lead somewhere). */
  hover?: boolean;
  children: ReactNode;
}) {
  return (
    <Table striped highlightOnHover={hover} withTableBorder data-testid={testId}>
      <Table.Thead>
        <Table.Tr>
          {columns.map((c, i) => (
            <Table.Th key={i} ta={c.numeric ? 'right' : undefined}>
              {c.label}
            </Table.Th>
          ))}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>{children}</Table.Tbody>
    </Table>
  );
}
