import { useRef, useState, type FormEvent } from 'react';
import { http, ok } from '../api/client';
import { ORGANS, type PolicyOutcome, type SimulationReport } from '../api/types';
import { formatDate, formatNumber, useEnumLabel, useT } from '../i18n/i18n';
import { BarChart, PALETTE, type ChartRow } from '../ui/charts';
import { fieldError, ProblemAlert, SelectField, Submit, TextField } from '../ui/forms';
import { Facts } from './runParts';

// The bounds of AllocationSimulationController (MAX_DONORS) and SimulationSettings.MAX_DAYS.
const LIMITS = { donors: [1, 1000], days: [1, 3650] } as const;

/** "allocation/ramsetu-2026-1" → "ramsetu-2026-1": fits the chart's label column. */
const short = (policyId: string) => policyId.replace(/^allocation\//, '');

/**
 * Policy simulation: the same synthetic donors replayed against today's waiting list under each
 * policy version (GET /api/v1/admin/allocation-simulations, docs/allocation.md "Simulation"), the
 * outcome measures side by side.
 */
export function Simulation() {
  const t = useT();
  const label = useEnumLabel();
  const [organ, setOrgan] = useState('KIDNEY');
  const [donors, setDonors] = useState('200');
  const [days, setDays] = useState('90');
  const [local, setLocal] = useState<Record<string, string>>({});
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<SimulationReport>();
  const pending = useRef<AbortController>();

  // Only what cannot be sent is checked here; the bounds are the API's (its problem details show
  // next to the field), so the page never disagrees with the server.
  const check = (value: string): string | undefined => (/^\s*\d+\s*$/.test(value) ? undefined : t('sim.wholeNumber'));
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const errors = Object.fromEntries(
      (
        [
          ['donors', check(donors)],
          ['days', check(days)],
        ] as const
      ).filter(([, m]) => m),
    ) as Record<string, string>;
    setLocal(errors);
    setError(undefined);
    if (Object.keys(errors).length) return;
    pending.current?.abort();
    const controller = new AbortController();
    pending.current = controller;
    setBusy(true);
    try {
      setReport(await ok(http().GET('/api/v1/admin/allocation-simulations', { signal: controller.signal, params: { query: { organ, donors: Number(donors.trim()), days: Number(days.trim()) } } })));
    } catch (err) {
      if ((err as Error).name !== 'AbortError') setError(err);
    } finally {
      if (pending.current === controller) setBusy(false);
    }
  };
  const message = (field: string) => local[field] ?? fieldError(error, field);

  return (
    <section>
      <h1>{t('sim.title')}</h1>
      <p className="hint">{t('sim.intro')}</p>
      <form className="simulation-form" noValidate onSubmit={(e) => void submit(e)} aria-label={t('sim.title')}>
        <div className="filters">
          <SelectField label={t('pledge.organ')} value={organ} onChange={(e) => setOrgan(e.target.value)} error={message('organ')} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} />
          <TextField
            label={t('sim.donors')}
            type="number"
            inputMode="numeric"
            min={LIMITS.donors[0]}
            max={LIMITS.donors[1]}
            step={1}
            required
            value={donors}
            onChange={(e) => setDonors(e.target.value)}
            error={message('donors')}
            hint={t('sim.donorsHint')}
          />
          <TextField
            label={t('sim.days')}
            type="number"
            inputMode="numeric"
            min={LIMITS.days[0]}
            max={LIMITS.days[1]}
            step={1}
            required
            value={days}
            onChange={(e) => setDays(e.target.value)}
            error={message('days')}
            hint={t('sim.daysHint')}
          />
        </div>
        <ProblemAlert error={error} shownFields={['organ', 'donors', 'days']} />
        <Submit busy={busy}>{t('sim.run')}</Submit>
      </form>
      {busy && (
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" /> {t('sim.running')}
        </p>
      )}
      {report && !busy && <Report report={report} />}
      <h2>{t('sim.proxyTitle')}</h2>
      <p className="note">{t('sim.proxyNote')}</p>
    </section>
  );
}

function Report({ report }: { report: SimulationReport }) {
  const t = useT();
  const label = useEnumLabel();
  const policies = report.policies;
  const row = (p: PolicyOutcome, values: ChartRow['values']): ChartRow => ({ label: short(p.policyId), values });
  // Tiers most urgent first, as the report orders them.
  const tiers = [...new Set([...Object.keys(report.waitingByTier ?? {}), ...policies.flatMap((p) => Object.keys(p.expectedDeathsByTier ?? {}))])];
  const kidney = report.organ === 'KIDNEY';
  return (
    <section className="simulation-report" aria-labelledby="sim-results">
      <h2 id="sim-results">{t('sim.results', { organ: label('organ', report.organ) })}</h2>
      <Facts
        items={[
          [t('sim.setup'), t('sim.setupText', { donors: formatNumber(report.donors), days: formatNumber(report.days), seed: report.seed })],
          [t('sim.start'), formatDate(report.start, true)],
          [t('sim.waitingAtStart'), formatNumber(report.waitingAtStart)],
          [t('sim.policies'), policies.map((p) => p.policyId).join(', ')],
          [t('sim.proxyVersion'), report.deathProxy],
        ]}
      />
      {report.waitingAtStart === 0 && <p className="alert info">{t('sim.emptyList')}</p>}
      <div className="charts">
        <BarChart
          title={t('sim.transplantsChart')}
          labelWidth={170}
          series={[
            { key: 'transplants', label: t('sim.transplants'), color: PALETTE[0] },
            { key: 'unplaced', label: t('sim.unplaced'), color: PALETTE[5] },
          ]}
          rows={policies.map((p) => row(p, { transplants: p.transplants, unplaced: p.unplaced }))}
        />
        <BarChart
          title={t('sim.waitingChart')}
          labelWidth={170}
          digits={0}
          unit={' ' + t('sim.daysUnit')}
          series={[{ key: 'median', label: t('sim.medianWaiting'), color: PALETTE[2] }]}
          rows={policies.map((p) => row(p, { median: p.medianWaitingDays }))}
        />
        <BarChart
          title={t('sim.deathsChart')}
          labelWidth={170}
          digits={2}
          series={tiers.map((tier, i) => ({ key: tier, label: tier, color: PALETTE[(i + 4) % PALETTE.length] }))}
          rows={policies.map((p) => row(p, Object.fromEntries(tiers.map((tier) => [tier, p.expectedDeathsByTier?.[tier]]))))}
        />
        {kidney && (
          <BarChart
            title={t('sim.zeroMismatchChart')}
            labelWidth={170}
            digits={1}
            max={100}
            unit=" %"
            series={[{ key: 'share', label: t('sim.zeroMismatch'), color: PALETTE[1] }]}
            rows={policies.map((p) => row(p, { share: p.zeroMismatchShare == null ? null : p.zeroMismatchShare * 100 }))}
          />
        )}
        <BarChart
          title={t('sim.distanceChart')}
          labelWidth={170}
          unit=" km"
          series={[{ key: 'km', label: t('sim.medianDistance'), color: PALETTE[3] }]}
          rows={policies.map((p) => row(p, { km: p.medianDistanceKm }))}
        />
      </div>
    </section>
  );
}
