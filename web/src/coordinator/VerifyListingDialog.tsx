import { useState } from 'react';
import { http, ok } from '../api/client';
import type { TransplantRequest } from '../api/types';
import { formatDate, useEnumLabel, useT } from '../i18n/i18n';
import { Dialog } from '../ui/Dialog';
import { fieldError, ProblemAlert, SelectField, SubmitOrCancel, TextArea, useSubmission } from '../ui/forms';
import { ScoreList } from '../patient/ScoreList';

type Row = [label: string, value: string];

/** The request's clinical values as the patient entered them, for the coordinator to check. */
function useClinicalRows(): (r: TransplantRequest) => Row[] {
  const t = useT();
  const measured = (m: { value: number; unit: string } | null | undefined) => (m ? `${m.value} ${m.unit}` : '—');
  const yesNo = (b: boolean | null | undefined) => (b ? '✓' : '—');
  return (r) => {
    if (r.liver)
      return [
        [t('field.bilirubin'), measured(r.liver.bilirubin)],
        [t('field.inr'), String(r.liver.inr)],
        [t('field.creatinine'), measured(r.liver.creatinine)],
        [t('field.sodium'), `${r.liver.sodium} mmol/L`],
        [t('field.albumin'), measured(r.liver.albumin)],
        [t('field.dialysedTwiceInPastWeek'), yesNo(r.liver.dialysedTwiceInPastWeek)],
      ];
    if (r.kidney)
      return [
        [t('field.dialysisStartDate'), r.kidney.dialysisStartDate ? formatDate(r.kidney.dialysisStartDate) : '—'],
        [t('field.diabetes'), yesNo(r.kidney.diabetes)],
        [t('field.priorTransplant'), yesNo(r.kidney.priorTransplant)],
      ];
    if (r.heart) return [[t('field.statusTier'), String(r.heart.statusTier)]];
    if (r.cornea) return [[t('field.indication'), r.cornea.indication]];
    return [];
  };
}

/**
 * A coordinator of the patient's centre checks a pending listing's clinical values and sets the
 * urgency the centre stands behind, with what it rests on; the listing then counts for allocation.
 */
export function VerifyListingDialog({ request, onClose, onDone }: { request: TransplantRequest | null; onClose: () => void; onDone: (r: TransplantRequest) => void }) {
  const t = useT();
  const label = useEnumLabel();
  const rows = useClinicalRows();
  const [urgency, setUrgency] = useState('');
  const [evidence, setEvidence] = useState('');
  const { busy, error, submit: sending, clear } = useSubmission();
  const close = () => {
    clear();
    setUrgency('');
    setEvidence('');
    onClose();
  };
  const submit = sending(async () => {
    if (!request) return;
    const verified = await ok(
      http().POST('/api/v1/admin/transplant-requests/{id}/verify', {
        params: { path: { id: request.id }, header: { 'If-Match': `"${request.version}"` } },
        body: { urgency: Number(urgency || request.urgency), evidence: evidence.trim() },
      }),
    );
    setUrgency('');
    setEvidence('');
    onDone(verified);
  });
  return (
    <Dialog title={t('verify.title', { organ: label('organ', request?.organ ?? 'KIDNEY') })} open={request !== null} onClose={close}>
      {request && (
        <form onSubmit={submit} noValidate>
          <p>{t('verify.intro')}</p>
          <dl className="facts">
            {rows(request).map(([name, value]) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
          <ScoreList scores={request.scores} />
          <SelectField
            label={t('verify.urgency')}
            name="urgency"
            value={urgency || String(request.urgency)}
            onChange={(e) => setUrgency(e.target.value)}
            options={[1, 2, 3, 4, 5].map((u) => ({ value: String(u), label: t(`urgency.${u}` as 'urgency.1') }))}
            hint={t('coord.requestedUrgency', { urgency: request.urgency })}
            error={fieldError(error, 'urgency')}
          />
          <TextArea label={t('verify.evidence')} name="evidence" value={evidence} rows={3} onChange={(e) => setEvidence(e.target.value)} hint={t('verify.evidenceHint')} error={fieldError(error, 'evidence')} required />
          <ProblemAlert error={error} shownFields={['urgency', 'evidence']} />
          <SubmitOrCancel busy={busy} onCancel={close}>
            {t('verify.submit')}
          </SubmitOrCancel>
        </form>
      )}
    </Dialog>
  );
}
