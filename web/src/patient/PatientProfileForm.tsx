import { asEntered, http, ok } from '../api/client';
import type { PatientProfileRequest } from '../api/types';
import { useRecordDraft } from '../app/drafts';
import { useT } from '../i18n/i18n';
import { fieldError, ProblemAlert, TextField, useSubmission } from '../ui/forms';
import { DraftRestoredNotice, EMPTY_HLA, EMPTY_PERSON, EMPTY_PLACE, hlaBody, HlaFields, hlaOf, personBody, PersonFields, personOf, placeBody, PlaceFields, placeOf, ProfileSaveFooter, splitAntigens, useOwnProfile, type HlaValue, type PersonValue, type PlaceValue } from '../ui/profile';
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
  hla: EMPTY_HLA,
  unacceptable: '',
  hospitalName: '',
  place: EMPTY_PLACE,
};

export function PatientProfileForm() {
  const t = useT();
  const form = useRecordDraft<PatientValues>('patient.profile', EMPTY_PATIENT);
  const { person, hla, unacceptable, hospitalName, place } = form.values;
  const { busy, error, submit } = useSubmission();
  const profile = useOwnProfile({
    form,
    read: () => ok(http().GET('/api/v1/patients/me')),
    valuesOf: (p) => ({
      person: personOf(p),
      hla: hlaOf(p.hla),
      unacceptable: p.unacceptableAntigens.join(', '),
      hospitalName: p.hospital.name,
      place: placeOf(p.hospital),
    }),
    empty: EMPTY_PATIENT,
    next: '/patient/request',
  });

  const save = submit(() =>
    profile.save((headers) => {
      const body = {
        ...personBody(person),
        hla: hlaBody(hla),
        unacceptableAntigens: splitAntigens(unacceptable),
        hospital: { name: hospitalName, ...placeBody(place) },
      };
      return ok(http().PUT('/api/v1/patients/me', { body: asEntered<PatientProfileRequest>(body), params: { header: headers } }));
    }),
  );

  if (profile.loadError) return <LoadError error={profile.loadError} retry={profile.load} />;
  if (profile.loaded === undefined) return <Loading />;
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
        <ProfileSaveFooter saved={profile.saved} busy={busy} />
      </form>
    </section>
  );
}
