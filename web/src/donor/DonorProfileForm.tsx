import { asEntered, http, ok } from '../api/client';
import type { DonorProfileRequest } from '../api/types';
import { useRecordDraft } from '../app/drafts';
import { useT } from '../i18n/i18n';
import { CheckField, fieldError, ProblemAlert, TextArea, useSubmission } from '../ui/forms';
import { DraftRestoredNotice, EMPTY_HLA, EMPTY_PERSON, EMPTY_PLACE, hlaBody, HlaFields, hlaOf, personBody, PersonFields, personOf, placeBody, PlaceFields, placeOf, ProfileSaveFooter, useOwnProfile, type HlaValue, type PersonValue, type PlaceValue } from '../ui/profile';
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
  place: EMPTY_PLACE,
  hla: EMPTY_HLA,
  hypertension: false,
  diabetes: false,
  notes: '',
  consent: false,
};

export function DonorProfileForm() {
  const t = useT();
  const form = useRecordDraft<DonorValues>('donor.profile', EMPTY_DONOR);
  const { person, place, hla, hypertension, diabetes, notes, consent } = form.values;
  const { busy, error, submit } = useSubmission();
  const profile = useOwnProfile({
    form,
    read: () => ok(http().GET('/api/v1/donors/me')),
    valuesOf: (p) => ({
      person: personOf(p),
      place: placeOf(p.location),
      hla: hlaOf(p.hla),
      hypertension: p.medicalHistory.hypertension,
      diabetes: p.medicalHistory.diabetes,
      notes: p.medicalHistory.notes ?? '',
      consent: true,
    }),
    empty: EMPTY_DONOR,
    next: '/donor/pledge',
  });

  const save = submit(() =>
    profile.save((headers) => {
      const body = {
        ...personBody(person),
        location: placeBody(place),
        hla: hlaBody(hla),
        medicalHistory: { hypertension, diabetes, notes: notes || null },
        consent,
      };
      return ok(http().PUT('/api/v1/donors/me', { body: asEntered<DonorProfileRequest>(body), params: { header: headers } }));
    }),
  );

  if (profile.loadError) return <LoadError error={profile.loadError} retry={profile.load} />;
  if (profile.loaded === undefined) return <Loading />;
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
        <ProfileSaveFooter saved={profile.saved} busy={busy} />
      </form>
    </section>
  );
}
