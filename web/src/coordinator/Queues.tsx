import { useEffect, useRef, useState } from 'react';
import { useSearchParam } from '../app/router';
import { download, http, ok } from '../api/client';
import { BLOOD_GROUPS, ORGANS, type DocumentView, type Pledge } from '../api/types';
import { formatDate, useEnumLabel, useT } from '../i18n/i18n';
import { ConfirmDialog } from '../ui/Dialog';
import { fieldError, ProblemAlert, SelectField, TextArea, TextField } from '../ui/forms';
import { ListTable } from '../ui/ListTable';
import { PageControls, PagedTable, usePager, OrderField, type ListOrder } from '../ui/Pager';
import { DoneNotice } from '../ui/DoneNotice';
import { Badge, Loaded, useAsync } from '../ui/status';
import { pledgeSummary } from '../ui/pledgeSummary';

/** The work queues: pledges and documents waiting for a coordinator, with keyboard shortcuts. */
export function Queues() {
  const t = useT();
  return (
    <section>
      <h1>{t('coord.queuesTitle')}</h1>
      <p className="hint" id="shortcuts">
        {t('coord.shortcuts')}
      </p>
      <PledgeQueue />
      <DocumentQueue />
    </section>
  );
}

type Review = { kind: 'reject' | 'verify'; pledge: Pledge } | null;

