import type { ReactNode } from 'react';
import { http, ok } from '../api/client';
import { Link } from '../app/router';
import { formatDate, formatNumber, formatScore, useEnumLabel, useT } from '../i18n/i18n';
import { ScoreList } from '../patient/ScoreList';
import { PagedTable, usePager } from '../ui/Pager';
import { ProblemAlert } from '../ui/forms';
import { Badge, Empty, Loaded, useAsync } from '../ui/status';
import { useMatchDecisions } from './DecisionDialog';
import { MatchesTable } from './MatchesTable';
import { Facts } from './runParts';
import { useRunMatch } from './useRunMatch';

/**
 * A transplant request's record for coordinators: the listing, its patient and centre, its scores,
 * the matches proposed for it (each opening its run) and its history from the audit log.
 */
export function RequestRecord({ id }: { id: string }) {
  const t = useT();
  const label = useEnumLabel();
  const request = useAsync((signal) => ok(http().GET('/api/v1/transplant-requests/{id}', { signal, params: { path: { id } } })), [id]);
  const { running, error, run } = useRunMatch();
  return (
    <section>
      <p>
        <Link to="/coordinator/requests">{t('record.backToList')}</Link>
      </p>
      <Loaded state={request}>
        {(r) => (
          <>
            <h1>
              {r.patient.fullName ?? t('record.request')} · {label('organ', r.organ)} <Badge value={r.status} label={label('requestStatus', r.status)} />
            </h1>
            <Facts
              items={[
                [t('record.patient'), <Link key="patient" to={`/coordinator/patients/${r.patientId}`}>{`${r.patient.fullName ?? t('record.openPatient')} · ${r.patient.bloodGroup}`}</Link>],
                [t('record.hospital'), `${r.patient.hospitalName}, ${r.patient.city}`],
                [t('record.centre'), r.centre ? `${r.centre.name}, ${r.centre.city}` : '—'],
                [t('record.listed'), `${formatDate(r.listedAt)} · ${t('patient.waitingDays', { days: r.waitingDays })}`],
                [t('request.urgency'), String(r.urgency)],
                [t('record.verified'), r.verification ? formatDate(r.verification.verifiedAt, true) : t('record.notVerified')],
                [t('record.id'), <code key="id">{r.id}</code>],
              ]}
            />
            <ScoreList scores={r.scores} />
            <ProblemAlert error={error} />
            {r.status === 'WAITING' && (
              <button type="button" className="primary" disabled={running !== null} onClick={() => void run(id)}>
                {t('coord.runMatch')}
              </button>
            )}
            <RecordMatches query={{ requestId: r.id }} />
            <RequestRuns requestId={r.id} />
            <RecordHistory targetId={r.id} />
          </>
        )}
      </Loaded>
    </section>
  );
}

/**
 * A pledge's record for coordinators: the pledge, its donor, the matches it was proposed in (each
 * opening its run) and its history from the audit log.
 */
export function PledgeRecord({ id }: { id: string }) {
  const t = useT();
  const label = useEnumLabel();
  const pledge = useAsync((signal) => ok(http().GET('/api/v1/pledges/{id}', { signal, params: { path: { id } } })), [id]);
  return (
    <section>
      <p>
        <Link to="/coordinator">{t('record.backToQueue')}</Link>
      </p>
      <Loaded state={pledge}>
        {(p) => (
          <>
            <h1>
              {t('record.pledgeOf', { organ: label('organ', p.organ) })} <Badge value={p.status} label={label('pledgeStatus', p.status)} />
            </h1>
            <Facts
              items={[
                [t('record.donor'), <Link key="donor" to={`/coordinator/donors/${p.donorId}`}>{p.donor ? `${p.donor.bloodGroup} · ${p.donor.city}, ${p.donor.state}` : t('record.openDonor')}</Link>],
                [t('record.pledged'), formatDate(p.createdAt, true)],
                [t('record.statusSince'), formatDate(p.statusChangedAt, true)],
                [t('record.id'), <code key="id">{p.id}</code>],
              ]}
            />
            {p.rejectionReason && <p className="alert">{p.rejectionReason}</p>}
            <RecordMatches query={{ pledgeId: p.id }} />
            <RecordHistory targetId={p.id} />
          </>
        )}
      </Loaded>
    </section>
  );
}

/**
 * A match's record for coordinators: whom it pairs (each opening their record), the request and the
 * pledge, where it ranked and how it scored, the decision (with both parties' contacts once
 * approved), and its history; a proposed match is approved or declined here as from the list.
 */
