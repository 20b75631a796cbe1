import { useEffect, useState } from 'react';
import { asEntered, http, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { PatientProfile, PatientProfileRequest } from '../api/types';
import { useRecordDraft } from '../app/drafts';
import { navigate } from '../app/router';
import { useT } from '../i18n/i18n';
import { fieldError, ProblemAlert, Submit, TextField, useSubmission } from '../ui/forms';
import { DraftRestoredNotice, EMPTY_PERSON, hlaBody, HlaFields, ifMatchOf, num, personBody, PersonFields, personOf, PlaceFields, splitAntigens, type HlaValue, type PersonValue, type PlaceValue } from '../ui/profile';
import { LoadError, Loading } from '../ui/status';

interface PatientValues {
  person: PersonValue;
  hla: HlaValue;
  unacceptable: string;
  hospitalName: string;
  place: PlaceValue;
}

const EMPTY_PATIENT: PatientValues = {
  person: EMPTY_PERSON,
  hla: { a: '', b: '', dr: '' },
  unacceptable: '',
  hospitalName: '',
  place: { city: '', state: '', latitude: '', longitude: '' },
};

export function PatientProfileForm() {
  const t = useT();
  const [loaded, setLoaded] = useState<PatientProfile | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>();
  const form = useRecordDraft<PatientValues>('patient.profile', EMPTY_PATIENT);
  const { person, hla, unacceptable, hospitalName, place } = form.values;
  const { busy, error, submit } = useSubmission();
  const [saved, setSaved] = useState(false);

  const load = () => {
    setLoadError(undefined);
    ok(http().GET('/api/v1/patients/me'))
      .then((p) => {
        setLoaded(p);
        form.adopt(p.version, {
          person: personOf(p),
          hla: p.hla ? { a: p.hla.a.join(', '), b: p.hla.b.join(', '), dr: p.hla.dr.join(', ') } : EMPTY_PATIENT.hla,
          unacceptable: p.unacceptableAntigens.join(', '),
          hospitalName: p.hospital.name,
          place: { city: p.hospital.city, state: p.hospital.state, latitude: String(p.hospital.latitude), longitude: String(p.hospital.longitude) },
        });
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 404) {
          setLoaded(null);
          form.adopt(null, EMPTY_PATIENT);
        } else setLoadError(e);
      });
  };
  useEffect(load, []);

  const save = submit(async () => {
    setSaved(false);
    const body = {
      ...personBody(person),
      hla: hlaBody(hla),
      unacceptableAntigens: splitAntigens(unacceptable),
      hospital: { name: hospitalName, city: place.city, state: place.state, latitude: num(place.latitude), longitude: num(place.longitude) },
    };
    const headers = ifMatchOf(loaded);
    const p = await ok(http().PUT('/api/v1/patients/me', { body: asEntered<PatientProfileRequest>(body), params: { header: headers } }));
    setLoaded(p);
    form.saved(p.version);
    setSaved(true);
    if (!loaded) navigate('/patient/request');
  });

  if (loadError) return <LoadError error={loadError} retry={load} />;
  if (loaded === undefined) return <Loading />;
  const err = (f: string) => fieldError(error, f);
  return (
    <section>
      <h1>{t('patient.profileTitle')}</h1>
      <p>{t('patient.profileIntro')}</p>
      <DraftRestoredNotice restored={form.restored} />
      <form onSubmit={save} noValidate>
        <PersonFields value={person} onChange={(v) => form.change({ person: v })} errorOf={err} />
        <HlaFields value={hla} onChange={(v) => form.change({ hla: v })} errorOf={err} />
        <TextField
          label={t('patient.unacceptable')}
          name="unacceptableAntigens"
          value={unacceptable}
          placeholder="A1, B8"
          onChange={(e) => form.change({ unacceptable: e.target.value })}
          error={err('unacceptableAntigens')}
          hint={t('patient.unacceptableHint')}
        />
        <fieldset className="field-group">
          <legend>{t('patient.hospital')}</legend>
          <TextField label={t('patient.hospitalName')} name="hospital.name" value={hospitalName} onChange={(e) => form.change({ hospitalName: e.target.value })} error={err('hospital.name')} required />
          <PlaceFields value={place} onChange={(v) => form.change({ place: v })} errorOf={err} prefix="hospital" />
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
