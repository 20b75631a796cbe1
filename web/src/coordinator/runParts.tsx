import type { ReactNode } from 'react';
import { Link } from '../app/router';
import { formatNumber, useEnumLabel, useT, type Key } from '../i18n/i18n';
import { ColumnHeads } from '../ui/ListTable';
import { Empty } from '../ui/status';
import type { AllocationRun, CandidateDonor, CandidateRecipient, MatchRun } from '../api/types';

// Pieces shared by the match-run page (a request's donors) and the allocation-run page (a donor
// organ's waiting list): degraded banner, rescored-from link, facts, candidates table, exclusions
// grouped by reason code.

/** The warning over a run ranked without the ML score, with the re-scoring state. */
export function DegradedBanner({
  run,
  basePath,
  text,
}: {
  run: Pick<MatchRun | AllocationRun, 'degraded' | 'degradedCause' | 'rescoring' | 'rescoredBy'>;
  /** Where runs of this kind open, e.g. /coordinator/runs */
  basePath: string;
  text: Key;
}) {
  const t = useT();
  if (!run.degraded) return null;
  return (
    <div className="banner degraded" role="alert">
      <strong>{t('run.degraded')}</strong> {t(text)}
      {run.degradedCause && <div className="small">{t('run.cause', { cause: run.degradedCause })}</div>}
      <div className="small">
        {run.rescoring === 'DONE' && run.rescoredBy ? (
          <Link to={`${basePath}/${run.rescoredBy}`}>{t('run.rescoredBy')}</Link>
        ) : (
          t('run.rescoringPending')
        )}
      </div>
    </div>
  );
}

/** A link to the earlier run that this one ranked again, where there is one. */
export function RescoredFrom({ run, basePath }: { run: Pick<MatchRun | AllocationRun, 'rescoredFrom'>; basePath: string }) {
  const t = useT();
  if (!run.rescoredFrom) return null;
  return (
    <p>
      <Link to={`${basePath}/${run.rescoredFrom}`}>{t('run.rescoredFrom')}</Link>
    </p>
  );
}

/**
 * A run's ranked candidates as a table, one row a candidate. Wider than a laptop's screen: the
 * region scrolls, so it takes the keyboard focus, and is named like the table.
 */
export function CandidateTable({ title, className, columns, children }: { title: string; className: string; columns: ReactNode[]; children: ReactNode }) {
  return (
    <div className="table-wrap" tabIndex={0} role="region" aria-label={title}>
      <table className={className}>
        <caption className="sr-only">{title}</caption>
        <ColumnHeads columns={columns} />
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}

/** A run's facts as a definition list. */
export function Facts({ items }: { items: [string, ReactNode][] }) {
  return (
    <dl className="facts">
      {items.map(([term, value]) => (
        <div key={term}>
          <dt>{term}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * Excluded entries grouped by reason code (an entry excluded for several reasons appears under
 * each); `totals` are the run's counts per code when the list shows only its head.
 */
export function ExclusionsByReason({
  excluded,
  totals,
  empty,
}: {
  excluded: { id: string; reasons: { code: string; detail: string }[] }[];
  totals?: Record<string, number>;
  empty: string;
}) {
  const label = useEnumLabel();
  const grouped = new Map<string, { id: string; detail: string }[]>();
  excluded.forEach((x) =>
    x.reasons.forEach((reason) => {
      const list = grouped.get(reason.code) ?? [];
      list.push({ id: x.id, detail: reason.detail });
      grouped.set(reason.code, list);
    }),
  );
  Object.keys(totals ?? {}).forEach((code) => {
    if (!grouped.has(code)) grouped.set(code, []);
  });
  if (grouped.size === 0) return <Empty>{empty}</Empty>;
  return (
    <div className="excluded">
      {[...grouped.entries()].map(([code, list]) => (
        <details key={code} data-reason={code}>
          <summary>
            {label('exclusion', code)} <span className="count">({totals?.[code] ?? list.length})</span>
          </summary>
          <ul>
            {list.map((x) => (
              <li key={x.id + x.detail}>
                <code>{x.id.slice(0, 8)}</code> — {x.detail}
              </li>
            ))}
          </ul>
        </details>
      ))}
    </div>
  );
}

/**
 * The person's columns of a candidate's row, the donor's on a match run and the patient's on an
 * allocation run: age, sex and blood group, then height and weight; never who they are.
 */
export function BodyCells({ person }: { person: Pick<CandidateDonor | CandidateRecipient, 'ageYears' | 'sex' | 'bloodGroup' | 'heightCm' | 'weightKg'> }) {
  const t = useT();
  const label = useEnumLabel();
  return (
    <>
      <td className="donor">{t('case.donorOf', { age: person.ageYears, sex: label('sex', person.sex), group: person.bloodGroup })}</td>
      <td className="donor">{t('run.sizeText', { height: formatNumber(person.heightCm, 0), weight: formatNumber(person.weightKg, 0) })}</td>
    </>
  );
}
