import { useEffect, useState, type FormEvent } from 'react';
import { asEntered, http, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { DonorProfile, DonorProfileRequest } from '../api/types';
import { navigate } from '../app/router';
import { useT } from '../i18n/i18n';
import { CheckField, fieldError, ProblemAlert, Submit, TextArea } from '../ui/forms';
import { EMPTY_PERSON, HlaFields, hlaBody, num, PersonFields, personBody, personOf, PlaceFields, type HlaValue, type PersonValue, type PlaceValue } from '../ui/profile';
import { LoadError, Loading } from '../ui/status';

export function DonorProfileForm() {
  const t = useT();
  const [loaded, setLoaded] = useState<DonorProfile | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>();
  const [person, setPerson] = useState<PersonValue>(EMPTY_PERSON);
  const [place, setPlace] = useState<PlaceValue>({ city: '', state: '', latitude: '', longitude: '' });
  const [hla, setHla] = useState<HlaValue>({ a: '', b: '', dr: '' });
  const [hypertension, setHypertension] = useState(false);
  const [diabetes, setDiabetes] = useState(false);
  const [notes, setNotes] = useState('');
  const [consent, setConsent] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [saved, setSaved] = useState(false);

  const load = () => {
    setLoadError(undefined);
    ok(http().GET('/api/v1/donors/me'))
      .then((p) => {
        setLoaded(p);
        setPerson(personOf(p));
        setPlace({ city: p.location.city, state: p.location.state, latitude: String(p.location.latitude), longitude: String(p.location.longitude) });
        if (p.hla) setHla({ a: p.hla.a.join(', '), b: p.hla.b.join(', '), dr: p.hla.dr.join(', ') });
        setHypertension(p.medicalHistory.hypertension);
        setDiabetes(p.medicalHistory.diabetes);
        setNotes(p.medicalHistory.notes ?? '');
        setConsent(true);
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
        location: { city: place.city, state: place.state, latitude: num(place.latitude), longitude: num(place.longitude) },
        hla: hlaBody(hla),
        medicalHistory: { hypertension, diabetes, notes: notes || null },
        consent,
      };
      const headers: Record<string, string> = loaded ? { 'If-Match': `"${loaded.version}"` } : {};
      const p = await ok(http().PUT('/api/v1/donors/me', { body: asEntered<DonorProfileRequest>(body), params: { header: headers } }));
      setLoaded(p);
      setSaved(true);
      if (!loaded) navigate('/donor/pledge');
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
      <h1>{t('donor.profileTitle')}</h1>
      <p>{t('donor.profileIntro')}</p>
      <form onSubmit={submit} noValidate>
        <PersonFields value={person} onChange={setPerson} errorOf={err} />
        <fieldset className="field-group">
          <legend>{t('profile.location')}</legend>
          <PlaceFields value={place} onChange={setPlace} errorOf={err} prefix="location" />
        </fieldset>
        <HlaFields value={hla} onChange={setHla} errorOf={err} />
        <fieldset className="field-group">
          <legend>{t('profile.history')}</legend>
          <CheckField label={t('profile.hypertension')} checked={hypertension} onChange={(e) => setHypertension(e.target.checked)} />
          <CheckField label={t('profile.diabetes')} checked={diabetes} onChange={(e) => setDiabetes(e.target.checked)} />
          <TextArea label={t('profile.notes')} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} error={err('medicalHistory.notes')} />
        </fieldset>
        <CheckField label={t('profile.consent')} name="consent" checked={consent} onChange={(e) => setConsent(e.target.checked)} error={err('consent')} />
        <ProblemAlert error={error} shownFields={['bloodGroup', 'dateOfBirth', 'sex', 'heightCm', 'weightKg', 'location', 'hla', 'medicalHistory.notes', 'consent']} />
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
