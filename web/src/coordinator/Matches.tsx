import { useState } from 'react';
import { http, ok } from '../api/client';
import { ORGANS } from '../api/types';
import { Link, useSearchParam } from '../app/router';
import { formatDate, formatNumber, useEnumLabel, useT, formatScore } from '../i18n/i18n';
import { SelectField } from '../ui/forms';
import { Badge, Empty, Loaded, useAsync } from '../ui/status';
import { DecisionDialog, type Decision } from './DecisionDialog';

export function Matches() {
  const t = useT();
  const label = useEnumLabel();
  // Filters live in the address: a reload or a shared link shows the same list.
  const [status, setStatus] = useSearchParam('status', 'PROPOSED');
  const [organ, setOrgan] = useSearchParam('organ');
  const [after, setAfter] = useState<string | undefined>();
  const [decision, setDecision] = useState<Decision | null>(null);
  const list = useAsync((signal) => ok(http().GET('/api/v1/matches', { signal, params: { query: { status, organ, after, limit: 50 } } })), [status, organ, after]);
  return (
    <section>
      <h1>{t('coord.matchesTitle')}</h1>
      <div className="filters">
        <SelectField label={t('common.status')} value={status} onChange={(e) => { setStatus(e.target.value); setAfter(undefined); }} placeholder={t('common.all')} options={['PROPOSED', 'APPROVED', 'DECLINED', 'SUPERSEDED'].map((s) => ({ value: s, label: label('matchStatus', s) }))} />
        <SelectField label={t('pledge.organ')} value={organ} onChange={(e) => { setOrgan(e.target.value); setAfter(undefined); }} placeholder={t('common.all')} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} />
      </div>
      <Loaded state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('coord.noMatches')}</Empty>
          ) : (
            <>
              <div className="table-wrap">
                <table>
                  <caption className="sr-only">{t('coord.matchesTitle')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('pledge.organ')}</th>
                      <th scope="col">#</th>
                      <th scope="col">{t('run.score')}</th>
                      <th scope="col">{t('match.distance')}</th>
                      <th scope="col">{t('common.status')}</th>
                      <th scope="col">{t('common.date')}</th>
                      <th scope="col">{t('common.actions')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((m) => (
                      <tr key={m.id}>
                        <td>{label('organ', m.organ)}</td>
                        <td>{m.rank}</td>
                        <td>{formatScore(m.score)}</td>
                        <td>{formatNumber(m.distanceKm, 0)} km</td>
                        <td>
                          <Badge value={m.status} label={label('matchStatus', m.status)} />
                          {m.declineReason && <div className="small">{label('decline', m.declineReason)}</div>}
                        </td>
                        <td>{formatDate(m.createdAt, true)}</td>
                        <td className="actions">
                          {m.runId && <Link to={`/coordinator/runs/${m.runId}`}>{t('coord.openRun')}</Link>}
                          {m.status === 'PROPOSED' && (
                            <>
                              <button type="button" className="primary" onClick={() => setDecision({ matchId: m.id, verdict: 'approve', rank: m.rank, runId: m.runId ?? undefined })}>
                                {t('decision.approve')}
                              </button>
                              <button type="button" onClick={() => setDecision({ matchId: m.id, verdict: 'decline', rank: m.rank })}>
                                {t('decision.decline')}
                              </button>
                            </>
                          )}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              {page.nextCursor && (
                <button type="button" onClick={() => setAfter(page.nextCursor ?? undefined)}>
                  {t('common.next')}
                </button>
              )}
            </>
          )
        }
      </Loaded>
      <DecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={() => {
          setDecision(null);
          list.reload();
        }}
      />
    </section>
  );
}
