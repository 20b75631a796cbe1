import { useEffect, useId, useState } from 'react';
import { ApiError } from '../api/problem';
import { BLOOD_GROUPS } from '../api/types';
import { navigate } from '../app/router';
import { useEnumLabel, useT } from '../i18n/i18n';
import { SelectField, Submit, TextField } from './forms';
import { CITIES, findCity } from './places';

export interface PlaceValue {
  city: string;
  state: string;
  latitude: string;
  longitude: string;
}

export const EMPTY_PLACE: PlaceValue = { city: '', state: '', latitude: '', longitude: '' };

/** A stored place (a donor's location, a hospital, a centre) as the form holds it. */
export function placeOf(p: { city: string; state: string; latitude: number; longitude: number }): PlaceValue {
  return { city: p.city, state: p.state, latitude: String(p.latitude), longitude: String(p.longitude) };
}

/** The same place as the APIs take it. */
export function placeBody(v: PlaceValue) {
  return { city: v.city, state: v.state, latitude: num(v.latitude), longitude: num(v.longitude) };
}

/** A place found by city name (fills state and coordinates), or typed in full. */
export function PlaceFields({
  value,
  onChange,
  errorOf,
  prefix,
}: {
  value: PlaceValue;
  onChange: (v: PlaceValue) => void;
  errorOf: (field: string) => string | undefined;
  prefix: string;
}) {
  const t = useT();
  const listId = useId();
  const setCity = (city: string) => {
    const found = findCity(city);
    onChange(
      found
        ? { city: found.city, state: found.state, latitude: String(found.latitude), longitude: String(found.longitude) }
        : { ...value, city },
    );
  };
  return (
    <div className="grid">
      <TextField
        label={t('place.city')}
        list={listId}
        autoComplete="off"
        value={value.city}
        onChange={(e) => setCity(e.target.value)}
        error={errorOf(`${prefix}.city`)}
        hint={t('place.cityHint')}
        required
      />
      <datalist id={listId}>
        {CITIES.map((c) => (
          <option key={c.city} value={c.city}>
            {c.state}
          </option>
        ))}
      </datalist>
      <TextField label={t('place.state')} value={value.state} onChange={(e) => onChange({ ...value, state: e.target.value })} error={errorOf(`${prefix}.state`)} required />
      <TextField
        label={t('place.latitude')}
        inputMode="decimal"
        value={value.latitude}
        onChange={(e) => onChange({ ...value, latitude: e.target.value })}
        error={errorOf(`${prefix}.latitude`)}
        unit="°"
      />
      <TextField
        label={t('place.longitude')}
        inputMode="decimal"
        value={value.longitude}
        onChange={(e) => onChange({ ...value, longitude: e.target.value })}
        error={errorOf(`${prefix}.longitude`)}
        unit="°"
      />
    </div>
  );
}

export interface HlaValue {
  a: string;
  b: string;
  dr: string;
}

export const EMPTY_HLA: HlaValue = { a: '', b: '', dr: '' };

/** A stored HLA typing as the form holds it; none yet is three empty fields. */
export function hlaOf(hla: { a: string[]; b: string[]; dr: string[] } | null | undefined): HlaValue {
  return hla ? { a: hla.a.join(', '), b: hla.b.join(', '), dr: hla.dr.join(', ') } : EMPTY_HLA;
}

export const splitAntigens = (s: string) =>
  s
    .split(/[,\s]+/)
    .map((x) => x.trim())
    .filter(Boolean);

export function hlaBody(v: HlaValue) {
  if (!v.a.trim() && !v.b.trim() && !v.dr.trim()) return null;
  return { a: splitAntigens(v.a), b: splitAntigens(v.b), dr: splitAntigens(v.dr) };
}

export function HlaFields({ value, onChange, errorOf }: { value: HlaValue; onChange: (v: HlaValue) => void; errorOf: (f: string) => string | undefined }) {
  const t = useT();
  return (
    <fieldset className="field-group">
      <legend>{t('hla.title')}</legend>
      <p className="hint">{t('hla.hint')}</p>
      <div className="grid three">
        <TextField label="HLA-A" value={value.a} placeholder="A2, A24" onChange={(e) => onChange({ ...value, a: e.target.value })} error={errorOf('hla.a')} />
        <TextField label="HLA-B" value={value.b} placeholder="B7, B44" onChange={(e) => onChange({ ...value, b: e.target.value })} error={errorOf('hla.b')} />
        <TextField label="HLA-DR" value={value.dr} placeholder="DR15" onChange={(e) => onChange({ ...value, dr: e.target.value })} error={errorOf('hla.dr')} />
      </div>
    </fieldset>
  );
}

/** "" stays absent; anything else is sent as a number (the API names a non-number). */
export function num(s: string): number | null {
  if (s.trim() === '') return null;
  const n = Number(s.replace(',', '.'));
  return Number.isFinite(n) ? n : (s as unknown as number);
}

