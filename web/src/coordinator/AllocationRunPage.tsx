import { useState } from 'react';
import { http, ok } from '../api/client';
import type { AllocationCandidate, AllocationRun, CandidateRecipient } from '../api/types';
import { Link } from '../app/router';
import { formatDate, formatNumber, useEnumLabel, useT, formatScore } from '../i18n/i18n';
import { BarChart, PALETTE } from '../ui/charts';
import { RankPager } from '../ui/Pager';
import { Badge, Empty, Loaded, useAsync } from '../ui/status';
import { RunOffers } from './Offers';
import { BodyCells, CandidateTable, DegradedBanner, ExclusionsByReason, Facts, RescoredFrom } from './runParts';

/** The parts of a candidate's points as core/.../allocation/PointsCalculator adds them. */
function points(c: AllocationCandidate) {
  const p = c.components;
  return {
    waiting: p.waitingPoints,
    hla: p.hlaPointsAwarded,
    sensitisation: p.sensitisationPoints,
    distance: p.distancePoints,
    ml: p.mlPoints,
  };
}

/** A candidate's clinical score for its organ: EPTS for kidneys, MELD for livers. */
function listingScore(c: AllocationCandidate, t: ReturnType<typeof useT>) {
  if (c.eptsPercentile != null) return t('alloc.epts', { epts: c.eptsPercentile });
  if (c.meld != null) return t('alloc.meld', { meld: c.meld });
  return '—';
}

/** The patient's columns of a candidate's row: clinical facts, never who they are. */
function PatientCells({ patient }: { patient: CandidateRecipient | undefined }) {
  if (!patient) {
    return (
      <>
        <td>—</td>
        <td>—</td>
      </>
    );
  }
  return <BodyCells person={patient} />;
}

/** Ranked requests per page. */
const PAGE = 100;

/**
 * An allocation run: the waiting list ranked for one donor organ by the policy's groups, then
 * points (docs/allocation.md), with the excluded requests by reason.
 */
