import { useState, type ReactNode } from 'react';
import { http, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { Offer, OfferReport, OfferSequence } from '../api/types';
import { Link, useSearchParam } from '../app/router';
import { ListTable } from '../ui/ListTable';
import { PageControls, usePager } from '../ui/Pager';
import { formatDate, formatNumber, useEnumLabel, useT } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { fieldError, ProblemAlert, SelectField, SubmitOrCancel, TextArea, TextField, useSubmission } from '../ui/forms';
import { Badge, Empty, Loaded, useAsync } from '../ui/status';
import { RecordHistory } from './Records';
import { Facts } from './runParts';

const DECLINE_REASONS = [
  'DONOR_QUALITY',
  'DONOR_SIZE',
  'ORGAN_DAMAGE',
  'POSITIVE_CROSSMATCH',
  'PATIENT_UNAVAILABLE',
  'PATIENT_UNFIT',
  'PATIENT_REFUSED',
  'LOGISTICS',
  'OTHER',
] as const;

function isOpen(o: Offer) {
  return o.status === 'OFFERED' || o.status === 'PROVISIONAL';
}

/** The names of the register's centres, for tables that carry only their ids. */
function useCentreNames(needed = true) {
  const centres = useAsync(
    (signal) => (needed ? ok(http().GET('/api/v1/centres', { signal, params: { query: { limit: 100 } } })).catch(() => null) : Promise.resolve(null)),
    [needed],
  );
  return (id: string) => centres.data?.items.find((c) => c.id === id)?.name ?? id.slice(0, 8);
}

/**
 * The offering of a donation case's organ from this run (docs/offers.md): every offer in the run's
 * order with its deadline and answer; before any, the button that starts offering down the list.
 */
export function RunOffers({ runId, centreNames }: { runId: string; centreNames?: (id: string) => string }) {
  const t = useT();
  const label = useEnumLabel();
  // A page that names the centres already (an offer's record) lends its list: one read, not two.
  const ownNames = useCentreNames(centreNames === undefined);
  const centreName = centreNames ?? ownNames;
  const { busy, error, run } = useSubmission();
  const sequence = useAsync<OfferSequence | null>(
    (signal) =>
      ok(http().GET('/api/v1/admin/allocation-runs/{id}/offers', { signal, params: { path: { id: runId } } })).catch((e) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    [runId],
  );
  const start = () =>
    run(async () => {
      sequence.setData(await ok(http().POST('/api/v1/admin/allocation-runs/{id}/offers', { params: { path: { id: runId } } })));
    });
  return (
    <section aria-labelledby="offers-title">
      <h2 id="offers-title">{t('offers.title')}</h2>
      <Loaded state={sequence}>
        {(s) =>
          s === null ? (
            <>
              <p className="hint">{t('offers.startHint')}</p>
              <ProblemAlert error={error} />
              <button type="button" className="primary" disabled={busy} onClick={start}>
                {t('offers.start')}
              </button>
            </>
          ) : (
            <>
              <p>
                <Badge value={s.status} label={label('offerSequence', s.status)} />{' '}
                {t('offers.policy', {
                  simultaneous: s.simultaneous,
                  minutes: minutes(s.responseSeconds),
                  provisional: minutes(s.provisionalSeconds),
                })}
              </p>
              <button type="button" onClick={sequence.reload}>
                {t('offers.refresh')}
              </button>
              <OfferTable offers={s.offers} centreName={centreName} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function OfferTable({ offers, centreName, actions }: { offers: Offer[]; centreName: (id: string) => string; actions?: (o: Offer) => ReactNode }) {
  const t = useT();
  const label = useEnumLabel();
  return (
    <ListTable
      items={offers}
      empty={t('offers.none')}
      caption={t('offers.title')}
      className="offers"
      columns={[
        '#',
        t('pledge.organ'),
        t('alloc.request'),
        t('offers.centre'),
        t('offers.status'),
        t('offers.offeredAt'),
        t('offers.respondBy'),
        t('offers.answer'),
        ...(actions ? [t('offers.actions')] : []),
      ]}
      row={(o) => (
        <tr key={o.id} data-offer={o.id} data-request={o.requestId} data-status={o.status}>
          <td>{o.rank}</td>
          <td>
            <Link to={`/coordinator/offers/${o.id}`}>{label('organ', o.organ)}</Link>
          </td>
          <td>{o.patientName ? <Link to={`/coordinator/requests/${o.requestId}`}>{o.patientName}</Link> : <code>{o.requestId.slice(0, 8)}</code>}</td>
          <td>{centreName(o.centreId)}</td>
          <td>
            <Badge value={o.status} label={label('offerStatus', o.status)} />
            {o.escalated && <span className="small"> {t('offers.escalated')}</span>}
          </td>
          <td>{formatDate(o.offeredAt, true)}</td>
          <td>{isOpen(o) ? formatDate(o.respondBy, true) : '—'}</td>
          <td className="small">
            {o.declineReason ? label('declineReason', o.declineReason) : ''}
            {o.note ? ` — ${o.note}` : ''}
            {o.transplantedAt ? t('offers.transplanted', { when: formatDate(o.transplantedAt, true) }) : ''}
            {o.graftWeek1 ? ` · ${t('offers.graftWeek1')}: ${label('graft', o.graftWeek1)}` : ''}
            {o.graftMonth3 ? ` · ${t('offers.graftMonth3')}: ${label('graft', o.graftMonth3)}` : ''}
          </td>
          {actions && <td>{actions(o)}</td>}
        </tr>
      )}
    />
  );
}

/**
 * What a centre does next with one of its offers: answer it while it is open, record the transplant
 * once accepted, then the graft's function at follow-up; each through its dialog.
 */
function useOfferActions(onChanged: () => void) {
  const t = useT();
  const [answering, setAnswering] = useState<Offer | null>(null);
  const [transplanting, setTransplanting] = useState<Offer | null>(null);
  const [following, setFollowing] = useState<Offer | null>(null);
  const action = (o: Offer): ReactNode =>
    isOpen(o) ? (
      <button type="button" onClick={() => setAnswering(o)}>
        {t('offers.answerAction')}
      </button>
    ) : o.status === 'ACCEPTED' && !o.transplantedAt ? (
      <button type="button" onClick={() => setTransplanting(o)}>
        {t('offers.recordTransplant')}
      </button>
    ) : o.transplantedAt ? (
      <button type="button" onClick={() => setFollowing(o)}>
        {t('offers.recordOutcome')}
      </button>
    ) : null;
  const dialogs = (
    <>
      <AnswerOfferDialog offer={answering} onClose={() => setAnswering(null)} onDone={() => (setAnswering(null), onChanged())} />
      <TransplantDialog offer={transplanting} onClose={() => setTransplanting(null)} onDone={() => (setTransplanting(null), onChanged())} />
      <OutcomeDialog offer={following} onClose={() => setFollowing(null)} onDone={() => (setFollowing(null), onChanged())} />
    </>
  );
  return { action, dialogs };
}

/** The offers made to the coordinator's centre: those awaiting an answer first; answer them here. */
export function CentreOffers() {
  const t = useT();
  const centreName = useCentreNames();
  // The filter lives in the address: a reload or a shared link shows the same list.
  const [status, setStatus] = useSearchParam('status', 'open');
  const [q, setQ] = useSearchParam('q');
  const all = status === 'all';
  const pager = usePager(50);
  const [changes, setChanges] = useState(0);
  const offers = useAsync(
    (signal) => ok(http().GET('/api/v1/admin/offers', { signal, params: { query: { status, q: q.trim() || undefined, after: pager.after, limit: pager.size } } })),
    [status, q, pager.after],
  );
  const { action, dialogs } = useOfferActions(() => {
    setChanges((n) => n + 1);
    offers.reload();
  });
  const notACentre = offers.error instanceof ApiError && offers.error.type === 'not-a-centre-coordinator';
  return (
    <section>
      <h1>{t('offers.centreTitle')}</h1>
      <p className="hint">{t('offers.centreHint')}</p>
      {notACentre ? (
        <p className="hint">{t('offers.notACentre')}</p>
      ) : (
        <>
          <div className="filters">
            <TextField label={t('coord.searchPatient')} type="search" value={q} onChange={(e) => pager.filtering(setQ)(e.target.value)} hint={t('coord.searchPatientHint')} />
            <label className="check">
              <input type="checkbox" checked={all} onChange={(e) => pager.filtering(setStatus)(e.target.checked ? 'all' : 'open')} /> {t('offers.showAll')}
            </label>
          </div>
          <Loaded state={offers}>
            {(page) => (
              <>
                {page.items.length > 0 && <PageControls pager={pager} page={page} />}
                <OfferTable offers={page.items} centreName={centreName} actions={(o) => action(o) ?? <Link to={`/coordinator/allocation-runs/${o.allocationRunId}`}>{t('offers.run')}</Link>} />
              </>
            )}
          </Loaded>
        </>
      )}
      {dialogs}
      <OfferReportPanel changes={changes} />
    </section>
  );
}

/**
 * An offer's record: to whom it went (the patient is named to their own centre only), its deadline
 * and answer, the transplant and its follow-up, the run and the donation case it came from, the
 * organ's whole offering, and the offer's history from the audit log. The centre acts on it here too.
 */
export function OfferRecord({ id }: { id: string }) {
  const t = useT();
  const label = useEnumLabel();
  const centreName = useCentreNames();
  const offer = useAsync((signal) => ok(http().GET('/api/v1/admin/offers/{id}', { signal, params: { path: { id } } })), [id]);
  const { action, dialogs } = useOfferActions(() => offer.reload());
  return (
    <section>
      <p>
        <Link to="/coordinator/offers">{t('offers.backToInbox')}</Link>
      </p>
      <Loaded state={offer}>
        {(o) => (
          <>
            <h1>
              {t('offers.recordTitle', { organ: label('organ', o.organ), rank: o.rank })} <Badge value={o.status} label={label('offerStatus', o.status)} />
            </h1>
            <Facts
              items={[
                [t('record.patient'), o.patientName ? <Link key="patient" to={`/coordinator/requests/${o.requestId}`}>{o.patientName}</Link> : <code key="request">{o.requestId}</code>],
                [t('offers.centre'), centreName(o.centreId)],
                [t('offers.offeredAt'), `${formatDate(o.offeredAt, true)}${o.escalated ? ` ${t('offers.escalated')}` : ''}`],
                [t('offers.respondBy'), isOpen(o) ? formatDate(o.respondBy, true) : '—'],
                [t('offers.answer'), o.answeredAt ? `${formatDate(o.answeredAt, true)}${o.declineReason ? ` · ${label('declineReason', o.declineReason)}` : ''}${o.note ? ` — ${o.note}` : ''}` : '—'],
                [t('offers.transplantedAt'), o.transplantedAt ? formatDate(o.transplantedAt, true) : '—'],
                [t('offers.graftWeek1'), o.graftWeek1 ? label('graft', o.graftWeek1) : t('offers.notYet')],
                [t('offers.graftMonth3'), o.graftMonth3 ? label('graft', o.graftMonth3) : t('offers.notYet')],
                [t('offers.from'), <Link key="run" to={`/coordinator/allocation-runs/${o.allocationRunId}`}>{t('offers.run')}</Link>],
                [t('offers.case'), <Link key="case" to={`/coordinator/cases/${o.donationCaseId}`}>{t('offers.openCase')}</Link>],
                [t('record.id'), <code key="id">{o.id}</code>],
              ]}
            />
            {/* Only the centre the offer was made to acts on it, and only it is shown the patient's name. */}
            {o.patientName && action(o)}
            <RunOffers runId={o.allocationRunId} centreNames={centreName} />
            <RecordHistory targetId={o.id} />
          </>
        )}
      </Loaded>
      {dialogs}
    </section>
  );
}

function AnswerOfferDialog({ offer, onClose, onDone }: { offer: Offer | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const label = useEnumLabel();
  const [answer, setAnswer] = useState('ACCEPT');
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const { busy, error, submit: sending, clear } = useSubmission();
  const close = () => {
    clear();
    setAnswer('ACCEPT');
    setReason('');
    setNote('');
    onClose();
  };
  const submit = sending(async () => {
    if (!offer) return;
    await ok(
      http().POST('/api/v1/admin/offers/{id}/answer', {
        params: { path: { id: offer.id }, header: { 'If-Match': `"${offer.version}"` } },
        body: { answer, reason: answer === 'DECLINE' ? reason || undefined : undefined, note: note.trim() || undefined },
      }),
    );
    close();
    onDone();
  });
  return (
    <Dialog title={t('offers.answerTitle', { organ: label('organ', offer?.organ ?? 'KIDNEY') })} open={offer !== null} onClose={close}>
      {offer && (
        <form onSubmit={submit} noValidate>
          <p>
            {t('offers.answerIntro', { when: formatDate(offer.respondBy, true) })}{' '}
            <Link to={`/coordinator/allocation-runs/${offer.allocationRunId}`}>{t('offers.run')}</Link>
          </p>
          <SelectField
            label={t('offers.answer')}
            name="answer"
            value={answer}
            onChange={(e) => setAnswer(e.target.value)}
            options={(['ACCEPT', 'PROVISIONAL_YES', 'DECLINE'] as const)
              .filter((a) => a !== 'PROVISIONAL_YES' || offer.status === 'OFFERED')
              .map((a) => ({ value: a, label: label('offerAnswer', a) }))}
            error={fieldError(error, 'answer')}
          />
          {answer === 'DECLINE' && (
            <SelectField
              label={t('offers.reason')}
              name="reason"
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              options={[{ value: '', label: t('offers.chooseReason') }, ...DECLINE_REASONS.map((r) => ({ value: r, label: label('declineReason', r) }))]}
              error={fieldError(error, 'reason')}
            />
          )}
          <TextArea label={t('offers.note')} name="note" value={note} rows={2} maxLength={1000} onChange={(e) => setNote(e.target.value)} error={fieldError(error, 'note')} />
          <ProblemAlert error={error} shownFields={['answer', 'reason', 'note']} />
          <SubmitOrCancel busy={busy} onCancel={close}>
            {t('offers.send')}
          </SubmitOrCancel>
        </form>
      )}
    </Dialog>
  );
}

function TransplantDialog({ offer, onClose, onDone }: { offer: Offer | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [when, setWhen] = useState('');
  const { busy, error, submit: sending, clear } = useSubmission();
  const close = () => {
    clear();
    setWhen('');
    onClose();
  };
  const submit = sending(async () => {
    if (!offer) return;
    await ok(
      http().POST('/api/v1/admin/offers/{id}/transplant', {
        params: { path: { id: offer.id }, header: { 'If-Match': `"${offer.version}"` } },
        body: { transplantedAt: when ? new Date(when).toISOString() : undefined },
      }),
    );
    close();
    onDone();
  });
  return (
    <Dialog title={t('offers.recordTransplant')} open={offer !== null} onClose={close}>
      {offer && (
        <form onSubmit={submit} noValidate>
          <TextField label={t('offers.transplantedAt')} name="transplantedAt" type="datetime-local" value={when} onChange={(e) => setWhen(e.target.value)} error={fieldError(error, 'transplantedAt')} required />
          <ProblemAlert error={error} shownFields={['transplantedAt']} />
          <SubmitOrCancel busy={busy} onCancel={close}>
            {t('offers.recordTransplant')}
          </SubmitOrCancel>
        </form>
      )}
    </Dialog>
  );
}

const GRAFT = ['FUNCTIONING', 'DELAYED_FUNCTION', 'PRIMARY_NON_FUNCTION', 'FAILED', 'RECIPIENT_DIED'] as const;

function OutcomeDialog({ offer, onClose, onDone }: { offer: Offer | null; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const label = useEnumLabel();
  const [week1, setWeek1] = useState('');
  const [month3, setMonth3] = useState('');
  const { busy, error, submit: sending, clear } = useSubmission();
  const close = () => {
    clear();
    setWeek1('');
    setMonth3('');
    onClose();
  };
  const submit = sending(async () => {
    if (!offer) return;
    await ok(
      http().PUT('/api/v1/admin/offers/{id}/outcome', {
        params: { path: { id: offer.id }, header: { 'If-Match': `"${offer.version}"` } },
        body: { graftWeek1: week1 || undefined, graftMonth3: month3 || undefined },
      }),
    );
    close();
    onDone();
  });
  const options = (current: string | null | undefined) => [
    { value: '', label: current ? t('offers.keep', { value: label('graft', current) }) : t('offers.notYet') },
    ...GRAFT.map((g) => ({ value: g, label: label('graft', g) })),
  ];
  return (
    <Dialog title={t('offers.recordOutcome')} open={offer !== null} onClose={close}>
      {offer && (
        <form onSubmit={submit} noValidate>
          <SelectField label={t('offers.graftWeek1')} name="graftWeek1" value={week1} onChange={(e) => setWeek1(e.target.value)} options={options(offer.graftWeek1)} error={fieldError(error, 'graftWeek1')} />
          <SelectField label={t('offers.graftMonth3')} name="graftMonth3" value={month3} onChange={(e) => setMonth3(e.target.value)} options={options(offer.graftMonth3)} error={fieldError(error, 'graftMonth3')} />
          <ProblemAlert error={error} shownFields={['graftWeek1', 'graftMonth3']} />
          <SubmitOrCancel busy={busy} onCancel={close}>
            {t('offers.recordOutcome')}
          </SubmitOrCancel>
        </form>
      )}
    </Dialog>
  );
}

/**
 * Offer outcomes and declines by reason over the last 90 days (NHSBT-style decline reporting),
 * loaded again after each answer given on the page.
 */
export function OfferReportPanel({ changes }: { changes: number }) {
  const t = useT();
  const label = useEnumLabel();
  const report = useAsync<OfferReport>((signal) => ok(http().GET('/api/v1/admin/offers/report', { signal })), [changes]);
  return (
    <section aria-labelledby="offer-report">
      <h2 id="offer-report">{t('offers.reportTitle')}</h2>
      <Loaded state={report}>
        {(r) => (
          <>
            <p className="hint">
              {t('offers.reportTotals', {
                from: formatDate(r.from),
                to: formatDate(r.to),
                offers: r.total.offers,
                accepted: r.total.accepted,
                declined: r.total.declined,
                expired: r.total.expired,
              })}
              {r.durations.answerMedianMinutes != null && ` ${t('offers.reportAnswer', { minutes: formatNumber(r.durations.answerMedianMinutes, 0) })}`}
            </p>
            {r.declinesByReason.length === 0 ? (
              <Empty>{t('offers.noDeclines')}</Empty>
            ) : (
              <table className="compact">
                <caption className="sr-only">{t('offers.reason')}</caption>
                <tbody>
                  {r.declinesByReason.map((d) => (
                    <tr key={d.reason}>
                      <th scope="row">{label('declineReason', d.reason)}</th>
                      <td>{d.count}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </>
        )}
      </Loaded>
    </section>
  );
}

/** Whole minutes as policies set them; a deadline of seconds (as tests set) is not shown as 0. */
function minutes(seconds: number) {
  return formatNumber(seconds / 60, seconds % 60 === 0 ? 0 : 2);
}
