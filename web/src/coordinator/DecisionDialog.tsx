import { useState, type FormEvent } from 'react';
import { http, ok } from '../api/client';
import type { MatchView } from '../api/types';
import { useEnumLabel, useT } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { fieldError, ProblemAlert, RadioGroup, SubmitOrCancel, TextArea } from '../ui/forms';

export const DECLINE_REASONS = ['DONOR_QUALITY', 'SIZE', 'POSITIVE_CROSSMATCH', 'PATIENT_UNWELL', 'LOGISTICS', 'OTHER'];

export interface Decision {
  matchId: string;
  verdict: 'approve' | 'decline';
  rank: number;
}

/** Approve or decline a proposed match; a decline needs a coded reason (and a note for OTHER). */
export function DecisionDialog({ decision, onClose, onDone }: { decision: Decision | null; onClose: () => void; onDone: (m: MatchView) => void }) {
  const t = useT();
  const label = useEnumLabel();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!decision) return;
    setBusy(true);
    setError(undefined);
    try {
      const params = { path: { id: decision.matchId } };
      const m = await ok(
        decision.verdict === 'decline'
          ? http().POST('/api/v1/matches/{id}/decline', { params, body: { reason: reason || null, note: note || null } })
          : http().POST('/api/v1/matches/{id}/approve', { params }),
      );
      setReason('');
      setNote('');
      onDone(m);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const close = () => {
    setError(undefined);
    onClose();
  };
  const approve = decision?.verdict === 'approve';
  return (
    <Dialog title={approve ? t('decision.approveTitle', { rank: decision?.rank ?? '' }) : t('decision.declineTitle', { rank: decision?.rank ?? '' })} open={decision !== null} onClose={close}>
      <form onSubmit={submit} noValidate>
        {approve ? (
          <p>{t('decision.approveText')}</p>
        ) : (
          <>
            <RadioGroup
              legend={t('decision.reason')}
              name="reason"
              value={reason}
              onChange={setReason}
              options={DECLINE_REASONS.map((r) => ({ value: r, label: label('decline', r) }))}
              error={fieldError(error, 'reason')}
            />
            <TextArea label={t('decision.note')} value={note} rows={3} onChange={(e) => setNote(e.target.value)} error={fieldError(error, 'note')} hint={t('decision.noteHint')} />
          </>
        )}
        <ProblemAlert error={error} shownFields={['reason', 'note']} />
        <SubmitOrCancel busy={busy} onCancel={close}>
          {approve ? t('decision.approve') : t('decision.decline')}
        </SubmitOrCancel>
      </form>
    </Dialog>
  );
}
