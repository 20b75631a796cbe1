import { useState } from 'react';
import { http, ok } from '../api/client';
import { ORGANS, type TransplantRequest } from '../api/types';
import { Link, useSearchParam } from '../app/router';
import { formatDate, useEnumLabel, useT } from '../i18n/i18n';
import { CheckField, ProblemAlert, SelectField, TextField } from '../ui/forms';
import { PageControls, usePager, OrderField, type RequestOrder } from '../ui/Pager';
import { Empty, Loaded, useAsync } from '../ui/status';
import { ScoreList } from '../patient/ScoreList';
import { Badge } from '../ui/status';
import { useRunMatch } from './useRunMatch';
import { VerifyListingDialog } from './VerifyListingDialog';

/**
 * The waiting list; a coordinator of the patient's centre verifies a pending listing, and starts a
 * match run for a verified one, from here.
 */
export function WaitingRequests() {
  const t = useT();
  const label = useEnumLabel();
  // Filters live in the address: a reload or a shared link shows the same list.
  const [organ, setOrgan] = useSearchParam('organ');
  const [status, setStatus] = useSearchParam('status', 'WAITING');
  const [city, setCity] = useSearchParam('city');
  const [q, setQ] = useSearchParam('q');
  const [centre, setCentre] = useSearchParam('centre');
  const mine = centre === 'mine';
  const [sort, setSort] = useSearchParam('sort', 'newest');
  const pager = usePager(50);
  const { running, error, run } = useRunMatch();
  const [verifying, setVerifying] = useState<TransplantRequest | null>(null);
  const [verified, setVerified] = useState<TransplantRequest>();
  const list = useAsync(
    (signal) => ok(http().GET('/api/v1/transplant-requests', { signal, params: { query: { organ: organ || undefined, status: status || undefined, city: city || undefined, q: q.trim() || undefined, centre: mine ? 'mine' : undefined, sort: sort as RequestOrder, after: pager.after, limit: pager.size } } })),
    [organ, status, city, q, mine, sort, pager.after],
  );
  return (
    <section>
      <h1>{t('coord.requestsTitle')}</h1>
      <div className="filters">
        <TextField label={t('coord.searchPatient')} type="search" value={q} onChange={(e) => pager.filtering(setQ)(e.target.value)} hint={t('coord.searchPatientHint')} />
        <SelectField label={t('pledge.organ')} value={organ} onChange={(e) => pager.filtering(setOrgan)(e.target.value)} placeholder={t('common.all')} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} />
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={(e) => pager.filtering(setStatus)(e.target.value)}
          placeholder={t('common.all')}
          options={['PENDING_VERIFICATION', 'WAITING', 'MATCHED', 'TRANSPLANTED', 'REMOVED'].map((s) => ({ value: s, label: label('requestStatus', s) }))}
        />
        <TextField label={t('place.city')} value={city} onChange={(e) => pager.filtering(setCity)(e.target.value)} />
        <CheckField label={t('coord.myCentre')} checked={mine} onChange={(e) => pager.filtering(setCentre)(e.target.checked ? 'mine' : '')} />
        <OrderField ranked value={sort as RequestOrder} onChange={pager.filtering(setSort)} />
      </div>
      <ProblemAlert error={error} />
      {verified && (
        <p role="status" className="alert success">
          {t('verify.done', { organ: label('organ', verified.organ) })}
        </p>
      )}
      {running && (
        <p role="status" className="loading">
          <span className="spinner" aria-hidden="true" /> {t('coord.running')}
        </p>
      )}
      <Loaded state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('coord.noRequests')}</Empty>
          ) : (
            <>
            <PageControls pager={pager} page={page} />
            <ul className="cards">
              {page.items.map((r) => (
                <li key={r.id} className="card request-card" data-request={r.id}>
                  <h3>
                    {r.patient.fullName && (
                      <>
                        <Link to={`/coordinator/requests/${r.id}`}>{r.patient.fullName}</Link> ·{' '}
                      </>
                    )}
                    {label('organ', r.organ)} · {r.patient.bloodGroup} · {r.patient.city} <Badge value={r.status} label={label('requestStatus', r.status)} />
                  </h3>
                  {r.centre && <p>{t('request.centreAt', { name: r.centre.name, city: r.centre.city })}</p>}
                  <p>
                    {r.patient.hospitalName} · {t('patient.listedOn', { date: formatDate(r.listedAt) })} · {t('patient.waitingDays', { days: r.waitingDays })} ·{' '}
                    {t('request.urgency')} {r.urgency}
                  </p>
                  <ScoreList scores={r.scores} />
                  {!r.patient.fullName && <Link to={`/coordinator/requests/${r.id}`}>{t('record.open')}</Link>}
                  {r.status === 'PENDING_VERIFICATION' && (
                    <button type="button" className="primary" onClick={() => setVerifying(r)}>
                      {t('coord.verifyListing')}
                    </button>
                  )}
                  {r.status === 'WAITING' && (
                    <button type="button" className="primary" disabled={running !== null} onClick={() => void run(r.id)}>
                      {t('coord.runMatch')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
            <PageControls pager={pager} page={page} />
            </>
          )
        }
      </Loaded>
      <VerifyListingDialog
        request={verifying}
        onClose={() => setVerifying(null)}
        onDone={(r) => {
          setVerifying(null);
          setVerified(r);
          list.reload();
        }}
      />
    </section>
  );
}
