import { useState } from 'react';
import { http, ok } from '../api/client';
import type { CandidateDonor, RunCandidate } from '../api/types';
import { Link } from '../app/router';
import { formatDate, formatNumber, useEnumLabel, useT, formatScore } from '../i18n/i18n';
import { BarChart, PALETTE } from '../ui/charts';
import { ConfirmDialog } from '../ui/Dialog';
import { RankPager } from '../ui/Pager';
import { Badge, Empty, Loaded, useAsync } from '../ui/status';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { BodyCells, CandidateTable, DegradedBanner, ExclusionsByReason, Facts, RescoredFrom } from './runParts';

interface Weights {
  ml: number;
  hla: number;
  waiting: number;
  distance: number;
  waitingCapDays?: number;
  distanceCapKm?: number;
}

/**
 * Each component's share of a candidate's combined score, as core/.../ranking/RankingPolicy adds
 * them: weight × (ML score | HLA points / 400 | waiting days / cap | 1 − distance / cap).
 */
export function contributions(c: RunCandidate, caps: Weights | undefined) {
  const w = c.components.weights;
  const waitingCap = caps?.waitingCapDays ?? 5 * 365;
  const distanceCap = caps?.distanceCapKm ?? 1500;
  return {
    ml: c.mlScore !== undefined && c.mlScore !== null ? w.ml * c.mlScore : 0,
    hla: c.components.hlaPoints !== undefined && c.components.hlaPoints !== null ? (w.hla * c.components.hlaPoints) / 400 : 0,
    waiting: w.waiting * Math.min(1, c.components.waitingDays / waitingCap),
    distance: w.distance * (1 - Math.min(1, c.components.distanceKm / distanceCap)),
  };
}

/** The donor's columns of a candidate's row; dashes for a donor the registry no longer profiles. */
function DonorCells({ donor }: { donor: CandidateDonor | undefined }) {
  if (!donor) {
    return (
      <>
        <td>—</td>
        <td>—</td>
        <td>—</td>
        <td>—</td>
      </>
    );
  }
  return (
    <>
      <BodyCells person={donor} />
      <td>{donor.hlaMismatches ?? '—'}</td>
      <td title={donor.kdpiNote ?? undefined}>{donor.kdpi != null ? `${donor.kdpi} %` : '—'}</td>
    </>
  );
}

/** Ranked candidates per page. */
const PAGE = 100;

/** The deepest rank a coordinator can propose (approving it asks a reason for each one above). */
const DEEPEST_PROPOSAL = 50;

