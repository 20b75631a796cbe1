import type { Organ } from '../api/types';
import { useEnumLabel, useT, type Key } from '../i18n/i18n';
import { SelectField, TextField } from './forms';
import { PLEDGE_FIELDS, type FieldSpec } from './organFields';
import { num } from './profile';

/** What a form holds of one organ's test results: text as typed, units under `<field>.unit`. */
export type TestValues = Record<string, string>;

/** The results as the API takes them (pledges, a donation case's assessments): only what was given. */
export function testResults(organ: Organ, values: TestValues): Record<string, unknown> {
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
}

/**
 * One organ's test result fields, each optional ("not reported"), with units beside the values.
 * `prefix` is the path of the organ's object in the request (`kidney`, `assessments.liver`): the
 * API's field errors are shown at the field they name.
 */
export function OrganTestFields({
  organ,
  values,
  onChange,
  errorOf,
  prefix,
}: {
  organ: Organ;
  values: TestValues;
  onChange: (values: TestValues) => void;
  errorOf: (field: string) => string | undefined;
  prefix: string;
}) {
  const t = useT();
  const label = useEnumLabel();
  const set = (k: string, v: string) => onChange({ ...values, [k]: v });
  const field = (spec: FieldSpec) => {
    const name = `${prefix}.${spec.name}`;
    const text = t(`field.${spec.name}` as Key);
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
          error={errorOf(name)}
        />
      );
    }
    if (spec.kind === 'number') {
      return (
        <TextField key={name} label={text} name={name} inputMode="decimal" unit={spec.unit} value={values[spec.name] ?? ''} onChange={(e) => set(spec.name, e.target.value)} error={errorOf(name)} />
      );
    }
    return (
      <div key={name} className="measurement">
        <TextField label={text} name={name} inputMode="decimal" value={values[spec.name] ?? ''} onChange={(e) => set(spec.name, e.target.value)} error={errorOf(`${name}.value`) ?? errorOf(name)} />
        <SelectField
          label={t('pledge.unit', { field: text })}
          name={`${name}.unit`}
          value={values[`${spec.name}.unit`] ?? spec.units[0]}
          onChange={(e) => set(`${spec.name}.unit`, e.target.value)}
          options={spec.units.map((u) => ({ value: u, label: u }))}
          error={errorOf(`${name}.unit`)}
        />
      </div>
    );
  };
  return <div className="grid">{PLEDGE_FIELDS[organ].map(field)}</div>;
}