export function AllocationRunPage({ id }: { id: string }) {
  const t = useT();
  const label = useEnumLabel();
  const [fromRank, setFromRank] = useState(1);
  const run = useAsync((signal) => ok(http().GET('/api/v1/allocation-runs/{id}', { signal, params: { path: { id }, query: { fromRank, candidates: PAGE, excluded: 500 } } })), [id, fromRank]);
  return (
    <section>
      <h1>{t('alloc.title')}</h1>
      <Loaded state={run}>
        {(r) => {
          const patients = new Map<string, CandidateRecipient>(r.recipients.map((p) => [p.requestId, p]));
          return (
            <>
              <DegradedBanner run={r} basePath="/coordinator/allocation-runs" text="alloc.degradedText" />
              <Facts
                items={[
                  [t('pledge.organ'), label('organ', r.organ)],
                  r.pledgeId
                    ? [t('alloc.pledge'), <code key="p">{r.pledgeId.slice(0, 8)}</code>]
                    : [
                        t('alloc.case'),
                        <Link key="c" to={`/coordinator/cases/${r.donationCaseId}`}>
                          {(r.donationCaseId ?? '').slice(0, 8)}
                        </Link>,
                      ],
                  [t('alloc.donor'), donorFacts(r, t)],
                  [t('run.created'), formatDate(r.createdAt, true)],
                  [t('run.trigger'), label('trigger', r.trigger)],
                  [
                    t('alloc.policy'),
                    <span key="policy" data-policy={r.policy.id}>
                      <strong>{r.policy.id}</strong>{' '}
                      <span className="small" title={r.policy.sha256}>
                        (SHA-256 {r.policy.sha256.slice(0, 12)}…)
                      </span>
                    </span>,
                  ],
                  [t('run.model'), r.modelVersion ?? t('run.noModel')],
                  [t('run.formulas'), r.formulaVersions.join(', ') || '—'],
                  [t('run.counts'), t('alloc.countsText', { waiting: r.waitingCount, candidates: r.candidateCount, excluded: r.excludedCount, ms: r.durationMillis })],
                ]}
              />
              <RescoredFrom run={r} basePath="/coordinator/allocation-runs" />
              {r.donor.kdpiNote && <p className="hint">{r.donor.kdpiNote}</p>}

              {r.donationCaseId && <RunOffers runId={r.id} />}

              <h2>{t('alloc.ranked')}</h2>
              <p className="hint">{t('alloc.rankedHint')}</p>
              <p className="hint">{t('alloc.patientsHint')}</p>
              {r.candidates.length === 0 ? (
                <Empty>{t('alloc.noCandidates')}</Empty>
              ) : (
                <>
                  {fromRank === 1 && (
                    <BarChart
                      title={t('alloc.chartTitle')}
                      digits={1}
                      series={[
                        { key: 'waiting', label: t('alloc.cWaiting'), color: PALETTE[2] },
                        { key: 'hla', label: t('run.cHLA'), color: PALETTE[1] },
                        { key: 'sensitisation', label: t('alloc.cSensitisation'), color: PALETTE[3] },
                        { key: 'distance', label: t('run.cDistance'), color: PALETTE[5] },
                        { key: 'ml', label: t('run.cML'), color: PALETTE[0] },
                      ]}
                      rows={r.candidates.slice(0, 20).map((c) => ({ label: `#${c.rank} ${c.requestId.slice(0, 8)}`, values: points(c) }))}
                    />
                  )}
                  <RankPager fromRank={fromRank} size={PAGE} shown={r.candidates.length} total={r.candidateCount} onMove={setFromRank} />
                  <CandidateTable
                    title={t('alloc.ranked')}
                    className="candidates allocation"
                    columns={[
                      '#',
                      t('alloc.request'),
                      t('alloc.patient'),
                      t('run.donorSize'),
                      t('alloc.placement'),
                      t('alloc.points'),
                      t('run.ml'),
                      t('run.urgency'),
                      'EPTS / MELD',
                      t('alloc.waited'),
                      'ABO',
                      t('alloc.hlaMismatches'),
                      t('match.distance'),
                      t('run.transport'),
                      t('run.explanation'),
                    ]}
                  >
                    {r.candidates.map((c) => (
                      <tr key={c.requestId} data-request={c.requestId}>
                        <td>{c.rank}</td>
                        <td>
                          <code>{c.requestId.slice(0, 8)}</code>
                        </td>
                        <PatientCells patient={patients.get(c.requestId)} />
                        <td className="small">
                          {c.groups.length === 0 ? (
                            '—'
                          ) : (
                            <ul className="plain">
                              {c.groups.map((g) => (
                                <li key={g.key} title={label('allocGroup', g.key)}>
                                  {g.label}
                                </li>
                              ))}
                            </ul>
                          )}
                        </td>
                        <td>{formatNumber(c.points, 1)}</td>
                        <td>{formatScore(c.mlScore)}</td>
                        <td>{c.urgency}</td>
                        <td>{listingScore(c, t)}</td>
                        <td className="donor">{t('alloc.waitedText', { years: Math.floor(c.components.waitingDays / 365), days: c.components.waitingDays % 365 })}</td>
                        <td>{label('abo', c.abo)}</td>
                        <td>{c.hlaMismatches ?? '—'}</td>
                        <td>{formatNumber(c.components.distanceKm, 0)} km</td>
                        <td>
                          {c.transport ? `${label('transport', c.transport.mode)} ${formatNumber(c.transport.hours, 1)} h` : '—'}
                          {c.transport && (
                            <div className="small">{t('alloc.ischaemia', { hours: formatNumber(c.transport.ischaemiaHours, 1), limit: formatNumber(c.transport.hardLimitHours, 0) })}</div>
                          )}
                          {c.nearIschaemiaLimit && <Badge value="warning" label={t('run.nearLimit')} />}
                        </td>
                        <td className="small explanation">{c.explanation}</td>
                      </tr>
                    ))}
                  </CandidateTable>
                </>
              )}

              <h2>{t('alloc.excluded')}</h2>
              <ExclusionsByReason
                excluded={r.excluded.map((x) => ({ id: x.requestId, reasons: x.reasons }))}
                totals={r.exclusionCounts}
                empty={t('alloc.noExcluded')}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}

function donorFacts(r: AllocationRun, t: ReturnType<typeof useT>): string {
  const parts = [r.donor.bloodGroup];
  if (r.donor.kdpi !== undefined && r.donor.kdpi !== null) {
    parts.push(t('alloc.kdpi', { kdpi: r.donor.kdpi, kdri: formatNumber(r.donor.kdri, 2) }) + (r.donor.kdpiProvisional ? ` (${t('alloc.provisional')})` : ''));
  }
  return parts.join(' · ');
}
