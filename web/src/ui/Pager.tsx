import { useState, type ReactNode } from 'react';
import { formatNumber, useT } from '../i18n/i18n';
import { SelectField } from './forms';
import { ListTable } from './ListTable';
import { Empty } from './status';

/**
 * Keyset paging through a whole list: the cursors of the pages before this one, so "Previous"
 * goes back exactly and "Next" goes on, and a change of filters starts again from the first page.
 */
export function usePager(size: number) {
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const after = cursors[cursors.length - 1];
  return {
    after,
    size,
    /** 0 for the first page. */
    index: cursors.length - 1,
    // A second click before the next page has loaded still names the shown page's cursor: once.
    next: (cursor: string) => setCursors((stack) => (stack.includes(cursor) ? stack : [...stack, cursor])),
    previous: () => setCursors(cursors.length > 1 ? cursors.slice(0, -1) : cursors),
    /** A filter's setter that also starts again from the first page. */
    filtering:
      <T,>(set: (value: T) => void) =>
      (value: T) => {
        set(value);
        setCursors([undefined]);
      },
  };
}

export type Pager = ReturnType<typeof usePager>;

/** "51–100 of 538" (or "of more than 10,000" where the count stops) and the buttons to the previous and next pages. */
export function PageControls({ pager, page }: { pager: Pager; page: { items: unknown[]; nextCursor?: string | null; total?: number | null; totalAtLeast?: boolean | null } }) {
  const t = useT();
  const from = pager.index * pager.size + 1;
  const to = pager.index * pager.size + page.items.length;
  return (
    <div className="pager">
      <p className="count" aria-live="polite">
        {page.total == null
          ? t('pager.range', { from: formatNumber(from), to: formatNumber(to) })
          : t(page.totalAtLeast ? 'pager.rangeOfMore' : 'pager.rangeOf', { from: formatNumber(from), to: formatNumber(to), total: formatNumber(page.total) })}
      </p>
      {pager.index > 0 && (
        <button type="button" onClick={pager.previous}>
          {t('pager.previous')}
        </button>
      )}{' '}
      {page.nextCursor && (
        <button type="button" onClick={() => pager.next(page.nextCursor as string)}>
          {t('common.next')}
        </button>
      )}
    </div>
  );
}

type ListPage<T> = { items: T[]; nextCursor?: string | null; total?: number | null; totalAtLeast?: boolean | null };

/**
 * One page of a list as a table: the empty text when the page has nothing, else the table (as
 * ListTable draws it) with the page controls below it, above it, or both (for long pages).
 */
export function PagedTable<T>({
  page,
  pager,
  empty,
  caption,
  columns,
  row,
  className,
  controls = 'below',
}: {
  page: ListPage<T>;
  pager: Pager;
  empty: ReactNode;
  caption: string;
  columns: ReactNode[];
  row: (item: T) => ReactNode;
  className?: string;
  controls?: 'below' | 'above' | 'both';
}) {
  // An empty page has nothing to page through: the empty text alone, without page controls.
  if (page.items.length === 0) {
    return <Empty>{empty}</Empty>;
  }
  const pageControls = <PageControls pager={pager} page={page} />;
  return (
    <>
      {controls !== 'below' && pageControls}
      <ListTable items={page.items} empty={empty} caption={caption} columns={columns} row={row} className={className} />
      {controls !== 'above' && pageControls}
    </>
  );
}

/** Which end of a list kept in time order comes first (the API's `sort`). */
export type ListOrder = 'newest' | 'oldest';

/** The waiting list's orders: by listing time, or the sickest first (verified urgency, MELD-Na). */
export type RequestOrder = ListOrder | 'urgency' | 'meld';

/**
 * Newest first, or oldest first: a queue or the waiting list worked from its head; with `ranked`,
 * also the waiting list's sickest-first orders.
 */
export function OrderField<O extends RequestOrder>({ value, onChange, ranked = false }: { value: O; onChange: (order: O) => void; ranked?: boolean }) {
  const t = useT();
  const options = [
    { value: 'newest', label: t('list.newest') },
    { value: 'oldest', label: t('list.oldest') },
  ];
  if (ranked) {
    options.push({ value: 'urgency', label: t('list.urgency') }, { value: 'meld', label: t('list.meld') });
  }
  return <SelectField label={t('list.order')} value={value} onChange={(e) => onChange(e.target.value as O)} options={options} />;
}

/**
 * Pages through a ranking run's whole list by rank (the API's `fromRank` and `candidates`):
 * "101–200 of 5,412" and the buttons to the ranks before and after.
 */
export function RankPager({ fromRank, size, shown, total, onMove }: { fromRank: number; size: number; shown: number; total: number; onMove: (fromRank: number) => void }) {
  const t = useT();
  if (total <= size && fromRank === 1) {
    return null;
  }
  return (
    <div className="pager">
      <p className="count" aria-live="polite">
        {t('pager.ranksOf', { from: formatNumber(fromRank), to: formatNumber(fromRank + shown - 1), total: formatNumber(total) })}
      </p>
      {fromRank > 1 && (
        <button type="button" onClick={() => onMove(Math.max(1, fromRank - size))}>
          {t('pager.previous')}
        </button>
      )}{' '}
      {fromRank + shown <= total && (
        <button type="button" onClick={() => onMove(fromRank + size)}>
          {t('common.next')}
        </button>
      )}
    </div>
  );
}
