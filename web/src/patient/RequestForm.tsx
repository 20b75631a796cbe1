import { useState } from 'react';
import { useDraft } from '../app/drafts';
import { asEntered, http, ok } from '../api/client';
import { ORGANS, type ClinicalValuesChange, type CreateTransplantRequest, type Organ, type TransplantRequest } from '../api/types';
import { Link } from '../app/router';
import { useEnumLabel, useT } from '../i18n/i18n';
import { CheckField, fieldError, ProblemAlert, SelectField, Submit, TextField, useSubmission } from '../ui/forms';
import { eptsRaw, meld3, meldNa, yearsBetween } from '../ui/meld';
import { num } from '../ui/profile';
import { useAsync } from '../ui/status';
import { ScoreList } from './ScoreList';

const MG_UMOL = ['mg/dL', 'µmol/L'];

/** The form's text values of a stored request's clinical values, to edit them. */
function valuesOf(r: TransplantRequest): Record<string, string> {
  const v: Record<string, string> = { bilirubinUnit: 'mg/dL', creatinineUnit: 'mg/dL', albuminUnit: 'g/dL' };
  if (r.liver) {
    v.bilirubin = String(r.liver.bilirubin.value);
    v.bilirubinUnit = r.liver.bilirubin.unit;
    v.inr = String(r.liver.inr);
    v.creatinine = String(r.liver.creatinine.value);
    v.creatinineUnit = r.liver.creatinine.unit;
    v.sodium = String(r.liver.sodium);
    if (r.liver.albumin) {
      v.albumin = String(r.liver.albumin.value);
      v.albuminUnit = r.liver.albumin.unit;
    }
  }
  if (r.kidney?.dialysisStartDate) v.dialysisStartDate = r.kidney.dialysisStartDate;
  if (r.heart) v.statusTier = String(r.heart.statusTier);
  if (r.cornea) v.indication = r.cornea.indication;
  return v;
}

/**
 * A transplant request: organ, urgency, centre and the organ's clinical values; MELD shown live.
 * With {@code editing}, the clinical values of that request as they are now (its organ, urgency and
 * centre stay): its centre checks the changed values again.
 */