export function MatchRecord({ id }: { id: string }) {
  const t = useT();
  const label = useEnumLabel();
  const match = useAsync((signal) => ok(http().GET('/api/v1/matches/{id}', { signal, params: { path: { id } } })), [id]);
  const { buttons, dialog } = useMatchDecisions(() => match.reload());
  return (
    <section>
      <p>
        <Link to="/coordinator/matches">{t('match.backToList')}</Link>
      </p>
      <Loaded state={match}>
        {(m) => {
          const facts: [string, ReactNode][] = [
            [t('record.patient'), m.patientId ? <Link key="patient" to={`/coordinator/patients/${m.patientId}`}>{m.patientName ?? t('record.openPatient')}</Link> : '—'],
            [t('record.donor'), m.donorId ? <Link key="donor" to={`/coordinator/donors/${m.donorId}`}>{m.donorName ?? t('record.openDonor')}</Link> : '—'],
            [t('record.request'), m.requestId ? <Link key="request" to={`/coordinator/requests/${m.requestId}`}>{t('record.open')}</Link> : '—'],
            [t('match.pledge'), m.pledgeId ? <Link key="pledge" to={`/coordinator/pledges/${m.pledgeId}`}>{t('record.open')}</Link> : '—'],
            [t('match.rankInRun'), m.runId ? <Link key="run" to={`/coordinator/runs/${m.runId}`}>{t('match.rankOf', { rank: m.rank })}</Link> : String(m.rank)],
            [t('run.score'), formatScore(m.score)],
            [t('match.mlScore'), m.mlScore == null ? t('match.noMlScore') : formatScore(m.mlScore)],
            [t('match.distance'), m.distanceKm == null ? '—' : `${formatNumber(m.distanceKm, 0)} km`],
            [t('match.proposed'), formatDate(m.createdAt, true)],
            [t('match.decided'), m.decidedAt ? formatDate(m.decidedAt, true) : '—'],
          ];
          if (m.declineReason) facts.push([t('match.declineReason'), `${label('decline', m.declineReason)}${m.declineNote ? ` — ${m.declineNote}` : ''}`]);
          if (m.supersededByRun) facts.push([t('match.supersededBy'), <Link key="newer" to={`/coordinator/runs/${m.supersededByRun}`}>{t('coord.openRun')}</Link>]);
          if (m.patient) facts.push([t('match.patientContact'), `${m.patient.email}${m.patient.place ? ` · ${m.patient.place}` : ''}`]);
          if (m.donor) facts.push([t('match.donorContact'), `${m.donor.email}${m.donor.place ? ` · ${m.donor.place}` : ''}`]);
          facts.push([t('record.id'), <code key="id">{m.id}</code>]);
          return (
            <>
              <h1>
                {t('match.recordTitle', { organ: label('organ', m.organ), patient: m.patientName ?? '—' })} <Badge value={m.status} label={label('matchStatus', m.status)} />
              </h1>
              <Facts items={facts} />
              {m.status === 'PROPOSED' && <p className="actions">{buttons(m)}</p>}
              <RecordHistory targetId={m.id} />
            </>
          );
        }}
      </Loaded>
      {dialog}
    </section>
  );
}

/** The matches of a request or a pledge, newest first, each opening its run. */
function RecordMatches({ query }: { query: { requestId?: string; pledgeId?: string } }) {
  const t = useT();
  const matches = useAsync((signal) => ok(http().GET('/api/v1/matches', { signal, params: { query: { ...query, limit: 50 } } })), [query.requestId, query.pledgeId]);
  return (
    <>
      <h2>{t('record.matches')}</h2>
      <Loaded state={matches}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('record.noMatches')}</Empty>
          ) : (
            <MatchesTable matches={page.items} caption={t('record.matches')} />
          )
        }
      </Loaded>
    </>
  );
}

/** A request's match runs, newest first, 20 a page, each opening the run. */
function RequestRuns({ requestId }: { requestId: string }) {
  const t = useT();
  const label = useEnumLabel();
  const pager = usePager(20);
  const runs = useAsync(
    (signal) => ok(http().GET('/api/v1/transplant-requests/{id}/match-runs', { signal, params: { path: { id: requestId }, query: { after: pager.after, limit: pager.size } } })),
    [requestId, pager.after],
  );
  return (
    <>
      <h2>{t('record.runs')}</h2>
      <Loaded state={runs}>
        {(page) => (
          <PagedTable
            page={page}
            pager={pager}
            empty={t('record.noRuns')}
            caption={t('record.runs')}
            controls="above"
            columns={[t('common.date'), t('record.runHow'), t('record.runCounts'), t('common.actions')]}
            row={(run) => (
              <tr key={run.id} data-run={run.id}>
                <td>{formatDate(run.createdAt, true)}</td>
                <td>
                  {t('record.runBy', { who: label('trigger', run.trigger) })} · {run.degraded ? t('record.runDegraded') : t('record.runModel', { model: run.modelVersion ?? '—' })}
                </td>
                <td>{t('record.runCountsOf', { ranked: formatNumber(run.candidateCount), excluded: formatNumber(run.excludedCount) })}</td>
                <td>
                  <Link to={`/coordinator/runs/${run.id}`}>{t('coord.openRun')}</Link>
                </td>
              </tr>
            )}
          />
        )}
      </Loaded>
    </>
  );
}

/** What happened to a record, newest first, from the audit log (reading it is audited too). */
export function RecordHistory({ targetId }: { targetId: string }) {
  const t = useT();
  const history = useAsync((signal) => ok(http().GET('/api/v1/admin/audit', { signal, params: { query: { targetId, limit: 50 } } })), [targetId]);
  return (
    <>
      <h2>{t('record.history')}</h2>
      <Loaded state={history}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('audit.none')}</Empty>
          ) : (
            <ol className="history">
              {page.items.map((a) => (
                <li key={a.id}>
                  {formatDate(a.occurredAt, true)} · <code>{a.action}</code> · {a.actorName ?? a.actorRole ?? '—'}
                  {a.outcome !== 'SUCCESS' && <> · {a.outcome}</>}
                </li>
              ))}
            </ol>
          )
        }
      </Loaded>
    </>
  );
}
