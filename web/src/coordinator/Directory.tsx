import { useState } from 'react';
import { download, http, ok } from '../api/client';
import { Link, useSearchParam } from '../app/router';
import { BLOOD_GROUPS, ORGANS } from '../api/types';
import { formatDate, useEnumLabel, useT } from '../i18n/i18n';
import { ProblemAlert, SelectField, TextField } from '../ui/forms';
import { PagedTable, usePager } from '../ui/Pager';
import { Loaded, useAsync } from '../ui/status';

/** Donor and patient directories with search, and the CSV exports of every list. */
export function Directory() {
  const t = useT();
  const label = useEnumLabel();
  // Filters live in the address: a reload or a shared link shows the same list.
  const [sideParam, setSide] = useSearchParam('side', 'donors');
  const side: 'donors' | 'patients' = sideParam === 'patients' ? 'patients' : 'donors';
  const [q, setQ] = useSearchParam('q');
  const [city, setCity] = useSearchParam('city');
  const [bloodGroup, setBloodGroup] = useSearchParam('bloodGroup');
  const pager = usePager(25);
  const after = pager.after;
  const [exportStatus, setExportStatus] = useState('');
  const [exportOrgan, setExportOrgan] = useState('');
  const [error, setError] = useState<unknown>();
  const [exporting, setExporting] = useState(false);
  const [queued, setQueued] = useState(false);
  const list = useAsync(
    (signal) => {
      const init = { signal, params: { query: { q, city, bloodGroup, after, limit: 25 } } };
      return ok(side === 'donors' ? http().GET('/api/v1/admin/donors', init) : http().GET('/api/v1/admin/patients', init));
    },
    [side, q, city, bloodGroup, after],
  );
  const exportCsv = async (path: string, query: Record<string, string>) => {
    setError(undefined);
    setQueued(false);
    setExporting(true);
    try {
      setQueued((await download(path, query)) !== undefined);
    } catch (e) {
      setError(e);
    } finally {
      setExporting(false);
    }
  };
  return (
    <section>
      <h1>{t('dir.title')}</h1>
      <div className="filters">
        <SelectField label={t('dir.side')} value={side} onChange={(e) => pager.filtering(setSide)(e.target.value as 'donors')} options={[{ value: 'donors', label: t('dir.donors') }, { value: 'patients', label: t('dir.patients') }]} />
        <TextField label={t('coord.search')} type="search" value={q} onChange={(e) => pager.filtering(setQ)(e.target.value)} hint={t('dir.searchHint')} />
        <TextField label={t('place.city')} value={city} onChange={(e) => pager.filtering(setCity)(e.target.value)} />
        <SelectField label={t('profile.bloodGroup')} value={bloodGroup} onChange={(e) => pager.filtering(setBloodGroup)(e.target.value)} placeholder={t('common.all')} options={['O', 'A', 'B', 'AB', ...BLOOD_GROUPS].map((g) => ({ value: g, label: g }))} />
      </div>
      <p>
        <button type="button" disabled={exporting} onClick={() => void exportCsv(`/api/v1/admin/${side}/export`, { q, city, bloodGroup })}>
          {t('dir.exportList')}
        </button>
      </p>
      {queued && (
        <p role="status">
          {t('dir.exportQueued')} <Link to="/coordinator/reports">{t('coord.reports')}</Link>
        </p>
      )}
      <ProblemAlert error={error} />
      <Loaded state={list}>
        {(page) => (
          <PagedTable
            page={page}
            pager={pager}
            empty={t('dir.none')}
            caption={side === 'donors' ? t('dir.donors') : t('dir.patients')}
            controls="both"
            columns={[t('signup.fullName'), t('auth.email'), t('profile.bloodGroup'), t('dir.place'), t('dir.open'), t('dir.registered')]}
            row={(d) => (
              <tr key={d.accountId}>
                <td>
                  <Link to={`/coordinator/${side}/${d.accountId}`}>{d.fullName}</Link>
                </td>
                <td>{d.email}</td>
                <td>{d.bloodGroup}</td>
                <td>{d.place}</td>
                <td>{d.openRecords}</td>
                <td>{formatDate(d.registeredAt)}</td>
              </tr>
            )}
          />
        )}
      </Loaded>
      <section className="panel" aria-labelledby="exports">
        <h2 id="exports">{t('dir.exports')}</h2>
        <div className="filters">
          <SelectField label={t('pledge.organ')} value={exportOrgan} onChange={(e) => setExportOrgan(e.target.value)} placeholder={t('common.all')} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} />
          <TextField label={t('common.status')} value={exportStatus} onChange={(e) => setExportStatus(e.target.value.toUpperCase())} hint={t('dir.statusHint')} />
        </div>
        <button type="button" disabled={exporting} onClick={() => void exportCsv('/api/v1/admin/pledges/export', { organ: exportOrgan, status: exportStatus, city, bloodGroup })}>
          {t('dir.exportPledges')}
        </button>{' '}
        <button type="button" disabled={exporting} onClick={() => void exportCsv('/api/v1/admin/transplant-requests/export', { organ: exportOrgan, status: exportStatus, city, bloodGroup })}>
          {t('dir.exportRequests')}
        </button>
      </section>
    </section>
  );
}
