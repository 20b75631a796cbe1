import type { ReactNode } from 'react';
import { Empty } from './status';

/**
 * A list as a table: the empty text when the list has nothing, else the table with its caption
 * for screen readers (where it has one), one header cell per column and one row per item.
 */
export function ListTable<T>({
  items,
  empty,
  caption,
  columns,
  row,
  className,
  describedBy,
}: {
  items: T[];
  empty: ReactNode;
  caption?: string;
  columns: ReactNode[];
  row: (item: T, index: number) => ReactNode;
  className?: string;
  /** The id of a text that explains how to work the table (its keyboard shortcuts, say). */
  describedBy?: string;
}) {
  if (items.length === 0) {
    return <Empty>{empty}</Empty>;
  }
  return (
    <div className="table-wrap">
      <table className={className} aria-describedby={describedBy}>
        {caption !== undefined && <caption className="sr-only">{caption}</caption>}
        <ColumnHeads columns={columns} />
        <tbody>{items.map(row)}</tbody>
      </table>
    </div>
  );
}

/** A table's header row: one column header cell per column. */
export function ColumnHeads({ columns }: { columns: ReactNode[] }) {
  return (
    <thead>
      <tr>
        {columns.map((column, i) => (
          <th scope="col" key={i}>
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}
