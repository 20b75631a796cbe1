import { useEffect, useState } from 'react';
import { asEntered, http, ok } from '../api/client';
import { ApiError } from '../api/problem';
import type { DonorProfile, DonorProfileRequest } from '../api/types';
import { useRecordDraft } from '../app/drafts';
import { navigate } from '../app/router';
import { useT } from '../i18n/i18n';
import { CheckField, fieldError, ProblemAlert, Submit, TextArea, useSubmission } from '../ui/forms';
import { DraftRestoredNotice, EMPTY_PERSON, hlaBody, HlaFields, ifMatchOf, num, personBody, PersonFields, personOf, PlaceFields, type HlaValue, type PersonValue, type PlaceValue } from '../ui/profile';
import { LoadError, Loading } from '../ui/status';

interface DonorValues {
  person: PersonValue;
  place: PlaceValue;
  hla: HlaValue;
  hypertension: boolean;
  diabetes: boolean;
  notes: string;
  consent: boolean;
}

const EMPTY_DONOR: DonorValues = {
  person: EMPTY_PERSON,
  place: { city: '', state: '', latitude: '', longitude: '' },
  hla: { a: '', b: '', dr: '' },
  hypertension: false,
  diabetes: false,
  notes: '',
  consent: false,
};

export function DonorProfileForm() {
  const t = useT();
  const [loaded, setLoaded] = useState<DonorProfile | null | undefined>(undefined);
  const [loadError, setLoadError] = useState<unknown>();
  const form = useRecordDraft<DonorValues>('donor.profile', EMPTY_DONOR);
  const { person, place, hla, hypertension, diabetes, notes, consent } = form.values;
  const { busy, error, submit } = useSubmission();
  const [saved, setSaved] = useState(false);

  const load = () => {
    setLoadError(undefined);
    ok(http().GET('/api/v1/donors/me'))
      .then((p) => {
        setLoaded(p);
        form.adopt(p.version, {
          person: personOf(p),
          place: { city: p.location.city, state: p.location.state, latitude: String(p.location.latitude), longitude: String(p.location.longitude) },
          hla: p.hla ? { a: p.hla.a.join(', '), b: p.hla.b.join(', '), dr: p.hla.dr.join(', ') } : EMPTY_DONOR.hla,
          hypertension: p.medicalHistory.hypertension,
          diabetes: p.medicalHistory.diabetes,
          notes: p.medicalHistory.notes ?? '',
          consent: true,
        });
      })
      .catch((e) => {
        if (e instanceof ApiError && e.status === 404) {
          setLoaded(null);
          form.adopt(null, EMPTY_DONOR);
        } else setLoadError(e);
      });
  };
  useEffect(load, []);

  const save = submit(async () => {
    setSaved(false);
    const body = {
      ...personBody(person),
      location: { city: place.city, state: place.state, latitude: num(place.latitude), longitude: num(place.longitude) },
      hla: hlaBody(hla),
      medicalHistory: { hypertension, diabetes, notes: notes || null },
      consent,
    };
    const headers = ifMatchOf(loaded);
    const p = await ok(http().PUT('/api/v1/donors/me', { body: asEntered<DonorProfileRequest>(body), params: { header: headers } }));
    setLoaded(p);
    form.saved(p.version);
    setSaved(true);
    if (!loaded) navigate('/donor/pledge');
  });

  if (loadError) return <LoadError error={loadError} retry={load} />;
  if (loaded === undefined) return <Loading />;
  const err = (f: string) => fieldError(error, f);
  return (
    <section>
      <h1>{t('donor.profileTitle')}</h1>
      <p>{t('donor.profileIntro')}</p>
      <DraftRestoredNotice restored={form.restored} />
      <form onSubmit={save} noValidate>
        <PersonFields value={person} onChange={(v) => form.change({ person: v })} errorOf={err} />
        <fieldset className="field-group">
          <legend>{t('profile.location')}</legend>
          <PlaceFields value={place} onChange={(v) => form.change({ place: v })} errorOf={err} prefix="location" />
        </fieldset>
        <HlaFields value={hla} onChange={(v) => form.change({ hla: v })} errorOf={err} />
        <fieldset className="field-group">
          <legend>{t('profile.history')}</legend>
          <CheckField label={t('profile.hypertension')} checked={hypertension} onChange={(e) => form.change({ hypertension: e.target.checked })} />
          <CheckField label={t('profile.diabetes')} checked={diabetes} onChange={(e) => form.change({ diabetes: e.target.checked })} />
          <TextArea label={t('profile.notes')} rows={3} value={notes} onChange={(e) => form.change({ notes: e.target.value })} error={err('medicalHistory.notes')} />
        </fieldset>
        <CheckField label={t('profile.consent')} name="consent" checked={consent} onChange={(e) => form.change({ consent: e.target.checked })} error={err('consent')} />
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
