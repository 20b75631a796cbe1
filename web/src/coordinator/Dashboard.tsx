import { http, ok } from '../api/client';
import { ORGANS } from '../api/types';
import { formatDate, formatNumber, useEnumLabel, useT } from '../i18n/i18n';
import { BarChart, PALETTE } from '../ui/charts';
import { ListTable } from '../ui/ListTable';
import { Loaded, useAsync } from '../ui/status';
import { RemindersPanel } from './RemindersPanel';

const ABO = ['O', 'A', 'B', 'AB'];
const PLEDGE_STATUSES = ['PENDING', 'VERIFIED', 'DONATED', 'REJECTED', 'WITHDRAWN'];
const MATCH_STATUSES = ['PROPOSED', 'APPROVED', 'DECLINED', 'SUPERSEDED'];

export function Dashboard() {
  const t = useT();
  const label = useEnumLabel();
  const stats = useAsync((signal) => ok(http().GET('/api/v1/admin/stats', { signal })), []);
  return (
    <section>
      <h1>{t('dash.title')}</h1>
      <RemindersPanel />
      <Loaded state={stats}>
        {(s) => {
          const waiting = ORGANS.map((o) => ({
            label: label('organ', o),
            values: Object.fromEntries(ABO.map((g) => [g, s.waitingList.filter((w) => w.organ === o && w.bloodGroup === g).reduce((n, w) => n + w.waiting, 0)])),
          }));
          const pledges = ORGANS.map((o) => ({
            label: label('organ', o),
            values: Object.fromEntries(PLEDGE_STATUSES.map((st) => [st, s.pledges.filter((p) => p.organ === o && p.status === st).reduce((n, p) => n + p.count, 0)])),
          }));
          const days = [...new Set(s.matchOutcomes.map((m) => m.day))].sort();
          const outcomes = days.map((d) => ({
            label: formatDate(d),
            values: Object.fromEntries(MATCH_STATUSES.map((st) => [st, s.matchOutcomes.filter((m) => m.day === d && m.status === st).reduce((n, m) => n + m.count, 0)])),
          }));
          const runs = s.matchRuns.map((r) => ({ label: formatDate(r.day), values: { scored: r.runs - r.degraded, degraded: r.degraded } }));
          const degradedTotal = s.matchRuns.reduce((n, r) => n + r.degraded, 0);
          return (
            <>
              <p className="muted">{t('dash.generated', { at: formatDate(s.generatedAt, true) })}</p>
              <ul className="kpis">
                <li>
                  <strong>{formatNumber(s.waitingList.reduce((n, w) => n + w.waiting, 0))}</strong> {t('dash.waiting')}
                </li>
                <li>
                  <strong>{formatNumber(s.pledges.filter((p) => p.status === 'PENDING').reduce((n, p) => n + p.count, 0))}</strong> {t('dash.pendingPledges')}
                </li>
                <li>
                  <strong>{formatNumber(s.documentsAwaitingReview)}</strong> {t('dash.documents')}
                </li>
                <li className={degradedTotal > 0 ? 'warn' : undefined}>
                  <strong>{formatNumber(degradedTotal)}</strong> {t('dash.degradedRuns')}
                </li>
              </ul>
              <div className="charts">
                <BarChart title={t('dash.waitingChart')} rows={waiting} series={ABO.map((g, i) => ({ key: g, label: g, color: PALETTE[i] }))} />
                <BarChart title={t('dash.pledgesChart')} rows={pledges} series={PLEDGE_STATUSES.map((st, i) => ({ key: st, label: label('pledgeStatus', st), color: PALETTE[i] }))} />
                <BarChart title={t('dash.outcomesChart')} rows={outcomes} series={MATCH_STATUSES.map((st, i) => ({ key: st, label: label('matchStatus', st), color: PALETTE[i] }))} />
                <BarChart
                  title={t('dash.runsChart')}
                  rows={runs}
                  series={[
                    { key: 'scored', label: t('dash.scored'), color: PALETTE[0] },
                    { key: 'degraded', label: t('dash.degraded'), color: PALETTE[4] },
                  ]}
                />
                <BarChart
                  title={t('dash.queueChart')}
                  rows={s.queues.map((q) => ({ label: q.type, values: { depth: Math.max(0, q.depth), dead: q.dead } }))}
                  series={[
                    { key: 'depth', label: t('dash.queueDepth'), color: PALETTE[1] },
                    { key: 'dead', label: t('dash.queueDead'), color: PALETTE[4] },
                  ]}
                />
              </div>
              <h2>{t('dash.waitTimes')}</h2>
              <ListTable
                items={s.waitingList}
                empty={t('chart.noData')}
                columns={[t('pledge.organ'), 'ABO', t('dash.waiting'), t('dash.median'), t('dash.longest')]}
                row={(w) => (
                  <tr key={w.organ + w.bloodGroup}>
                    <td>{label('organ', w.organ)}</td>
                    <td>{w.bloodGroup}</td>
                    <td>{formatNumber(w.waiting)}</td>
                    <td>{formatNumber(w.medianWaitDays, 1)}</td>
                    <td>{formatNumber(w.longestWaitDays, 1)}</td>
                  </tr>
                )}
              />
            </>
          );
        }}
      </Loaded>
    </section>
  );
}
