import { useEffect, useState, type FormEvent } from 'react';
import { api } from '../api/client';
import { ApiError } from '../api/problem';
import { BLOOD_GROUPS, type PatientProfile } from '../api/types';
import { navigate } from '../app/router';
import { useEnumLabel, useT } from '../i18n/i18n';
import { fieldError, ProblemAlert, SelectField, Submit, TextField } from '../ui/forms';
import { HlaFields, hlaBody, num, PlaceFields, splitAntigens, type HlaValue, type PlaceValue } from '../ui/profile';
import { LoadError, Loading } from '../ui/status';

export function PatientProfileForm() {
  const t = useT();
  const label = useEnumLabel();
  const [loaded, setLoaded] = useState<PatientProfile | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>();
  const [bloodGroup, setBloodGroup] = useState('');
  const [dateOfBirth, setDateOfBirth] = useState('');
  const [sex, setSex] = useState('');
  const [heightCm, setHeight] = useState('');
  const [weightKg, setWeight] = useState('');
  const [hla, setHla] = useState<HlaValue>({ a: '', b: '', dr: '' });
  const [unacceptable, setUnacceptable] = useState('');
  const [hospitalName, setHospitalName] = useState('');
  const [place, setPlace] = useState<PlaceValue>({ city: '', state: '', latitude: '', longitude: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const load = () => {
    setLoadError(undefined);
    api<PatientProfile>('/api/v1/patients/me')
      .then((p) => {
        setLoaded(p);
        setBloodGroup(p.bloodGroup);
        setDateOfBirth(p.dateOfBirth);
        setSex(p.sex);
        setHeight(String(p.heightCm));
        setWeight(String(p.weightKg));
        if (p.hla) setHla({ a: p.hla.a.join(', '), b: p.hla.b.join(', '), dr: p.hla.dr.join(', ') });
        setUnacceptable(p.unacceptableAntigens.join(', '));
        setHospitalName(p.hospital.name);
        setPlace({ city: p.hospital.city, state: p.hospital.state, latitude: String(p.hospital.latitude), longitude: String(p.hospital.longitude) });
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 404) setLoaded(null);
        else setLoadError(e);
      });
  };
  useEffect(load, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    setSaved(false);
    try {
      const body = {
        bloodGroup: bloodGroup || null,
        dateOfBirth: dateOfBirth || null,
        sex: sex || null,
        heightCm: num(heightCm),
        weightKg: num(weightKg),
        hla: hlaBody(hla),
        unacceptableAntigens: splitAntigens(unacceptable),
        hospital: { name: hospitalName, city: place.city, state: place.state, latitude: num(place.latitude), longitude: num(place.longitude) },
      };
      const headers: Record<string, string> = loaded ? { 'If-Match': `"${loaded.version}"` } : {};
      const p = await api<PatientProfile>('/api/v1/patients/me', { method: 'PUT', body, headers });
      setLoaded(p);
      setSaved(true);
      if (!loaded) navigate('/patient/request');
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  if (loadError) return <LoadError error={loadError} retry={load} />;
  if (loaded === undefined) return <Loading />;
  const err = (f: string) => fieldError(error, f);
  return (
    <section>
      <h1>{t('patient.profileTitle')}</h1>
      <p>{t('patient.profileIntro')}</p>
      <form onSubmit={submit} noValidate>
        <fieldset className="field-group">
          <legend>{t('profile.person')}</legend>
          <div className="grid">
            <SelectField label={t('profile.bloodGroup')} name="bloodGroup" value={bloodGroup} onChange={(e) => setBloodGroup(e.target.value)} placeholder={t('common.choose')} options={BLOOD_GROUPS.map((g) => ({ value: g, label: g }))} error={err('bloodGroup')} required />
            <TextField label={t('profile.dateOfBirth')} name="dateOfBirth" type="date" value={dateOfBirth} onChange={(e) => setDateOfBirth(e.target.value)} error={err('dateOfBirth')} required />
            <SelectField label={t('profile.sex')} name="sex" value={sex} onChange={(e) => setSex(e.target.value)} placeholder={t('common.choose')} options={['FEMALE', 'MALE'].map((s) => ({ value: s, label: label('sex', s) }))} error={err('sex')} hint={t('profile.sexHint')} required />
            <TextField label={t('profile.height')} name="heightCm" inputMode="decimal" unit="cm" value={heightCm} onChange={(e) => setHeight(e.target.value)} error={err('heightCm')} required />
            <TextField label={t('profile.weight')} name="weightKg" inputMode="decimal" unit="kg" value={weightKg} onChange={(e) => setWeight(e.target.value)} error={err('weightKg')} required />
          </div>
        </fieldset>
        <HlaFields value={hla} onChange={setHla} errorOf={err} />
        <TextField
          label={t('patient.unacceptable')}
          name="unacceptableAntigens"
          value={unacceptable}
          placeholder="A1, B8"
          onChange={(e) => setUnacceptable(e.target.value)}
          error={err('unacceptableAntigens')}
          hint={t('patient.unacceptableHint')}
        />
        <fieldset className="field-group">
          <legend>{t('patient.hospital')}</legend>
          <TextField label={t('patient.hospitalName')} name="hospital.name" value={hospitalName} onChange={(e) => setHospitalName(e.target.value)} error={err('hospital.name')} required />
          <PlaceFields value={place} onChange={setPlace} errorOf={err} prefix="hospital" />
        </fieldset>
        <ProblemAlert error={error} shownFields={['bloodGroup', 'dateOfBirth', 'sex', 'heightCm', 'weightKg', 'hla', 'unacceptableAntigens', 'hospital']} />
        {saved && (
          <p className="alert success" role="status">
            {t('profile.saved')}
          </p>
        )}
        <Submit busy={busy}>{t('profile.save')}</Submit>
      </form>
    </section>
  );
}