function PledgeQueue() {
  const t = useT();
  const label = useEnumLabel();
  // Filters live in the address: a reload or a shared link shows the same queue.
  const [organ, setOrgan] = useSearchParam('organ');
  const [bloodGroup, setBloodGroup] = useSearchParam('bloodGroup');
  const [city, setCity] = useSearchParam('city');
  const [sortParam, setSort] = useSearchParam('sort', 'newest');
  const sort: ListOrder = sortParam === 'oldest' ? 'oldest' : 'newest';
  const pager = usePager(50);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState(0);
  const [review, setReview] = useState<Review>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<{ text: string; at: number; undo?: () => void }>();
  const searchRef = useRef<HTMLInputElement>(null);
  const queue = useAsync(
    (signal) => ok(http().GET('/api/v1/pledges', { signal, params: { query: { status: 'PENDING', organ, bloodGroup, city, sort, after: pager.after, limit: pager.size } } })),
    [organ, bloodGroup, city, sort, pager.after],
  );
  const q = search.trim().toLowerCase();
  const items = (queue.data?.items ?? []).filter(
    (p) => !q || [p.id, p.donor.city, p.donor.state, p.organ, p.donor.bloodGroup].some((s) => s?.toLowerCase().includes(q)),
  );

  // Verifying lets a pledge be allocated: the button and the "v" key only ask, the dialog does it.
  const verify = async (p: Pledge) => {
    setError(undefined);
    try {
      const verified = await ok(http().POST('/api/v1/admin/pledges/{id}/verify', { params: { path: { id: p.id }, header: { 'If-Match': `"${p.version}"` } } }));
      setReview(null);
      setNotice({ text: t('coord.verified', { organ: label('organ', p.organ) }), at: Date.now(), undo: () => void undoVerify(verified) });
      queue.reload();
    } catch (e) {
      setError(e);
    }
  };
  // The coordinator who verified takes it back within minutes; the server keeps the window.
  const undoVerify = async (p: Pledge) => {
    setError(undefined);
    try {
      await ok(http().POST('/api/v1/admin/pledges/{id}/undo-verify', { params: { path: { id: p.id }, header: { 'If-Match': `"${p.version}"` } } }));
      setNotice({ text: t('coord.verifyUndone', { organ: label('organ', p.organ) }), at: Date.now() });
      queue.reload();
    } catch (e) {
      setError(e);
    }
  };
  const reject = async () => {
    if (!review) return;
    setError(undefined);
    try {
      await ok(http().POST('/api/v1/admin/pledges/{id}/reject', { params: { path: { id: review.pledge.id } }, body: { reason, version: review.pledge.version } }));
      setReview(null);
      setReason('');
      setNotice({ text: t('coord.rejected'), at: Date.now() });
      queue.reload();
    } catch (e) {
      setError(e);
    }
  };

  // The key handler reads the state of the latest render: one registered per render would leave the
  // previous render's handler (a dialog still open in it) answering a key pressed right after a change.
  const latest = useRef({ review, items, selected });
  latest.current = { review, items, selected };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const { review, items, selected } = latest.current;
      const target = e.target as HTMLElement;
      if (review || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName) || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '/') {
        e.preventDefault();
        searchRef.current?.focus();
      } else if (e.key === 'j') {
        setSelected((s) => Math.min(items.length - 1, s + 1));
      } else if (e.key === 'k') {
        setSelected((s) => Math.max(0, s - 1));
      } else if (e.key === 'v' && items[selected]) {
        setReview({ kind: 'verify', pledge: items[selected] });
      } else if (e.key === 'r' && items[selected]) {
        setReview({ kind: 'reject', pledge: items[selected] });
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  useEffect(() => {
    document.querySelector<HTMLElement>(`[data-row="${selected}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [selected]);

  return (
    <section aria-labelledby="pledge-queue">
      <h2 id="pledge-queue">{t('coord.pledgeQueue')}</h2>
      <div className="filters">
        <TextField label={t('coord.search')} ref={searchRef} type="search" value={search} onChange={(e) => setSearch(e.target.value)} hint={t('coord.searchHint')} />
        <SelectField label={t('pledge.organ')} value={organ} onChange={(e) => pager.filtering(setOrgan)(e.target.value)} placeholder={t('common.all')} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} />
        <SelectField label={t('profile.bloodGroup')} value={bloodGroup} onChange={(e) => pager.filtering(setBloodGroup)(e.target.value)} placeholder={t('common.all')} options={['O', 'A', 'B', 'AB', ...BLOOD_GROUPS].map((g) => ({ value: g, label: g }))} />
        <TextField label={t('place.city')} value={city} onChange={(e) => pager.filtering(setCity)(e.target.value)} />
        <OrderField value={sort} onChange={pager.filtering(setSort)} />
      </div>
      {notice && <DoneNotice key={notice.at} message={notice.text} onUndo={notice.undo} />}
      <ProblemAlert error={review ? undefined : error} />
      <Loaded state={queue}>
        {(page) => (
          <>
            <ListTable
              items={items}
              empty={t('coord.noPledges')}
              caption={t('coord.pledgeQueue')}
              className="queue"
              describedBy="shortcuts"
              columns={[t('pledge.organ'), t('profile.bloodGroup'), t('place.city'), t('coord.tests'), t('common.date'), t('common.actions')]}
              row={(p, i) => (
                <tr key={p.id} data-row={i} data-pledge={p.id} className={i === selected ? 'selected' : undefined} aria-selected={i === selected} onClick={() => setSelected(i)}>
                  <td>{label('organ', p.organ)}</td>
                  <td>{p.donor.bloodGroup}</td>
                  <td>
                    {p.donor.city}, {p.donor.state}
                  </td>
                  <td className="small">{pledgeSummary(p, label, t)}</td>
                  <td>{formatDate(p.createdAt, true)}</td>
                  <ReviewCell onVerify={() => setReview({ kind: 'verify', pledge: p })} onReject={() => setReview({ kind: 'reject', pledge: p })} />
                </tr>
              )}
            />
            {/* The search filters this page only: the way to the next page stays when it hides every pledge. */}
            <PageControls pager={pager} page={page} />
          </>
        )}
      </Loaded>
      <ConfirmDialog
        title={t('coord.verifyTitle')}
        open={review?.kind === 'verify'}
        onClose={() => setReview(null)}
        onConfirm={() => review && void verify(review.pledge)}
        confirmLabel={t('coord.verifyConfirm')}
        error={error}
      >
        {review?.kind === 'verify' && (
          <>
            <p data-confirm={review.pledge.id}>
              {t('coord.verifyWhat', {
                organ: label('organ', review.pledge.organ),
                group: review.pledge.donor.bloodGroup ?? '',
                city: review.pledge.donor.city ?? '',
                date: formatDate(review.pledge.createdAt, true),
              })}
            </p>
            <p className="small">{pledgeSummary(review.pledge, label, t)}</p>
          </>
        )}
      </ConfirmDialog>
      <RejectDialog
        title={t('coord.rejectTitle')}
        open={review?.kind === 'reject'}
        onClose={() => setReview(null)}
        onReject={() => void reject()}
        reason={reason}
        onReason={setReason}
        hint={t('coord.reasonHint')}
        error={error}
      />
    </section>
  );
}

function DocumentQueue() {
  const t = useT();
  const label = useEnumLabel();
  const pager = usePager(50);
  // Named apart from the pledge queue's filters on the same page.
  const [q, setQ] = useSearchParam('documentSearch');
  const docs = useAsync(
    (signal) => ok(http().GET('/api/v1/admin/documents', { signal, params: { query: { q: q.trim() || undefined, after: pager.after, limit: pager.size } } })),
    [q, pager.after],
  );
  const [rejecting, setRejecting] = useState<DocumentView | null>(null);
  const [verifying, setVerifying] = useState<DocumentView | null>(null);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<{ text: string; at: number; undo?: () => void }>();
  const decide = async (d: DocumentView, verdict: 'verify' | 'reject') => {
    setError(undefined);
    try {
      const path = { path: { id: d.id } };
      await ok(
        verdict === 'reject'
          ? http().POST('/api/v1/admin/documents/{id}/reject', { params: path, body: { reason } })
          : http().POST('/api/v1/admin/documents/{id}/verify', { params: path }),
      );
      setRejecting(null);
      setVerifying(null);
      setReason('');
      const done = t(verdict === 'verify' ? 'coord.docVerified' : 'coord.docRejected', { file: d.originalFileName });
      setNotice({ text: done, at: Date.now(), undo: () => void undoReview(d) });
      docs.reload();
    } catch (e) {
      setError(e);
    }
  };
  // The reviewer takes the review back within minutes (the wrong one of two files, say).
  const undoReview = async (d: DocumentView) => {
    setError(undefined);
    try {
      await ok(http().POST('/api/v1/admin/documents/{id}/undo-review', { params: { path: { id: d.id } } }));
      setNotice({ text: t('coord.docReviewUndone', { file: d.originalFileName }), at: Date.now() });
      docs.reload();
    } catch (e) {
      setError(e);
    }
  };
  return (
    <section aria-labelledby="doc-queue">
      <h2 id="doc-queue">{t('coord.documentQueue')}</h2>
      <div className="filters">
        <TextField label={t('coord.searchDocuments')} type="search" value={q} onChange={(e) => pager.filtering(setQ)(e.target.value)} hint={t('coord.searchDocumentsHint')} />
      </div>
      {notice && <DoneNotice key={notice.at} message={notice.text} onUndo={notice.undo} />}
      <ProblemAlert error={rejecting || verifying ? undefined : error} />
      <Loaded state={docs}>
        {(page) => (
          <PagedTable
            page={page}
            pager={pager}
            empty={t('coord.noDocuments')}
            caption={t('coord.documentQueue')}
            columns={[t('docs.file'), t('docs.owner'), t('docs.type'), t('common.date'), t('common.actions')]}
            row={(d) => (
              <tr key={d.id} data-document={d.id}>
                <td>
                  <button type="button" className="link" onClick={() => void download(`/api/v1/documents/${d.id}/content`).catch(setError)}>
                    {d.originalFileName}
                  </button>{' '}
                  <Badge value={d.status} label={label('docStatus', d.status)} />
                </td>
                <td>
                  {d.owner ? (
                    <>
                      {d.owner.fullName}
                      <br />
                      <span className="small">{d.owner.email}</span>
                    </>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{label('docType', d.type)}</td>
                <td>{formatDate(d.createdAt, true)}</td>
                <ReviewCell onVerify={() => setVerifying(d)} onReject={() => setRejecting(d)} />
              </tr>
            )}
          />
        )}
      </Loaded>
      <ConfirmDialog
        title={t('coord.verifyDocTitle')}
        open={verifying !== null}
        onClose={() => setVerifying(null)}
        onConfirm={() => verifying && void decide(verifying, 'verify')}
        confirmLabel={t('coord.verifyDocConfirm')}
        error={error}
      >
        {verifying && (
          <p data-confirm={verifying.id}>
            {t('coord.verifyDocWhat', {
              file: verifying.originalFileName,
              type: label('docType', verifying.type),
              owner: verifying.owner ? `${verifying.owner.fullName} (${verifying.owner.email})` : '—',
              date: formatDate(verifying.createdAt, true),
            })}
          </p>
        )}
      </ConfirmDialog>
      <RejectDialog
        title={t('coord.rejectDocTitle')}
        open={rejecting !== null}
        onClose={() => setRejecting(null)}
        onReject={() => rejecting && void decide(rejecting, 'reject')}
        reason={reason}
        onReason={setReason}
        error={error}
      />
    </section>
  );
}

/** A queue row's buttons: verify (which asks first) and reject (which asks why). */
function ReviewCell({ onVerify, onReject }: { onVerify: () => void; onReject: () => void }) {
  const t = useT();
  return (
    <td className="actions">
      <button type="button" className="primary" onClick={onVerify}>
        {t('coord.verify')}
      </button>
      <button type="button" onClick={onReject}>
        {t('coord.reject')}
      </button>
    </td>
  );
}

/** Asks why a pledge or a document is rejected; the reason goes with the rejection. */
function RejectDialog({
  title,
  open,
  onClose,
  onReject,
  reason,
  onReason,
  hint,
  error,
}: {
  title: string;
  open: boolean;
  onClose: () => void;
  onReject: () => void;
  reason: string;
  onReason: (reason: string) => void;
  hint?: string;
  error: unknown;
}) {
  const t = useT();
  return (
    <ConfirmDialog
      title={title}
      open={open}
      onClose={onClose}
      onConfirm={onReject}
      confirmLabel={t('coord.reject')}
      tone="danger"
      error={error}
      shownFields={['reason']}
    >
      <TextArea label={t('coord.reason')} value={reason} rows={3} onChange={(e) => onReason(e.target.value)} error={fieldError(error, 'reason')} hint={hint} />
    </ConfirmDialog>
  );
}
