import { useState } from 'react';
import { http, ok } from '../api/client';
import type { MatchView } from '../api/types';
import { useEnumLabel, useT } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { fieldError, ProblemAlert, RadioGroup, SelectField, SubmitOrCancel, TextArea, TextField, useSubmission } from '../ui/forms';
import { useAsync } from '../ui/status';

export const DECLINE_REASONS = ['DONOR_QUALITY', 'SIZE', 'POSITIVE_CROSSMATCH', 'PATIENT_UNWELL', 'LOGISTICS', 'OTHER'];

export interface Decision {
  matchId: string;
  verdict: 'approve' | 'decline';
  rank: number;
  /** The run that proposed it: approving below its first open proposal passes over those above. */
  runId?: string;
}

interface PassOver {
  reason: string;
  note: string;
}

/**
 * Approve or decline a proposed match; a decline needs a coded reason (and a note for OTHER), and
 * an approval needs one for each open proposal of the run ranked above it, which it passes over.
 */
export function DecisionDialog({ decision, onClose, onDone }: { decision: Decision | null; onClose: () => void; onDone: (m: MatchView) => void }) {
  const t = useT();
  const label = useEnumLabel();
  const [reason, setReason] = useState('');
  const [note, setNote] = useState('');
  const [passOver, setPassOver] = useState<Record<string, PassOver>>({});
  const { busy, error, submit: sending, clear } = useSubmission();
  const approve = decision?.verdict === 'approve';
  const runId = approve && decision && decision.rank > 1 ? decision.runId : undefined;
  const above = useAsync(
    async (signal) =>
      runId && decision
        ? (await ok(http().GET('/api/v1/matches', { signal, params: { query: { runId, status: 'PROPOSED', limit: 100 } } }))).items
            .filter((m) => m.rank < decision.rank)
            .sort((a, b) => a.rank - b.rank)
        : [],
    [runId, decision?.matchId],
  );
  const passedOver = above.data ?? [];
  const setOne = (id: string, change: Partial<PassOver>) =>
    setPassOver((all) => ({ ...all, [id]: { ...(all[id] ?? { reason: '', note: '' }), ...change } }));
  const reset = () => {
    setReason('');
    setNote('');
    setPassOver({});
    clear();
  };
  const submit = sending(async () => {
    if (!decision) return;
    const params = { path: { id: decision.matchId } };
    const m = await ok(
      decision.verdict === 'decline'
        ? http().POST('/api/v1/matches/{id}/decline', { params, body: { reason: reason || null, note: note || null } })
        : http().POST('/api/v1/matches/{id}/approve', {
            params,
            body: {
              passedOver: passedOver.map((p) => ({
                matchId: p.id,
                reason: passOver[p.id]?.reason || null,
                note: passOver[p.id]?.note.trim() || null,
              })),
            },
          }),
    );
    reset();
    onDone(m);
  });
  const close = () => {
    reset();
    onClose();
  };
  const passOverFields = passedOver.flatMap((_, i) => [`passedOver[${i}].reason`, `passedOver[${i}].note`, `passedOver[${i}].matchId`]);
  return (
    <Dialog title={approve ? t('decision.approveTitle', { rank: decision?.rank ?? '' }) : t('decision.declineTitle', { rank: decision?.rank ?? '' })} open={decision !== null} onClose={close}>
      <form onSubmit={submit} noValidate>
        {approve ? (
          <>
            <p>{t('decision.approveText')}</p>
            {passedOver.length > 0 && (
              <fieldset className="pass-over">
                <legend>{t('decision.passedOver')}</legend>
                <p className="hint">{t('decision.passOverIntro', { rank: decision?.rank ?? '', count: passedOver.length })}</p>
                {passedOver.map((p, i) => (
                  <div key={p.id} data-passed-over={p.id}>
                    <SelectField
                      label={t('decision.passOverReason', { rank: p.rank })}
                      value={passOver[p.id]?.reason ?? ''}
                      onChange={(e) => setOne(p.id, { reason: e.target.value })}
                      options={[{ value: '', label: t('offers.chooseReason') }, ...DECLINE_REASONS.map((r) => ({ value: r, label: label('decline', r) }))]}
                      error={fieldError(error, `passedOver[${i}].reason`)}
                      required
                    />
                    {passOver[p.id]?.reason === 'OTHER' && (
                      <TextField label={t('decision.note')} value={passOver[p.id]?.note ?? ''} onChange={(e) => setOne(p.id, { note: e.target.value })} error={fieldError(error, `passedOver[${i}].note`)} maxLength={1000} required />
                    )}
                  </div>
                ))}
              </fieldset>
            )}
          </>
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
        <ProblemAlert error={error ?? above.error} shownFields={['reason', 'note', ...passOverFields]} />
        <SubmitOrCancel busy={busy || above.loading} onCancel={close}>
          {approve ? t('decision.approve') : t('decision.decline')}
        </SubmitOrCancel>
      </form>
    </Dialog>
  );
}

/**
 * Approve and Decline for a proposed match (nothing for any other), each opening the decision
 * dialog; `dialog` goes once on the page, `onDone` runs after either decision.
 */
export function useMatchDecisions(onDone: () => void) {
  const t = useT();
  const [decision, setDecision] = useState<Decision | null>(null);
  const buttons = (m: MatchView) =>
    m.status === 'PROPOSED' && (
      <>
        <button type="button" className="primary" onClick={() => setDecision({ matchId: m.id, verdict: 'approve', rank: m.rank, runId: m.runId ?? undefined })}>
          {t('decision.approve')}
        </button>{' '}
        <button type="button" onClick={() => setDecision({ matchId: m.id, verdict: 'decline', rank: m.rank })}>
          {t('decision.decline')}
        </button>
      </>
    );
  const dialog = (
    <DecisionDialog
      decision={decision}
      onClose={() => setDecision(null)}
      onDone={() => {
        setDecision(null);
        onDone();
      }}
    />
  );
  return { buttons, dialog };
}
