import { useState } from 'react';
import { http, ok } from '../api/client';
import { ORGANS, type Organ } from '../api/types';
import { useDraft } from '../app/drafts';
import { navigate } from '../app/router';
import { useEnumLabel, useT } from '../i18n/i18n';
import { CheckField, fieldError, ProblemAlert, SelectField, Submit, useSubmission } from '../ui/forms';
import { organKey } from '../ui/organFields';
import { OrganTestFields, testResults, type TestValues } from '../ui/OrganTests';

/** A pledge of one organ: its typed test results (all optional until reported) and consent. */
export function PledgeForm() {
  const t = useT();
  const label = useEnumLabel();
  // What was typed survives a session that ends before it is sent (consent is asked afresh).
  const [organ, setOrgan, forgetOrgan] = useDraft<Organ>('pledge.organ', 'KIDNEY');
  const [values, setValues, forgetValues] = useDraft<TestValues>('pledge.values', {});
  const [consent, setConsent] = useState(false);
  const { busy, error, submit, clear } = useSubmission();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const prefix = organKey(organ);
  const err = (f: string) => fieldError(error, f);

  const send = submit(async () => {
    await ok(
      http().POST('/api/v1/pledges', {
        params: { header: { 'Idempotency-Key': `${idempotencyKey}-${organ}` } },
        body: { organ, consent, [prefix]: testResults(organ, values) },
      }),
    );
    forgetOrgan();
    forgetValues();
    navigate('/donor');
  });

  return (
    <section>
      <h1>{t('pledge.title')}</h1>
      <p>{t('pledge.intro')}</p>
      <form onSubmit={send} noValidate>
        <SelectField
          label={t('pledge.organ')}
          name="organ"
          value={organ}
          onChange={(e) => {
            setOrgan(e.target.value as Organ);
            setValues({});
            clear();
          }}
          options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))}
          error={err('organ')}
        />
        <fieldset className="field-group">
          <legend>{t('pledge.tests', { organ: label('organ', organ) })}</legend>
          <p className="hint">{t('pledge.testsHint')}</p>
          <OrganTestFields organ={organ} values={values} onChange={setValues} errorOf={err} prefix={prefix} />
        </fieldset>
        <CheckField label={t('pledge.consent', { organ: label('organ', organ) })} name="consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} error={err('consent')} />
        <ProblemAlert error={error} shownFields={['organ', 'consent', prefix]} />
        <Submit busy={busy}>{t('pledge.submit')}</Submit>
      </form>
    </section>
  );
}
