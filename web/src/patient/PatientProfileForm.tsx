import { useEffect, useState, type FormEvent } from 'react';
import { asEntered, http, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { PatientProfile, PatientProfileRequest } from '../api/types';
import { navigate } from '../app/router';
import { useT } from '../i18n/i18n';
import { fieldError, ProblemAlert, Submit, TextField } from '../ui/forms';
import { EMPTY_PERSON, HlaFields, hlaBody, num, PersonFields, personBody, personOf, PlaceFields, splitAntigens, type HlaValue, type PersonValue, type PlaceValue } from '../ui/profile';
import { LoadError, Loading } from '../ui/status';

export function PatientProfileForm() {
  const t = useT();
  const [loaded, setLoaded] = useState<PatientProfile | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>();
  const [person, setPerson] = useState<PersonValue>(EMPTY_PERSON);
  const [hla, setHla] = useState<HlaValue>({ a: '', b: '', dr: '' });
  const [unacceptable, setUnacceptable] = useState('');
  const [hospitalName, setHospitalName] = useState('');
  const [place, setPlace] = useState<PlaceValue>({ city: '', state: '', latitude: '', longitude: '' });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const load = () => {
    setLoadError(undefined);
    ok(http().GET('/api/v1/patients/me'))
      .then((p) => {
        setLoaded(p);
        setPerson(personOf(p));
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
        ...personBody(person),
        hla: hlaBody(hla),
        unacceptableAntigens: splitAntigens(unacceptable),
        hospital: { name: hospitalName, city: place.city, state: place.state, latitude: num(place.latitude), longitude: num(place.longitude) },
      };
      const headers: Record<string, string> = loaded ? { 'If-Match': `"${loaded.version}"` } : {};
      const p = await ok(http().PUT('/api/v1/patients/me', { body: asEntered<PatientProfileRequest>(body), params: { header: headers } }));
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
        <PersonFields value={person} onChange={setPerson} errorOf={err} />
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
