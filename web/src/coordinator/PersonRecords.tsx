import type { ReactNode } from 'react';
import { http, ok } from '../api/client';
import type { DirectoryEntry, HlaBody } from '../api/types';
import { Link } from '../app/router';
import { formatDate, formatNumber, useEnumLabel, useT, type Key } from '../i18n/i18n';
import { ListTable } from '../ui/ListTable';
import { Badge, Loaded, useAsync, type Async } from '../ui/status';
import { RecordHistory } from './Records';
import { Facts } from './runParts';

/** What donor and patient profiles share, as their record shows it. */
interface Person {
  accountId: string;
  bloodGroup: string;
  dateOfBirth: string;
  sex: string;
  heightCm: number;
  weightKg: number;
  hla?: HlaBody | null;
}

/** One listing of the person (a pledge or a request): its columns after organ and status. */
interface Row {
  id: string;
  organ: string;
  status: string;
  statusLabel: string;
  cells: ReactNode[];
}

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
    <PersonPage
      id={id}
      heading="record.donorNamed"
      entry={entry}
      profile={profile}
      facts={(p) => [[t('dir.place'), `${p.location.city}, ${p.location.state}`]]}
      listingsTitle="record.pledges"
      none={t('record.noPledges')}
      columns={[t('record.pledged')]}
      listings={pledges}
      rows={(page) =>
        page.items.map((p) => ({
          id: p.id,
          organ: p.organ,
          status: p.status,
          statusLabel: label('pledgeStatus', p.status),
          cells: [formatDate(p.createdAt, true)],
        }))
      }
      recordOf={(rowId) => `/coordinator/pledges/${rowId}`}
      rowAttribute="data-pledge"
    />
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
    <PersonPage
      id={id}
      heading="record.patientNamed"
      entry={entry}
      profile={profile}
      facts={(p) => [
        [t('record.unacceptable'), p.unacceptableAntigens.length ? p.unacceptableAntigens.join(', ') : '—'],
        [t('record.hospital'), `${p.hospital.name}, ${p.hospital.city}`],
      ]}
      listingsTitle="record.requests"
      none={t('coord.noRequests')}
      columns={[t('request.urgency'), t('record.listed')]}
      listings={requests}
      rows={(page) =>
        page.items.map((r) => ({
          id: r.id,
          organ: r.organ,
          status: r.status,
          statusLabel: label('requestStatus', r.status),
          cells: [r.urgency, `${formatDate(r.listedAt)} · ${t('patient.waitingDays', { days: r.waitingDays })}`],
        }))
      }
      recordOf={(rowId) => `/coordinator/requests/${rowId}`}
      rowAttribute="data-request"
    />
  );
}

/** The record page both kinds of person have: heading, facts, listings table, history. */
function PersonPage<P extends Person, L>(props: {
  id: string;
  heading: Key;
  entry: Async<DirectoryEntry>;
  profile: Async<P>;
  facts: (profile: P) => [string, ReactNode][];
  listingsTitle: Key;
  none: string;
  columns: string[];
  listings: Async<L>;
  rows: (listings: L) => Row[];
  recordOf: (rowId: string) => string;
  rowAttribute: 'data-pledge' | 'data-request';
}) {
  const t = useT();
  const label = useEnumLabel();
  return (
    <section>
      <p>
        <Link to="/coordinator/directory">{t('record.backToDirectory')}</Link>
      </p>
      <Loaded state={props.entry}>
        {(e) => (
          <>
            <h1>{t(props.heading, { name: e.fullName })}</h1>
            <Loaded state={props.profile}>
              {(p) => (
                <Facts
                  items={[
                    [t('auth.email'), e.email],
                    [t('dir.registered'), formatDate(e.registeredAt)],
                    [t('profile.bloodGroup'), p.bloodGroup],
                    [t('record.ageSex'), `${t('record.yearsOld', { years: yearsSince(p.dateOfBirth) })} · ${label('sex', p.sex)}`],
                    [t('record.size'), `${formatNumber(p.heightCm, 0)} cm · ${formatNumber(p.weightKg, 1)} kg`],
                    [t('record.hla'), hlaText(p.hla)],
                    ...props.facts(p),
                    [t('record.id'), <code key="id">{p.accountId}</code>],
                  ]}
                />
              )}
            </Loaded>
          </>
        )}
      </Loaded>
      <h2>{t(props.listingsTitle)}</h2>
      <Loaded state={props.listings}>
        {(listings) => (
          <ListTable
            items={props.rows(listings)}
            empty={props.none}
            caption={t(props.listingsTitle)}
            columns={[t('pledge.organ'), t('common.status'), ...props.columns, t('common.actions')]}
            row={(row) => (
              <tr key={row.id} {...{ [props.rowAttribute]: row.id }}>
                <td>{label('organ', row.organ)}</td>
                <td>
                  <Badge value={row.status} label={row.statusLabel} />
                </td>
                {row.cells.map((cell, i) => (
                  <td key={i}>{cell}</td>
                ))}
                <td>
                  <Link to={props.recordOf(row.id)}>{t('record.open')}</Link>
                </td>
              </tr>
            )}
          />
        )}
      </Loaded>
      <RecordHistory targetId={props.id} />
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
