import { http, ok } from '../api/client';
import { ApiError } from '../api/problem';
import { Link } from '../app/router';
import { formatDate, formatNumber, useEnumLabel, useT, formatScore } from '../i18n/i18n';
import { Badge, Empty, Loaded, useAsync } from '../ui/status';
import { ScoreList } from './ScoreList';

export function PatientOverview() {
  const t = useT();
  const label = useEnumLabel();
  const profile = useAsync(
    (signal) =>
      ok(http().GET('/api/v1/patients/me', { signal })).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [],
  );
  const requests = useAsync((signal) => ok(http().GET('/api/v1/transplant-requests', { signal, params: { query: { limit: 100 } } })), []);
  const matches = useAsync((signal) => ok(http().GET('/api/v1/matches', { signal })), []);
  return (
    <section>
      <h1>{t('patient.title')}</h1>
      <Loaded state={profile}>
        {(p) =>
          p ? (
            <p>
              {t('patient.profileSaved', { group: p.bloodGroup, hospital: p.hospital.name })} <Link to="/patient/profile">{t('common.edit')}</Link>
            </p>
          ) : (
            <div className="alert info">
              <p>{t('patient.noProfile')}</p>
              <Link to="/patient/profile" className="button-link primary">
                {t('patient.fillProfile')}
              </Link>
            </div>
          )
        }
      </Loaded>
      <h2>{t('patient.requests')}</h2>
      <Loaded state={requests}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              {t('patient.noRequests')} <Link to="/patient/request">{t('patient.newRequest')}</Link>
            </Empty>
          ) : (
            <ul className="cards">
              {page.items.map((r) => (
                <li key={r.id} className="card request-card" data-request={r.id}>
                  <h3>
                    {label('organ', r.organ)} <Badge value={r.status} label={label('requestStatus', r.status)} />
                  </h3>
                  <p>
                    {t('patient.listedOn', { date: formatDate(r.listedAt) })} · {t('patient.waitingDays', { days: r.waitingDays })} · {t('request.urgency')}: {r.urgency}
                  </p>
                  {r.centre && <p>{t('request.centreAt', { name: r.centre.name, city: r.centre.city })}</p>}
                  {r.verification ? (
                    <p>{t('request.verifiedOn', { date: formatDate(r.verification.verifiedAt), evidence: r.verification.urgencyEvidence })}</p>
                  ) : (
                    r.status === 'PENDING_VERIFICATION' && <p className="alert info">{t('request.awaitingCheck')}</p>
                  )}
                  <ScoreList scores={r.scores} />
                  {r.removalReason && <p>{t('timeline.reason', { reason: r.removalReason })}</p>}
                  {r.unverifiedFields && <p className="hint">{t('request.awaitingFields', { fields: r.unverifiedFields.join(', ') })}</p>}
                  {r.labsDueAt && <p>{t('request.labsDue', { date: formatDate(r.labsDueAt) })}</p>}
                  {(r.status === 'PENDING_VERIFICATION' || r.status === 'WAITING') && (
                    <Link to={`/patient/requests/${r.id}/values`}>{t('request.updateValues')}</Link>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <h2>{t('patient.matches')}</h2>
      <p className="hint">{t('patient.matchesHint')}</p>
      <Loaded state={matches}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('patient.noMatches')}</Empty>
          ) : (
            <ul className="cards">
              {page.items.map((m) => (
                <li key={m.id} className="card match-card" data-match-status={m.status}>
                  <h3>
                    {label('organ', m.organ)} · #{m.rank} <Badge value={m.status} label={label('matchStatus', m.status)} />
                  </h3>
                  <p>
                    <abbr title={t('match.scoreMeaning')}>{t('match.score')}</abbr>: {formatScore(m.score)} · {t('match.distance')}: {t('patient.aboutKm', { km: formatNumber(m.distanceKm, 0) })}
                  </p>
                  {m.status === 'APPROVED' ? (
                    <p className="alert success">{t('patient.donorApproved')}</p>
                  ) : (
                    m.status === 'PROPOSED' && <p className="muted">{t('patient.donorHidden')}</p>
                  )}
                  {m.declineReason && <p>{t('match.declinedBecause', { reason: label('decline', m.declineReason) })}</p>}
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}