export function RequestForm({ editing }: { editing?: TransplantRequest }) {
  const t = useT();
  const label = useEnumLabel();
  const profile = useAsync((signal) => ok(http().GET('/api/v1/patients/me', { signal })).catch(() => null), []);
  // What was typed survives a session that ends before it is sent. An edit's draft belongs to the
  // version it started from: a listing changed meanwhile starts again from its stored values.
  const draft = editing ? `request.edit.${editing.id}.${editing.version}` : 'request.new';
  const [organ, setOrgan, forgetOrgan] = useDraft<Organ>(`${draft}.organ`, editing?.organ ?? 'KIDNEY');
  const [urgency, setUrgency, forgetUrgency] = useDraft(`${draft}.urgency`, '3');
  const [centre, setCentre, forgetCentre] = useDraft(`${draft}.centre`, '');
  // The centres that transplant the chosen organ (the first hundred, newest first); an edit keeps its centre.
  const centres = useAsync(
    (signal) => (editing ? Promise.resolve(null) : ok(http().GET('/api/v1/centres', { signal, params: { query: { organ, limit: 100 } } })).catch(() => null)),
    [organ],
  );
  const [v, setV, forgetValues] = useDraft<Record<string, string>>(`${draft}.values`, editing ? valuesOf(editing) : { bilirubinUnit: 'mg/dL', creatinineUnit: 'mg/dL', albuminUnit: 'g/dL' });
  const [flags, setFlags, forgetFlags] = useDraft(`${draft}.flags`, {
    dialysed: editing?.liver?.dialysedTwiceInPastWeek ?? false,
    diabetes: editing?.kidney?.diabetes ?? false,
    priorTransplant: editing?.kidney?.priorTransplant ?? false,
  });
  const { busy, error, submit, clear } = useSubmission();
  const [created, setCreated] = useState<TransplantRequest>();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const err = (f: string) => fieldError(error, f);
  const set = (k: string) => (e: { target: { value: string } }) => setV((old) => ({ ...old, [k]: e.target.value }));
  const measurement = (k: string) => (v[k]?.trim() ? { value: num(v[k]), unit: v[`${k}Unit`] } : null);

  const clinical = () => {
    switch (organ) {
      case 'LIVER':
        return {
          liver: {
            bilirubin: measurement('bilirubin'),
            inr: num(v.inr ?? ''),
            creatinine: measurement('creatinine'),
            sodium: num(v.sodium ?? ''),
            albumin: measurement('albumin'),
            dialysedTwiceInPastWeek: flags.dialysed,
          },
        };
      case 'KIDNEY':
        return { kidney: { dialysisStartDate: v.dialysisStartDate || null, diabetes: flags.diabetes, priorTransplant: flags.priorTransplant } };
      case 'HEART':
        return { heart: { statusTier: num(v.statusTier ?? '') } };
      default:
        return { cornea: { indication: v.indication || null } };
    }
  };

  const send = submit(async () => {
    const r = editing
      ? await ok(
          http().PUT('/api/v1/transplant-requests/{id}/clinical', {
            params: { path: { id: editing.id }, header: { 'If-Match': `"${editing.version}"` } },
            body: asEntered<ClinicalValuesChange>(clinical()),
          }),
        )
      : await ok(
          http().POST('/api/v1/transplant-requests', {
            params: { header: { 'Idempotency-Key': `${idempotencyKey}-${organ}` } },
            body: asEntered<CreateTransplantRequest>({ organ, urgency: num(urgency), centreId: centre || null, ...clinical() }),
          }),
        );
    for (const forget of [forgetOrgan, forgetUrgency, forgetCentre, forgetValues, forgetFlags]) forget();
    setCreated(r);
  });

  if (created) {
    return (
      <section>
        <h1>{editing ? t('request.valuesSavedTitle') : t('request.listedTitle')}</h1>
        <p className="alert success" role="status">
          {editing
            ? created.version === editing.version
              ? t('request.valuesUnchanged')
              : t('request.valuesSaved', { organ: label('organ', created.organ) })
            : t('request.listed', { organ: label('organ', created.organ) })}
        </p>
        <ScoreList scores={created.scores} />
        <Link to="/patient" className="button-link primary">
          {t('patient.overview')}
        </Link>
      </section>
    );
  }

  const liveInputs = {
    bilirubin: Number(v.bilirubin),
    bilirubinUnit: v.bilirubinUnit,
    inr: Number(v.inr),
    creatinine: Number(v.creatinine),
    creatinineUnit: v.creatinineUnit,
    sodium: Number(v.sodium),
    albumin: v.albumin ? Number(v.albumin) : undefined,
    albuminUnit: v.albuminUnit,
    dialysedTwiceInPastWeek: flags.dialysed,
    female: profile.data?.sex === 'FEMALE',
  };
  const liveNa = organ === 'LIVER' ? meldNa(liveInputs) : null;
  const live3 = organ === 'LIVER' && profile.data ? meld3(liveInputs) : null;
  const age = profile.data ? yearsBetween(profile.data.dateOfBirth, new Date()) : null;
  const dialysisYears = v.dialysisStartDate ? yearsBetween(v.dialysisStartDate, new Date()) : null;
  const liveEpts =
    organ === 'KIDNEY' && age !== null && age >= 18 && (dialysisYears === null || dialysisYears >= 0)
      ? eptsRaw(age, flags.diabetes, flags.priorTransplant, dialysisYears)
      : null;

  const unitPair = (k: string, units: string[], required = true) => (
    <div className="measurement">
      <TextField label={t(`field.${k}` as 'field.bilirubin')} name={`liver.${k}`} inputMode="decimal" value={v[k] ?? ''} onChange={set(k)} error={err(`liver.${k}.value`) ?? err(`liver.${k}`)} required={required} />
      <SelectField
        label={t('pledge.unit', { field: t(`field.${k}` as 'field.bilirubin') })}
        name={`liver.${k}.unit`}
        value={v[`${k}Unit`]}
        onChange={set(`${k}Unit`)}
        options={units.map((u) => ({ value: u, label: u }))}
        error={err(`liver.${k}.unit`)}
      />
    </div>
  );

  return (
    <section>
      <h1>{editing ? t('request.valuesTitle', { organ: label('organ', editing.organ) }) : t('request.title')}</h1>
      <p>{editing ? t('request.valuesIntro') : t('request.intro')}</p>
      <form onSubmit={send} noValidate>
        {!editing && (
        <div className="grid">
          <SelectField label={t('pledge.organ')} name="organ" value={organ} onChange={(e) => { setOrgan(e.target.value as Organ); setCentre(''); clear(); }} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} error={err('organ')} />
          <SelectField
            label={t('request.urgency')}
            name="urgency"
            value={urgency}
            onChange={(e) => setUrgency(e.target.value)}
            options={[1, 2, 3, 4, 5].map((u) => ({ value: String(u), label: t(`urgency.${u}` as 'urgency.1') }))}
            error={err('urgency')}
          />
          <SelectField
            label={t('request.centre')}
            name="centreId"
            value={centre}
            onChange={(e) => setCentre(e.target.value)}
            placeholder={t('request.centreUnknown')}
            options={(centres.data?.items ?? []).map((c) => ({ value: c.id, label: `${c.name}, ${c.city}` }))}
            hint={t('request.centreHint')}
            error={err('centreId')}
          />
        </div>
        )}
        <fieldset className="field-group">
          <legend>{t('request.clinical', { organ: label('organ', organ) })}</legend>
          {organ === 'LIVER' && (
            <>
              <div className="grid">
                {unitPair('bilirubin', MG_UMOL)}
                <TextField label={t('field.inr')} name="liver.inr" inputMode="decimal" value={v.inr ?? ''} onChange={set('inr')} error={err('liver.inr')} required />
                {unitPair('creatinine', MG_UMOL)}
                <TextField label={t('field.sodium')} name="liver.sodium" inputMode="decimal" unit="mmol/L" value={v.sodium ?? ''} onChange={set('sodium')} error={err('liver.sodium')} required />
                {unitPair('albumin', ['g/dL', 'g/L'])}
              </div>
              <CheckField label={t('field.dialysedTwiceInPastWeek')} checked={flags.dialysed} onChange={(e) => setFlags({ ...flags, dialysed: e.target.checked })} error={err('liver.dialysedTwiceInPastWeek')} />
              <div className="live-score" aria-live="polite">
                <p>
                  <strong>MELD-Na:</strong> <output name="meldNa">{liveNa ?? '—'}</output>
                  {' · '}
                  <strong>MELD 3.0:</strong> <output name="meld3">{live3 ?? '—'}</output>
                </p>
                <p className="hint">{t('request.liveHint')}</p>
              </div>
            </>
          )}
          {organ === 'KIDNEY' && (
            <>
              <TextField label={t('field.dialysisStartDate')} name="kidney.dialysisStartDate" type="date" value={v.dialysisStartDate ?? ''} onChange={set('dialysisStartDate')} error={err('kidney.dialysisStartDate')} hint={t('request.dialysisHint')} />
              <CheckField label={t('field.diabetes')} checked={flags.diabetes} onChange={(e) => setFlags({ ...flags, diabetes: e.target.checked })} error={err('kidney.diabetes')} />
              <CheckField label={t('field.priorTransplant')} checked={flags.priorTransplant} onChange={(e) => setFlags({ ...flags, priorTransplant: e.target.checked })} error={err('kidney.priorTransplant')} />
              <div className="live-score" aria-live="polite">
                <p>
                  <strong>{t('request.eptsRaw')}:</strong> <output name="eptsRaw">{liveEpts === null ? '—' : liveEpts.toFixed(2)}</output>
                </p>
                <p className="hint">{t('request.eptsHint')}</p>
              </div>
            </>
          )}
          {organ === 'HEART' && (
            <SelectField
              label={t('field.statusTier')}
              name="heart.statusTier"
              value={v.statusTier ?? ''}
              onChange={set('statusTier')}
              placeholder={t('common.choose')}
              options={[1, 2, 3, 4, 5, 6, 7].map((s) => ({ value: String(s), label: t(`heartTier.${s}` as 'heartTier.1') }))}
              error={err('heart.statusTier')}
            />
          )}
          {organ === 'CORNEA' && (
            <SelectField
              label={t('field.indication')}
              name="cornea.indication"
              value={v.indication ?? ''}
              onChange={set('indication')}
              placeholder={t('common.choose')}
              options={['OPTICAL', 'TECTONIC', 'THERAPEUTIC'].map((s) => ({ value: s, label: label('value', s) }))}
              error={err('cornea.indication')}
            />
          )}
        </fieldset>
        <ProblemAlert error={error} shownFields={['organ', 'urgency', organ.toLowerCase()]} />
        <Submit busy={busy}>{editing ? t('request.saveValues') : t('request.submit')}</Submit>
      </form>
    </section>
  );
}
