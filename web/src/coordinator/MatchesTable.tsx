import type { ReactNode } from 'react';
import type { MatchView } from '../api/types';
import { Link } from '../app/router';
import { formatDate, formatNumber, formatScore, useEnumLabel, useT } from '../i18n/i18n';
import { Badge } from '../ui/status';

/**
 * Matches as a table: the patient and donor (each opening the match's record), rank, score,
 * distance, status (with a decline's reason), date, and a link to the run that proposed each, then
 * what the caller adds (the list's approve and decline).
 */
export function MatchesTable({ matches, caption, withOrgan = false, actions }: { matches: MatchView[]; caption: string; withOrgan?: boolean; actions?: (m: MatchView) => ReactNode }) {
  const t = useT();
  const label = useEnumLabel();
  return (
    <div className="table-wrap">
      <table>
        <caption className="sr-only">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('record.patient')}</th>
            <th scope="col">{t('record.donor')}</th>
            {withOrgan && <th scope="col">{t('pledge.organ')}</th>}
            <th scope="col">#</th>
            <th scope="col">{t('run.score')}</th>
            <th scope="col">{t('match.distance')}</th>
            <th scope="col">{t('common.status')}</th>
            <th scope="col">{t('common.date')}</th>
            <th scope="col">{t('common.actions')}</th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m) => (
            <tr key={m.id} data-match={m.id} data-request={m.requestId ?? undefined}>
              <td>
                <Link to={`/coordinator/matches/${m.id}`}>{m.patientName ?? t('match.openRecord')}</Link>
              </td>
              <td>{m.donorName ?? '—'}</td>
              {withOrgan && <td>{label('organ', m.organ)}</td>}
              <td>{m.rank}</td>
              <td>{formatScore(m.score)}</td>
              <td>{m.distanceKm == null ? '—' : `${formatNumber(m.distanceKm, 0)} km`}</td>
              <td>
                <Badge value={m.status} label={label('matchStatus', m.status)} />
                {m.declineReason && <div className="small">{label('decline', m.declineReason)}</div>}
              </td>
              <td>{formatDate(m.createdAt, true)}</td>
              <td className="actions">
                {m.runId && <Link to={`/coordinator/runs/${m.runId}`}>{t('coord.openRun')}</Link>}
                {actions?.(m)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