export function MatchRunPage({ id }: { id: string }) {
  const t = useT();
  const label = useEnumLabel();
  const [fromRank, setFromRank] = useState(1);
  const run = useAsync((signal) => ok(http().GET('/api/v1/match-runs/{id}', { signal, params: { path: { id }, query: { fromRank, candidates: PAGE, excluded: 1000 } } })), [id, fromRank]);
  const [decision, setDecision] = useState<Decision | null>(null);
  const [done, setDone] = useState('');
  const [proposing, setProposing] = useState<RunCandidate | null>(null);
  const [proposalError, setProposalError] = useState<unknown>();
  const proposeThrough = async (c: RunCandidate) => {
    setProposalError(undefined);
    try {
      await ok(http().POST('/api/v1/match-runs/{id}/proposals', { params: { path: { id } }, body: { throughRank: c.rank } }));
      setDone(t('run.proposedNotice', { rank: c.rank }));
      setProposing(null);
      run.reload();
    } catch (e) {
      setProposalError(e);
    }
  };
  const stopProposing = () => {
    setProposalError(undefined);
    setProposing(null);
  };
  return (
    <section>
      <h1>{t('run.title')}</h1>
      <Loaded state={run}>
        {(r) => {
          const caps = r.settings?.weights;
          const donors = new Map<string, CandidateDonor>(r.donors.map((d) => [d.pledgeId, d]));
          const donorOf = (pledgeId: string) => {
            const d = donors.get(pledgeId);
            if (!d) return '—';
            const facts = [t('case.donorOf', { age: d.ageYears, sex: label('sex', d.sex), group: d.bloodGroup })];
            if (d.hlaMismatches) facts.push(`HLA ${d.hlaMismatches}`);
            if (d.kdpi != null) facts.push(`KDPI ${d.kdpi} %`);
            return facts.join(' · ');
          };
          // Below the proposals a candidate can be proposed too, while the run's proposals are open.
          const deepestProposed = Math.max(0, ...r.proposals.map((p) => p.rank));
          const proposable = (rank: number) =>
            r.trigger !== 'REPROCESSED' && rank > deepestProposed && rank <= DEEPEST_PROPOSAL && !r.proposals.some((p) => p.status === 'APPROVED' || p.status === 'SUPERSEDED');
          return (
            <>
              <DegradedBanner run={r} basePath="/coordinator/runs" text="run.degradedText" />
              <Facts
                items={[
                  [t('pledge.organ'), label('organ', r.organ)],
                  [t('run.created'), formatDate(r.createdAt, true)],
                  [t('run.trigger'), label('trigger', r.trigger)],
                  [t('run.model'), r.modelVersion ?? t('run.noModel')],
                  [t('run.policy'), r.policyVersion],
                  [t('run.formulas'), r.formulaVersions.join(', ') || '—'],
                  [t('run.counts'), t('run.countsText', { candidates: r.candidateCount, excluded: r.excludedCount, ms: r.durationMillis })],
                ]}
              />
              <RescoredFrom run={r} basePath="/coordinator/runs" />

              <h2>{t('run.proposals')}</h2>
              {done && (
                <p className="alert success" role="status">
                  {done}
                </p>
              )}
              {r.proposals.length === 0 ? (
                <Empty>{t('run.noProposals')}</Empty>
              ) : (
                <ul className="proposals">
                  {r.proposals.map((p) => (
                    <li key={p.matchId} data-match={p.matchId}>
                      <span>
                        #{p.rank} · {donorOf(p.pledgeId)} ·{' '}
                        <Link to={`/coordinator/pledges/${p.pledgeId}`}>
                          {t('run.pledge')} <code>{p.pledgeId.slice(0, 8)}</code>
                        </Link>{' '}
                        <Badge value={p.status} label={label('matchStatus', p.status)} />
                      </span>
                      {p.status === 'PROPOSED' && (
                        <span className="actions">
                          <button type="button" className="primary" onClick={() => setDecision({ matchId: p.matchId, verdict: 'approve', rank: p.rank, runId: id })}>
                            {t('decision.approve')}
                          </button>
                          <button type="button" onClick={() => setDecision({ matchId: p.matchId, verdict: 'decline', rank: p.rank })}>
                            {t('decision.decline')}
                          </button>
                        </span>
                      )}
                    </li>
                  ))}
                </ul>
              )}

              <h2>{t('run.candidates')}</h2>
              {r.candidates.length === 0 ? (
                <Empty>{t('run.noCandidates')}</Empty>
              ) : (
                <>
                  {fromRank === 1 && (
                    <BarChart
                      title={t('run.chartTitle')}
                      max={1}
                      digits={3}
                      series={[
                        { key: 'ml', label: t('run.cML'), color: PALETTE[0] },
                        { key: 'hla', label: t('run.cHLA'), color: PALETTE[1] },
                        { key: 'waiting', label: t('run.cWaiting'), color: PALETTE[2] },
                        { key: 'distance', label: t('run.cDistance'), color: PALETTE[3] },
                      ]}
                      rows={r.candidates.slice(0, 20).map((c) => ({ label: `#${c.rank} ${c.pledgeId.slice(0, 8)}`, values: contributions(c, caps) }))}
                    />
                  )}
                  <p className="hint">{t('run.scoreMeaning')}</p>
                  <p className="hint">{t('run.donorFacts')}</p>
                  {proposable(deepestProposed + 1) && <p className="hint">{t('run.proposeHint', { deepest: DEEPEST_PROPOSAL })}</p>}
                  <RankPager fromRank={fromRank} size={PAGE} shown={r.candidates.length} total={r.candidateCount} onMove={setFromRank} />
                  <CandidateTable
                    title={t('run.candidates')}
                    className="candidates"
                    columns={[
                      '#',
                      t('run.pledge'),
                      t('run.donor'),
                      t('run.donorSize'),
                      t('run.hlaMismatch'),
                      t('run.kdpi'),
                      t('run.score'),
                      t('run.ml'),
                      t('run.urgency'),
                      'ABO',
                      t('run.hla'),
                      t('match.distance'),
                      t('run.transport'),
                      t('run.explanation'),
                    ]}
                  >
                    {r.candidates.map((c) => (
                      <tr key={c.pledgeId} data-rank={c.rank}>
                        <td>
                          {c.rank}
                          {proposable(c.rank) && (
                            <>
                              {' '}
                              <button type="button" className="link" aria-label={t('run.proposeAria', { rank: c.rank })} onClick={() => setProposing(c)}>
                                {t('run.propose')}
                              </button>
                            </>
                          )}
                        </td>
                        <td>
                          <Link to={`/coordinator/pledges/${c.pledgeId}`}>
                            <code>{c.pledgeId.slice(0, 8)}</code>
                          </Link>
                        </td>
                        <DonorCells donor={donors.get(c.pledgeId)} />
                        <td>{formatScore(c.score)}</td>
                        <td>{formatScore(c.mlScore)}</td>
                        <td>{c.urgency}</td>
                        <td>{label('abo', c.abo)}</td>
                        <td>{c.components.hlaPoints === undefined ? '—' : formatNumber(c.components.hlaPoints, 0)}</td>
                        <td>{formatNumber(c.components.distanceKm, 0)} km</td>
                        <td>
                          {c.transport ? `${label('transport', c.transport.mode)} ${formatNumber(c.transport.hours, 1)} h` : '—'}
                          {c.nearIschaemiaLimit && <Badge value="warning" label={t('run.nearLimit')} />}
                        </td>
                        <td className="small">{c.explanation}</td>
                      </tr>
                    ))}
                  </CandidateTable>
                </>
              )}

              <ConfirmDialog
                title={t('run.proposeTitle', { rank: proposing?.rank ?? 0 })}
                open={proposing !== null}
                onClose={stopProposing}
                onConfirm={() => proposing && void proposeThrough(proposing)}
                confirmLabel={t('run.propose')}
                error={proposalError}
              >
                {proposing && (
                  <p>
                    {t('run.proposeText', { from: deepestProposed + 1, to: proposing.rank, donor: donorOf(proposing.pledgeId) })}
                  </p>
                )}
              </ConfirmDialog>

              <h2>{t('run.excluded')}</h2>
              <ExclusionsByReason excluded={r.excluded.map((x) => ({ id: x.pledgeId, reasons: x.reasons }))} empty={t('run.noExcluded')} />
            </>
          );
        }}
      </Loaded>
      <DecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={(m) => {
          setDecision(null);
          setDone(t(m.status === 'APPROVED' ? 'decision.approvedNotice' : 'decision.declinedNotice'));
          run.reload();
        }}
      />
    </section>
  );
}
