import { useState } from 'react';
import { http, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { Pledge } from '../api/types';
import { Link } from '../app/router';
import { formatDate, useEnumLabel, useT } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { ProblemAlert, useSubmission } from '../ui/forms';
import { Badge, Empty, Loaded, useAsync } from '../ui/status';
import { pledgeSummary } from '../ui/pledgeSummary';

export function DonorOverview() {
  const t = useT();
  const profile = useAsync(
    (signal) =>
      ok(http().GET('/api/v1/donors/me', { signal })).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [],
  );
  const pledges = useAsync((signal) => ok(http().GET('/api/v1/pledges', { signal, params: { query: { limit: 100 } } })), []);
  const label = useEnumLabel();
  const matches = useAsync((signal) => ok(http().GET('/api/v1/matches', { signal })), []);
  return (
    <section>
      <h1>{t('donor.title')}</h1>
      <Loaded state={profile}>
        {(p) =>
          p ? (
            <p>
              {t('donor.profileSaved', { group: p.bloodGroup, city: p.location.city })} <Link to="/donor/profile">{t('common.edit')}</Link>
            </p>
          ) : (
            <div className="alert info">
              <p>{t('donor.noProfile')}</p>
              <Link to="/donor/profile" className="button-link primary">
                {t('donor.fillProfile')}
              </Link>
            </div>
          )
        }
      </Loaded>
      <h2>{t('donor.pledges')}</h2>
      <Loaded state={pledges}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>
              {t('donor.noPledges')} <Link to="/donor/pledge">{t('donor.newPledge')}</Link>
            </Empty>
          ) : (
            <ul className="cards">
              {page.items.map((p) => (
                <PledgeCard key={p.id} pledge={p} onChanged={pledges.reload} />
              ))}
            </ul>
          )
        }
      </Loaded>
      <h2>{t('donor.matches')}</h2>
      <Loaded state={matches}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('donor.noMatches')}</Empty>
          ) : (
            <ul className="cards">
              {page.items.map((m) => (
                <li key={m.id} className="card match-card">
                  <h3>{t('donor.matchApproved')}</h3>
                  <p>{t('donor.matchAnonymous', { organ: label('organ', m.organ) })}</p>
                  <p className="muted">{formatDate(m.decidedAt ?? m.createdAt, true)}</p>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
    </section>
  );
}

function PledgeCard({ pledge, onChanged }: { pledge: Pledge; onChanged: () => void }) {
  const t = useT();
  const label = useEnumLabel();
  const summary = pledgeSummary(pledge, label, t);
  const [confirm, setConfirm] = useState(false);
  const { busy, error, run } = useSubmission();
  const open = pledge.status === 'PENDING' || pledge.status === 'VERIFIED';
  const withdraw = () =>
    run(async () => {
      await ok(http().POST('/api/v1/pledges/{id}/withdraw', { params: { path: { id: pledge.id }, header: { 'If-Match': `"${pledge.version}"` } } }));
      setConfirm(false);
      onChanged();
    });
  return (
    <li className="card pledge-card" data-pledge={pledge.id}>
      <h3>
        {label('organ', pledge.organ)} <Badge value={pledge.status} label={label('pledgeStatus', pledge.status)} />
      </h3>
      {summary && <p className="small muted">{summary}</p>}
      <ol className="timeline" aria-label={t('donor.timeline')}>
        <li className="done">
          <strong>{t('timeline.pledged')}</strong> {formatDate(pledge.createdAt, true)}
        </li>
        {/* Only a verified pledge is donated (the life cycle's one way there): the step stays shown. */}
        {pledge.status === 'DONATED' && (
          <li className="done">
            <strong>{label('pledgeStatus', 'VERIFIED')}</strong>
          </li>
        )}
        {pledge.status === 'PENDING' ? (
          <li className="next">{t('timeline.awaitingVerification')}</li>
        ) : (
          <li className="done">
            <strong>{label('pledgeStatus', pledge.status)}</strong> {formatDate(pledge.statusChangedAt, true)}
            {pledge.rejectionReason && <div>{t('timeline.reason', { reason: pledge.rejectionReason })}</div>}
          </li>
        )}
        {pledge.status === 'VERIFIED' && <li className="next">{t('timeline.awaitingMatch')}</li>}
      </ol>
      {open && (
        <button type="button" onClick={() => setConfirm(true)}>
          {t('donor.withdraw')}
        </button>
      )}
      <Dialog title={t('donor.withdrawTitle')} open={confirm} onClose={() => setConfirm(false)}>
        <p>{t('donor.withdrawText', { organ: label('organ', pledge.organ) })}</p>
        <ProblemAlert error={error} />
        <div className="actions">
          <button type="button" className="danger" onClick={withdraw} disabled={busy}>
            {t('donor.withdrawConfirm')}
          </button>
          <button type="button" onClick={() => setConfirm(false)}>
            {t('common.cancel')}
          </button>
        </div>
      </Dialog>
    </li>
  );
}
