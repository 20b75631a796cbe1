import { http, ok } from '../api/client';
import { BLOOD_GROUPS, ORGANS, type Pledge } from '../api/types';
import { useSearchParam } from '../app/router';
import { formatDate, useEnumLabel, useT } from '../i18n/i18n';
import { ProblemAlert, SelectField, TextField } from '../ui/forms';
import { pledgeSummary } from '../ui/pledgeSummary';
import { PagedTable, usePager } from '../ui/Pager';
import { Loaded, useAsync } from '../ui/status';
import { useStartRun } from './useRunMatch';

/** Verified pledges: a coordinator allocates a donor organ to the waiting list from here. */
export function VerifiedPledges() {
  const t = useT();
  const label = useEnumLabel();
  // Filters live in the address: a reload or a shared link shows the same list.
  const [organ, setOrgan] = useSearchParam('organ');
  const [bloodGroup, setBloodGroup] = useSearchParam('bloodGroup');
  const [city, setCity] = useSearchParam('city');
  const pager = usePager(25);
  const { running, error, start } = useStartRun();
  const list = useAsync(
    (signal) => ok(http().GET('/api/v1/pledges', { signal, params: { query: { status: 'VERIFIED', organ, bloodGroup, city, after: pager.after, limit: pager.size } } })),
    [organ, bloodGroup, city, pager.after],
  );
  const allocate = (p: Pledge) =>
    start(
      p.id,
      (key) => ok(http().POST('/api/v1/pledges/{id}/allocation-runs', { params: { path: { id: p.id }, header: { 'Idempotency-Key': key } } })),
      (runId) => `/coordinator/allocation-runs/${runId}`,
      // a pledge that left VERIFIED (409) drops out of the list
      () => list.reload(),
    );
  return (
    <section>
      <h1>{t('alloc.pledgesTitle')}</h1>
      <p className="hint">{t('alloc.pledgesHint')}</p>
      <div className="filters">
        <SelectField label={t('pledge.organ')} value={organ} onChange={(e) => pager.filtering(setOrgan)(e.target.value)} placeholder={t('common.all')} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} />
        <SelectField label={t('profile.bloodGroup')} value={bloodGroup} onChange={(e) => pager.filtering(setBloodGroup)(e.target.value)} placeholder={t('common.all')} options={['O', 'A', 'B', 'AB', ...BLOOD_GROUPS].map((g) => ({ value: g, label: g }))} />
        <TextField label={t('place.city')} value={city} onChange={(e) => pager.filtering(setCity)(e.target.value)} />
      </div>
      <ProblemAlert error={error} />
      {running && (
        <p role="status" className="loading">
          <span className="spinner" aria-hidden="true" /> {t('alloc.running')}
        </p>
      )}
      <Loaded state={list}>
        {(page) => (
          <PagedTable
            page={page}
            pager={pager}
            empty={t('alloc.noPledges')}
            caption={t('alloc.pledgesTitle')}
            className="verified-pledges"
            columns={[t('pledge.organ'), t('profile.bloodGroup'), t('place.city'), t('coord.tests'), t('alloc.verifiedAt'), t('common.actions')]}
            row={(p) => (
              <tr key={p.id} data-pledge={p.id}>
                <td>
                  {label('organ', p.organ)} <code className="small">{p.id.slice(0, 8)}</code>
                </td>
                <td>{p.donor.bloodGroup}</td>
                <td>
                  {p.donor.city}, {p.donor.state}
                </td>
                <td className="small">{pledgeSummary(p, label, t)}</td>
                <td>{formatDate(p.statusChangedAt, true)}</td>
                <td className="actions">
                  <button type="button" className="primary" disabled={running !== null} aria-busy={running === p.id} onClick={() => void allocate(p)}>
                    {t('alloc.allocate')}
                  </button>
                </td>
              </tr>
            )}
          />
        )}
      </Loaded>
    </section>
  );
}
