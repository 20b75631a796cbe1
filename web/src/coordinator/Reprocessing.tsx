import { useEffect, useState } from 'react';
import { http, ok } from '../api/client';
import { ORGANS } from '../api/types';
import { formatDate, formatNumber, useEnumLabel, useT } from '../i18n/i18n';
import { ProblemAlert, SelectField } from '../ui/forms';
import { ListTable } from '../ui/ListTable';
import { Loaded, useAsync } from '../ui/status';

// GET/POST /api/v1/admin/reprocessing/batches (docs/reprocessing.md).
const OPEN = new Set(['REQUESTED', 'SCHEDULED', 'RUNNING']);

/**
 * Re-ranking of an organ's open runs after a model (or policy) change: the batches with their
 * progress and how much the rankings moved, and a form to start one.
 */
export function Reprocessing() {
  const t = useT();
  const label = useEnumLabel();
  const [organ, setOrgan] = useState('KIDNEY');
  const [reason, setReason] = useState('MODEL');
  const [error, setError] = useState<unknown>();
  const batches = useAsync((signal) => ok(http().GET('/api/v1/admin/reprocessing/batches', { signal })), []);
  const { reload } = batches;
  const running = (batches.data ?? []).some((b) => OPEN.has(b.state));
  useEffect(() => {
    if (!running) return undefined;
    const timer = setInterval(reload, 3000);
    return () => clearInterval(timer);
  }, [running, reload]);

  const start = async () => {
    setError(undefined);
    try {
      await ok(http().POST('/api/v1/admin/reprocessing/batches', { body: { organ, reason } }));
      reload();
    } catch (e) {
      setError(e);
    }
  };

  return (
    <section>
      <h1>{t('rp.title')}</h1>
      <p>{t('rp.intro')}</p>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void start();
        }}
      >
        <SelectField label={t('rp.organ')} value={organ} onChange={(e) => setOrgan(e.target.value)} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} />
        <SelectField
          label={t('rp.reason')}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          options={[
            { value: 'MODEL', label: t('rp.reasonModel') },
            { value: 'POLICY', label: t('rp.reasonPolicy') },
          ]}
        />
        <p>
          <button type="submit">{t('rp.start')}</button>
        </p>
      </form>
      <ProblemAlert error={error} shownFields={[]} />
      <Loaded state={batches}>
        {(items) => (
          <ListTable
            items={items}
            empty={t('rp.none')}
            caption={t('rp.title')}
            columns={[t('rp.when'), t('rp.organ'), t('rp.versions'), t('rp.state'), t('rp.progress'), t('rp.changed'), t('rp.spearman')]}
            row={(b) => {
              const total = b.progress.matchRunsTotal + b.progress.allocationRunsTotal;
              const done = b.progress.matchRunsDone + b.progress.allocationRunsDone;
              return (
                <tr key={b.id}>
                  <td>{formatDate(b.createdAt, true)}</td>
                  <td>{label('organ', b.organ)}</td>
                  <td>{b.reason === 'POLICY' ? b.policyId ?? '' : `${b.previousVersion ?? '—'} → ${b.modelVersion ?? '—'}`}</td>
                  <td>
                    {label('rp.stateOf', b.state)}
                    {b.error && <div className="hint">{b.error}</div>}
                  </td>
                  <td>
                    <progress max={Math.max(total, 1)} value={done} aria-label={t('rp.progress')} />{' '}
                    {formatNumber(done)} / {formatNumber(total)}
                  </td>
                  <td>
                    {t('rp.changedOf', {
                      changed: formatNumber(b.figures.rankingsChanged),
                      written: formatNumber(b.figures.runsWritten),
                      top: formatNumber(b.figures.topChanged),
                    })}
                  </td>
                  <td>
                    {formatNumber(b.figures.meanSpearman, 3)} ({t('rp.lowest')} {formatNumber(b.figures.minSpearman, 3)})
                  </td>
                </tr>
              );
            }}
          />
        )}
      </Loaded>
    </section>
  );
}