export interface PersonValue {
  bloodGroup: string;
  dateOfBirth: string;
  sex: string;
  heightCm: string;
  weightKg: string;
}

export const EMPTY_PERSON: PersonValue = { bloodGroup: '', dateOfBirth: '', sex: '', heightCm: '', weightKg: '' };

/** The person facts a donor and a patient profile share, as the form holds them. */
export function personOf(p: { bloodGroup: string; dateOfBirth: string; sex: string; heightCm: number; weightKg: number }): PersonValue {
  return { bloodGroup: p.bloodGroup, dateOfBirth: p.dateOfBirth, sex: p.sex, heightCm: String(p.heightCm), weightKg: String(p.weightKg) };
}

/** The same facts as the profile APIs take them. */
export function personBody(v: PersonValue) {
  return {
    bloodGroup: v.bloodGroup || null,
    dateOfBirth: v.dateOfBirth || null,
    sex: v.sex || null,
    heightCm: num(v.heightCm),
    weightKg: num(v.weightKg),
  };
}

export function PersonFields({ value, onChange, errorOf }: { value: PersonValue; onChange: (v: PersonValue) => void; errorOf: (f: string) => string | undefined }) {
  const t = useT();
  const label = useEnumLabel();
  const set = (field: keyof PersonValue) => (e: { target: { value: string } }) => onChange({ ...value, [field]: e.target.value });
  return (
    <fieldset className="field-group">
      <legend>{t('profile.person')}</legend>
      <div className="grid">
        <SelectField label={t('profile.bloodGroup')} name="bloodGroup" value={value.bloodGroup} onChange={set('bloodGroup')} placeholder={t('common.choose')} options={BLOOD_GROUPS.map((g) => ({ value: g, label: g }))} error={errorOf('bloodGroup')} required />
        <TextField label={t('profile.dateOfBirth')} name="dateOfBirth" type="date" value={value.dateOfBirth} onChange={set('dateOfBirth')} error={errorOf('dateOfBirth')} required />
        <SelectField label={t('profile.sex')} name="sex" value={value.sex} onChange={set('sex')} placeholder={t('common.choose')} options={['FEMALE', 'MALE'].map((s) => ({ value: s, label: label('sex', s) }))} error={errorOf('sex')} hint={t('profile.sexHint')} required />
        <TextField label={t('profile.height')} name="heightCm" inputMode="decimal" unit="cm" value={value.heightCm} onChange={set('heightCm')} error={errorOf('heightCm')} required />
        <TextField label={t('profile.weight')} name="weightKg" inputMode="decimal" unit="kg" value={value.weightKg} onChange={set('weightKg')} error={errorOf('weightKg')} required />
      </div>
    </fieldset>
  );
}

/** The header that saves over the profile as it was read (409 if it changed since); none for a new profile. */
function ifMatchOf(loaded: { version: number } | null | undefined): Record<string, string> {
  return loaded ? { 'If-Match': `"${loaded.version}"` } : {};
}

/**
 * One's own profile behind a profile form: read once into the form (a 404 means none yet, and the
 * form starts empty), then saved over the version it was read at. Saving a new profile goes on to
 * `next`, the step that needs it; `loaded` is undefined while reading, null for no profile yet.
 */
export function useOwnProfile<P extends { version: number }, V>({
  form,
  read,
  valuesOf,
  empty,
  next,
}: {
  form: { adopt: (version: number | null, values: V) => void; saved: (version: number) => void };
  read: () => Promise<P>;
  valuesOf: (profile: P) => V;
  empty: V;
  next: string;
}) {
  const [loaded, setLoaded] = useState<P | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const load = () => {
    setLoadError(undefined);
    read()
      .then((p) => {
        setLoaded(p);
        form.adopt(p.version, valuesOf(p));
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 404) {
          setLoaded(null);
          form.adopt(null, empty);
        } else setLoadError(e);
      });
  };
  useEffect(load, []);

  /** Sends the form with `write`, given the If-Match header to send. */
  const save = async (write: (headers: Record<string, string>) => Promise<P>) => {
    setSaved(false);
    const p = await write(ifMatchOf(loaded));
    setLoaded(p);
    form.saved(p.version);
    setSaved(true);
    if (!loaded) navigate(next);
  };
  return { loaded, loadError, load, saved, save };
}

/** A profile form's end: "saved" once it is, and the save button. */
export function ProfileSaveFooter({ saved, busy }: { saved: boolean; busy: boolean }) {
  const t = useT();
  return (
    <>
      {saved && (
        <p className="alert success" role="status">
          {t('profile.saved')}
        </p>
      )}
      <Submit busy={busy}>{t('profile.save')}</Submit>
    </>
  );
}

/** Says that the form shows a draft kept from an earlier visit, not the saved profile. */
export function DraftRestoredNotice({ restored }: { restored: boolean }) {
  const t = useT();
  if (!restored) return null;
  return (
    <p className="alert info" role="status">
      {t('profile.draftRestored')}
    </p>
  );
}
