import { useState, type FormEvent } from 'react';
import { http, ok } from '../api/client';
import { ORGANS, type Organ } from '../api/types';
import { navigate } from '../app/router';
import { useEnumLabel, useT, type Key } from '../i18n/i18n';
import { CheckField, fieldError, ProblemAlert, SelectField, Submit, TextField } from '../ui/forms';
import { organKey, PLEDGE_FIELDS, type FieldSpec } from '../ui/organFields';
import { num } from '../ui/profile';

type Values = Record<string, string>;

/** A pledge of one organ: its typed test results (all optional until reported) and consent. */
export function PledgeForm() {
  const t = useT();
  const label = useEnumLabel();
  const [organ, setOrgan] = useState<Organ>('KIDNEY');
  const [values, setValues] = useState<Values>({});
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [idempotencyKey] = useState(() => crypto.randomUUID());
  const prefix = organKey(organ);
  const err = (f: string) => fieldError(error, f);

  const results = () => {
    const out: Record<string, unknown> = {};
    for (const spec of PLEDGE_FIELDS[organ]) {
      const v = values[spec.name] ?? '';
      if (spec.kind === 'measurement') {
        if (v.trim()) out[spec.name] = { value: num(v), unit: values[`${spec.name}.unit`] || spec.units[0] };
      } else if (spec.kind === 'number') {
        if (v.trim()) out[spec.name] = num(v);
      } else if (v) {
        out[spec.name] = v;
      }
    }
    return out;
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      await ok(
        http().POST('/api/v1/pledges', {
          params: { header: { 'Idempotency-Key': `${idempotencyKey}-${organ}` } },
          body: { organ, consent, [prefix]: results() },
        }),
      );
      navigate('/donor');
    } catch (err2) {
      setError(err2);
    } finally {
      setBusy(false);
    }
  };

  const field = (spec: FieldSpec) => {
    const name = `${prefix}.${spec.name}`;
    const text = t(`field.${spec.name}` as Key);
    const set = (k: string, v: string) => setValues((old) => ({ ...old, [k]: v }));
    if (spec.kind === 'enum') {
      return (
        <SelectField
          key={name}
          label={text}
          name={name}
          value={values[spec.name] ?? ''}
          onChange={(e) => set(spec.name, e.target.value)}
          placeholder={t('pledge.notReported')}
          options={spec.options.map((o) => ({ value: o, label: label('value', o) }))}
          error={err(name)}
        />
      );
    }
    if (spec.kind === 'number') {
      return (
        <TextField key={name} label={text} name={name} inputMode="decimal" unit={spec.unit} value={values[spec.name] ?? ''} onChange={(e) => set(spec.name, e.target.value)} error={err(name)} />
      );
    }
    return (
      <div key={name} className="measurement">
        <TextField label={text} name={name} inputMode="decimal" value={values[spec.name] ?? ''} onChange={(e) => set(spec.name, e.target.value)} error={err(`${name}.value`) ?? err(name)} />
        <SelectField
          label={t('pledge.unit', { field: text })}
          name={`${name}.unit`}
          value={values[`${spec.name}.unit`] ?? spec.units[0]}
          onChange={(e) => set(`${spec.name}.unit`, e.target.value)}
          options={spec.units.map((u) => ({ value: u, label: u }))}
          error={err(`${name}.unit`)}
        />
      </div>
    );
  };

  return (
    <section>
      <h1>{t('pledge.title')}</h1>
      <p>{t('pledge.intro')}</p>
      <form onSubmit={submit} noValidate>
        <SelectField
          label={t('pledge.organ')}
          name="organ"
          value={organ}
          onChange={(e) => {
            setOrgan(e.target.value as Organ);
            setValues({});
            setError(undefined);
          }}
          options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))}
          error={err('organ')}
        />
        <fieldset className="field-group">
          <legend>{t('pledge.tests', { organ: label('organ', organ) })}</legend>
          <p className="hint">{t('pledge.testsHint')}</p>
          <div className="grid">{PLEDGE_FIELDS[organ].map(field)}</div>
        </fieldset>
        <CheckField label={t('pledge.consent', { organ: label('organ', organ) })} name="consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} error={err('consent')} />
        <ProblemAlert error={error} shownFields={['organ', 'consent', prefix]} />
        <Submit busy={busy}>{t('pledge.submit')}</Submit>
      </form>
    </section>
  );
}
