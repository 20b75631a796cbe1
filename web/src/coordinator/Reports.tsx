import { useEffect, useState } from 'react';
import { download, http, ok } from '../api/client';
import { formatDate, formatNumber, useT } from '../i18n/i18n';
import { ProblemAlert, TextField } from '../ui/forms';
import { ListTable } from '../ui/ListTable';
import { Loaded, useAsync } from '../ui/status';

// GET/POST /api/v1/reports/monthly and GET /api/v1/reports/exports (docs/reports.md).
/** The month before the current one in India, as the form's default (e.g. 2026-11). */
function lastMonth(): string {
  const india = new Date(Date.now() + 5.5 * 3600 * 1000);
  const d = new Date(Date.UTC(india.getUTCFullYear(), india.getUTCMonth() - 1, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** Monthly registry reports (ask for a month, download CSV/PDF) and the coordinator's large exports. */
export function Reports() {
  const t = useT();
  const [month, setMonth] = useState(lastMonth());
  const [error, setError] = useState<unknown>();
  const [asked, setAsked] = useState('');
  const reports = useAsync((signal) => ok(http().GET('/api/v1/reports/monthly', { signal })), []);
  const exports = useAsync((signal) => ok(http().GET('/api/v1/reports/exports', { signal })), []);
  const pending = (exports.data?.items ?? []).some((e) => e.status !== 'READY') || asked !== '';
  const { reload: reloadReports } = reports;
  const { reload: reloadExports } = exports;
  useEffect(() => {
    if (!pending) return undefined;
    const timer = setInterval(() => {
      reloadExports();
      reloadReports();
    }, 3000);
    return () => clearInterval(timer);
  }, [pending, reloadExports, reloadReports]);
  useEffect(() => {
    if (asked && (reports.data?.items ?? []).some((r) => r.month === asked)) setAsked('');
  }, [asked, reports.data]);

  const ask = async () => {
    setError(undefined);
    try {
      await ok(http().POST('/api/v1/reports/monthly', { body: { month } }));
      setAsked(month);
      reloadReports();
    } catch (e) {
      setError(e);
    }
  };
  const save = (url: string) => void download(url).catch(setError);

  return (
    <section>
      <h1>{t('rep.title')}</h1>
      <form
        className="filters"
        onSubmit={(e) => {
          e.preventDefault();
          void ask();
        }}
      >
        <TextField label={t('rep.month')} value={month} placeholder="2026-05" pattern="\d{4}-\d{2}" onChange={(e) => setMonth(e.target.value)} hint={t('rep.monthHint')} />
        <p>
          <button type="submit">{t('rep.generate')}</button>
        </p>
      </form>
      {asked && <p role="status">{t('rep.asked', { month: asked })}</p>}
      <ProblemAlert error={error} shownFields={[]} />
      <h2>{t('rep.monthly')}</h2>
      <Loaded state={reports}>
        {(page) => (
          <ListTable
            items={page.items}
            empty={t('rep.none')}
            caption={t('rep.monthly')}
            columns={[t('rep.month'), t('rep.generatedAt'), t('rep.pledges'), t('rep.listings'), t('rep.files')]}
            row={(r) => (
              <tr key={r.month}>
                <td>{r.month}</td>
                <td>{formatDate(r.generatedAt, true)}</td>
                <td>{r.totals ? formatNumber(r.totals.pledges) : '—'}</td>
                <td>{r.totals ? formatNumber(r.totals.listings) : '—'}</td>
                <td>
                  {r.files.map((f) => (
                    <button key={f.format} type="button" className="link" onClick={() => save(f.url)}>
                      {f.format.toUpperCase()}
                    </button>
                  ))}
                </td>
              </tr>
            )}
          />
        )}
      </Loaded>
      <h2>{t('rep.exports')}</h2>
      <p>{t('rep.exportsHint')}</p>
      <Loaded state={exports}>
        {(page) => (
          <ListTable
            items={page.items}
            empty={t('rep.noExports')}
            caption={t('rep.exports')}
            columns={[t('common.date'), t('rep.kind'), t('rep.progress'), t('rep.files')]}
            row={(e) => (
              <tr key={e.id}>
                <td>{formatDate(e.requestedAt, true)}</td>
                <td>{e.kind}</td>
                <td>
                  <progress max={100} value={e.percent ?? 0} aria-label={t('rep.progress')} />{' '}
                  {formatNumber(e.rowsWritten)}
                  {e.rowsTotal !== null ? ` / ${formatNumber(e.rowsTotal)}` : ''}
                </td>
                <td>
                  {e.downloadUrl ? (
                    <button type="button" className="link" onClick={() => save(e.downloadUrl as string)}>
                      CSV
                    </button>
                  ) : (
                    e.status
                  )}
                </td>
              </tr>
            )}
          />
        )}
      </Loaded>
    </section>
  );
}
