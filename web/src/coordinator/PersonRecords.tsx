import { http, ok } from '../api/client';
import type { HlaBody } from '../api/types';
import { Link } from '../app/router';
import { formatDate, formatNumber, useEnumLabel, useT } from '../i18n/i18n';
import { Badge, Empty, Loaded, useAsync } from '../ui/status';
import { RecordHistory } from './Records';
import { Facts } from './runParts';

/**
 * A donor's record for coordinators: who they are (directory entry), their profile, every pledge
 * they made (each opening the pledge's record) and their history from the audit log.
 */
export function DonorRecord({ id }: { id: string }) {
  const t = useT();
  const label = useEnumLabel();
  const entry = useAsync((signal) => ok(http().GET('/api/v1/admin/donors/{accountId}', { signal, params: { path: { accountId: id } } })), [id]);
  const profile = useAsync((signal) => ok(http().GET('/api/v1/donors/{accountId}', { signal, params: { path: { accountId: id } } })), [id]);
  const pledges = useAsync((signal) => ok(http().GET('/api/v1/pledges', { signal, params: { query: { donor: id, limit: 100 } } })), [id]);
  return (
    <section>
      <p>
        <Link to="/coordinator/directory">{t('record.backToDirectory')}</Link>
      </p>
      <Loaded state={entry}>
        {(e) => (
          <>
            <h1>{t('record.donorNamed', { name: e.fullName })}</h1>
            <Loaded state={profile}>
              {(p) => (
                <Facts
                  items={[
                    [t('auth.email'), e.email],
                    [t('dir.registered'), formatDate(e.registeredAt)],
                    [t('profile.bloodGroup'), p.bloodGroup],
                    [t('record.ageSex'), `${t('record.yearsOld', { years: yearsSince(p.dateOfBirth) })} · ${label('sex', p.sex)}`],
                    [t('record.size'), `${formatNumber(p.heightCm, 0)} cm · ${formatNumber(p.weightKg, 1)} kg`],
                    [t('record.hla'), hlaText(p.hla)],
                    [t('dir.place'), `${p.location.city}, ${p.location.state}`],
                    [t('record.id'), <code key="id">{p.accountId}</code>],
                  ]}
                />
              )}
            </Loaded>
          </>
        )}
      </Loaded>
      <h2>{t('record.pledges')}</h2>
      <Loaded state={pledges}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('record.noPledges')}</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('record.pledges')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('pledge.organ')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('record.pledged')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((pledge) => (
                    <tr key={pledge.id} data-pledge={pledge.id}>
                      <td>{label('organ', pledge.organ)}</td>
                      <td>
                        <Badge value={pledge.status} label={label('pledgeStatus', pledge.status)} />
                      </td>
                      <td>{formatDate(pledge.createdAt, true)}</td>
                      <td>
                        <Link to={`/coordinator/pledges/${pledge.id}`}>{t('record.open')}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <RecordHistory targetId={id} />
    </section>
  );
}

/**
 * A patient's record for coordinators: who they are, their profile and treating hospital, every
 * transplant request (each opening the request's record) and their history from the audit log.
 */
export function PatientRecord({ id }: { id: string }) {
  const t = useT();
  const label = useEnumLabel();
  const entry = useAsync((signal) => ok(http().GET('/api/v1/admin/patients/{accountId}', { signal, params: { path: { accountId: id } } })), [id]);
  const profile = useAsync((signal) => ok(http().GET('/api/v1/patients/{accountId}', { signal, params: { path: { accountId: id } } })), [id]);
  const requests = useAsync((signal) => ok(http().GET('/api/v1/transplant-requests', { signal, params: { query: { patient: id, limit: 100 } } })), [id]);
  return (
    <section>
      <p>
        <Link to="/coordinator/directory">{t('record.backToDirectory')}</Link>
      </p>
      <Loaded state={entry}>
        {(e) => (
          <>
            <h1>{t('record.patientNamed', { name: e.fullName })}</h1>
            <Loaded state={profile}>
              {(p) => (
                <Facts
                  items={[
                    [t('auth.email'), e.email],
                    [t('dir.registered'), formatDate(e.registeredAt)],
                    [t('profile.bloodGroup'), p.bloodGroup],
                    [t('record.ageSex'), `${t('record.yearsOld', { years: yearsSince(p.dateOfBirth) })} · ${label('sex', p.sex)}`],
                    [t('record.size'), `${formatNumber(p.heightCm, 0)} cm · ${formatNumber(p.weightKg, 1)} kg`],
                    [t('record.hla'), hlaText(p.hla)],
                    [t('record.unacceptable'), p.unacceptableAntigens.length ? p.unacceptableAntigens.join(', ') : '—'],
                    [t('record.hospital'), `${p.hospital.name}, ${p.hospital.city}`],
                    [t('record.id'), <code key="id">{p.accountId}</code>],
                  ]}
                />
              )}
            </Loaded>
          </>
        )}
      </Loaded>
      <h2>{t('record.requests')}</h2>
      <Loaded state={requests}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('coord.noRequests')}</Empty>
          ) : (
            <div className="table-wrap">
              <table>
                <caption className="sr-only">{t('record.requests')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('pledge.organ')}</th>
                    <th scope="col">{t('common.status')}</th>
                    <th scope="col">{t('request.urgency')}</th>
                    <th scope="col">{t('record.listed')}</th>
                    <th scope="col">{t('common.actions')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((r) => (
                    <tr key={r.id} data-request={r.id}>
                      <td>{label('organ', r.organ)}</td>
                      <td>
                        <Badge value={r.status} label={label('requestStatus', r.status)} />
                      </td>
                      <td>{r.urgency}</td>
                      <td>
                        {formatDate(r.listedAt)} · {t('patient.waitingDays', { days: r.waitingDays })}
                      </td>
                      <td>
                        <Link to={`/coordinator/requests/${r.id}`}>{t('record.open')}</Link>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </Loaded>
      <RecordHistory targetId={id} />
    </section>
  );
}

/** Whole years from a date of birth to today, as a clinician says an age. */
function yearsSince(dateOfBirth: string): number {
  const born = new Date(`${dateOfBirth}T00:00:00Z`);
  const now = new Date();
  let years = now.getUTCFullYear() - born.getUTCFullYear();
  if (now.getUTCMonth() < born.getUTCMonth() || (now.getUTCMonth() === born.getUTCMonth() && now.getUTCDate() < born.getUTCDate())) years--;
  return years;
}

function hlaText(hla: HlaBody | null | undefined): string {
  if (!hla) return '—';
  return [...(hla.a ?? []), ...(hla.b ?? []), ...(hla.dr ?? [])].join(' ') || '—';
}
