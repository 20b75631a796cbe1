import { useState } from 'react';
import { asEntered, http, ok } from '../api/client';
import { BLOOD_GROUPS, ORGANS, type DonationCase, type OpenDonationCase, type Organ, type RecoveryBody } from '../api/types';
import { useDraft } from '../app/drafts';
import { Link, navigate, useSearchParam } from '../app/router';
import { formatDate, formatNumber, useEnumLabel, useT } from '../i18n/i18n';
import { CheckField, ProblemAlert, SelectField, Submit, TextField, fieldError, useSubmission } from '../ui/forms';
import { organKey } from '../ui/organFields';
import { OrganTestFields, testResults, type TestValues } from '../ui/OrganTests';
import { HlaFields, num, PlaceFields, splitAntigens, type HlaValue, type PlaceValue } from '../ui/profile';
import { PageControls, PagedTable, usePager } from '../ui/Pager';
import { Badge, Empty, Loaded, useAsync } from '../ui/status';
import { useStartRun } from './useRunMatch';
import { Facts } from './runParts';

// The donor record at donation (docs/donation.md): /api/v1/admin/donation-cases.
const CAUSES = ['CEREBROVASCULAR', 'HEAD_TRAUMA', 'ANOXIA', 'CNS_TUMOUR', 'OTHER'];
const SEROLOGY = ['NEGATIVE', 'POSITIVE', 'PENDING'];

/** The coordinators' donation cases, newest first, "n of total", every page reachable. */
export function DonationCases() {
  const t = useT();
  const label = useEnumLabel();
  // Filters live in the address: a reload or a shared link shows the same list.
  const [status, setStatus] = useSearchParam('status');
  const pager = usePager(50);
  const cases = useAsync(
    (signal) =>
      ok(
        http().GET('/api/v1/admin/donation-cases', {
          signal,
          params: { query: { status: status || undefined, after: pager.after, limit: pager.size } },
        }),
      ),
    [status, pager.after],
  );
  return (
    <section>
      <h1>{t('case.title')}</h1>
      <p>{t('case.intro')}</p>
      <p>
        <Link to="/coordinator/cases/new" className="button-link primary">
          {t('case.open')}
        </Link>
      </p>
      <div className="filters">
        <SelectField
          label={t('common.status')}
          value={status}
          onChange={(e) => pager.filtering(setStatus)(e.target.value)}
          placeholder={t('common.all')}
          options={['OPEN', 'RECOVERED'].map((s) => ({ value: s, label: label('case.status', s) }))}
        />
      </div>
      <Loaded state={cases}>
        {(page) => (
          <PagedTable
            page={page}
            pager={pager}
            empty={t('case.none')}
            caption={t('case.title')}
            className="cases"
            columns={[t('case.openedAt'), t('case.donor'), t('case.cause'), 'KDPI', t('case.hospital'), t('common.status')]}
            row={(c) => (
              <tr key={c.id} data-case={c.id}>
                <td>
                  <Link to={`/coordinator/cases/${c.id}`}>{formatDate(c.openedAt, true)}</Link>
                </td>
                <td>{t('case.donorOf', { age: c.record.ageYears ?? '', sex: label('sex', c.record.sex), group: c.record.bloodGroup ?? '' })}</td>
                <td>
                  {label('case.causeOf', c.record.causeOfDeath)} · {c.record.pathway}
                </td>
                <td>{c.kidneyRisk.kdpi == null ? '—' : `${c.kidneyRisk.kdpi} %`}</td>
                <td>{c.record.hospital?.name}</td>
                <td>
                  <Badge value={c.status} label={label('case.status', c.status)} />
                </td>
              </tr>
            )}
          />
        )}
      </Loaded>
    </section>
  );
}

interface RecordForm {
  ageYears: string;
  sex: string;
  heightCm: string;
  weightKg: string;
  bloodGroup: string;
  causeOfDeath: string;
  pathway: string;
  creatinine: string;
  creatinineUnit: string;
  hypertension: boolean;
  diabetes: boolean;
  hcv: string;
  hbv: string;
  hiv: string;
  declaredDeadAt: string;
  hospitalName: string;
  organs: string[];
}

const EMPTY: RecordForm = {
  ageYears: '',
  sex: '',
  heightCm: '',
  weightKg: '',
  bloodGroup: '',
  causeOfDeath: '',
  pathway: '',
  creatinine: '',
  creatinineUnit: 'mg/dL',
  hypertension: false,
  diabetes: false,
  hcv: 'PENDING',
  hbv: 'PENDING',
  hiv: 'PENDING',
  declaredDeadAt: '',
  hospitalName: '',
  organs: [],
};

/** An instant as a datetime-local value on the coordinator's clock, to the minute. */
function localInput(iso: string | null | undefined): string {
  if (!iso) return '';
  const at = new Date(iso);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${at.getFullYear()}-${pad(at.getMonth() + 1)}-${pad(at.getDate())}T${pad(at.getHours())}:${pad(at.getMinutes())}`;
}

/** A datetime-local value (the coordinator's clock) as an instant. */
function instant(local: string): string | null {
  if (!local) return null;
  const at = new Date(local);
  return Number.isNaN(at.getTime()) ? local : at.toISOString();
}

/** Opens a case: consent (a verified pledge or the family's) and the whole donor record. */
export function NewDonationCase() {
  const t = useT();
  const label = useEnumLabel();
  // A donor record entered at a bedside survives a session that ends before it is sent.
  const [draft, setDraft, forgetDraft] = useDraft('new-donation-case', {
    consent: 'FAMILY',
    pledgeId: '',
    form: EMPTY,
    hla: { a: '', b: '', dr: '' } as HlaValue,
    place: { city: '', state: '', latitude: '', longitude: '' } as PlaceValue,
  });
  const { consent, pledgeId, form, hla, place } = draft;
  const setConsent = (value: string) => setDraft({ ...draft, consent: value });
  const setPledgeId = (value: string) => setDraft({ ...draft, pledgeId: value });
  const setForm = (value: RecordForm) => setDraft({ ...draft, form: value });
  const setHla = (value: HlaValue) => setDraft({ ...draft, hla: value });
  const setPlace = (value: PlaceValue) => setDraft({ ...draft, place: value });
  const { busy, error, submit } = useSubmission();
  const err = (f: string) => fieldError(error, f);
  const rec = (f: string) => err(`record.${f}`);
  const set = (field: keyof RecordForm) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  const open = submit(async () => {
    const opened = await ok(
      http().POST('/api/v1/admin/donation-cases', {
        body: asEntered<OpenDonationCase>({
          consent,
          pledgeId: consent === 'PLEDGE' ? pledgeId.trim() || null : null,
          record: {
            ageYears: num(form.ageYears),
            sex: form.sex || null,
            heightCm: num(form.heightCm),
            weightKg: num(form.weightKg),
            bloodGroup: form.bloodGroup || null,
            hla: { a: splitAntigens(hla.a), b: splitAntigens(hla.b), dr: splitAntigens(hla.dr) },
            causeOfDeath: form.causeOfDeath || null,
            pathway: form.pathway || null,
            terminalCreatinine: form.creatinine.trim() ? { value: num(form.creatinine), unit: form.creatinineUnit } : null,
            hypertension: form.hypertension,
            diabetes: form.diabetes,
            serology: { hcv: form.hcv, hbv: form.hbv, hiv: form.hiv },
            declaredDeadAt: instant(form.declaredDeadAt),
            hospital: { name: form.hospitalName, city: place.city, state: place.state, latitude: num(place.latitude), longitude: num(place.longitude) },
            organsConsented: form.organs,
          },
        }),
      }),
    );
    forgetDraft();
    navigate(`/coordinator/cases/${opened.id}`);
  });

  return (
    <section>
      <h1>{t('case.open')}</h1>
      <p>{t('case.openIntro')}</p>
      <form noValidate onSubmit={open}>
        <fieldset className="field-group">
          <legend>{t('case.consent')}</legend>
          <div className="grid">
            <SelectField
              label={t('case.consentBasis')}
              value={consent}
              onChange={(e) => setConsent(e.target.value)}
              options={['FAMILY', 'PLEDGE'].map((c) => ({ value: c, label: label('case.consentOf', c) }))}
              error={err('consent')}
            />
            {consent === 'PLEDGE' && <TextField label={t('case.pledgeId')} value={pledgeId} onChange={(e) => setPledgeId(e.target.value)} error={err('pledgeId')} required />}
          </div>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t('case.donorFacts')}</legend>
          <div className="grid">
            <TextField label={t('case.age')} inputMode="numeric" unit={t('case.years')} value={form.ageYears} onChange={set('ageYears')} error={rec('ageYears')} hint={t('case.ageHint')} required />
            <SelectField label={t('profile.sex')} value={form.sex} onChange={set('sex')} placeholder={t('common.choose')} options={['FEMALE', 'MALE'].map((s) => ({ value: s, label: label('sex', s) }))} error={rec('sex')} required />
            <TextField label={t('profile.height')} inputMode="decimal" unit="cm" value={form.heightCm} onChange={set('heightCm')} error={rec('heightCm')} required />
            <TextField label={t('profile.weight')} inputMode="decimal" unit="kg" value={form.weightKg} onChange={set('weightKg')} error={rec('weightKg')} required />
            <SelectField label={t('profile.bloodGroup')} value={form.bloodGroup} onChange={set('bloodGroup')} placeholder={t('common.choose')} options={BLOOD_GROUPS.map((g) => ({ value: g, label: g }))} error={rec('bloodGroup')} required />
          </div>
        </fieldset>
        <HlaFields value={hla} onChange={setHla} errorOf={(f) => rec(f)} />
        <fieldset className="field-group">
          <legend>{t('case.death')}</legend>
          <div className="grid">
            <SelectField label={t('case.cause')} value={form.causeOfDeath} onChange={set('causeOfDeath')} placeholder={t('common.choose')} options={CAUSES.map((c) => ({ value: c, label: label('case.causeOf', c) }))} error={rec('causeOfDeath')} required />
            <SelectField label={t('case.pathway')} value={form.pathway} onChange={set('pathway')} placeholder={t('common.choose')} options={['DBD', 'DCD'].map((p) => ({ value: p, label: label('case.pathwayOf', p) }))} error={rec('pathway')} required />
            <TextField label={t('case.declaredDeadAt')} type="datetime-local" value={form.declaredDeadAt} onChange={set('declaredDeadAt')} error={rec('declaredDeadAt')} required />
          </div>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t('case.clinical')}</legend>
          <div className="grid">
            <TextField label={t('case.creatinine')} inputMode="decimal" value={form.creatinine} onChange={set('creatinine')} error={rec('terminalCreatinine') ?? rec('terminalCreatinine.value')} hint={t('case.creatinineHint')} required />
            <SelectField label={t('case.unit')} value={form.creatinineUnit} onChange={set('creatinineUnit')} options={['mg/dL', 'µmol/L'].map((u) => ({ value: u, label: u }))} error={rec('terminalCreatinine.unit')} />
            <CheckField label={t('case.hypertension')} checked={form.hypertension} onChange={(e) => setForm({ ...form, hypertension: e.target.checked })} />
            <CheckField label={t('case.diabetes')} checked={form.diabetes} onChange={(e) => setForm({ ...form, diabetes: e.target.checked })} />
            {(
              [
                ['hcv', t('case.hcv')],
                ['hbv', t('case.hbv')],
                ['hiv', t('case.hiv')],
              ] as const
            ).map(([s, name]) => (
              <SelectField key={s} label={name} value={form[s]} onChange={set(s)} options={SEROLOGY.map((r) => ({ value: r, label: label('case.serologyOf', r) }))} error={rec(`serology.${s}`)} />
            ))}
          </div>
        </fieldset>
        <fieldset className="field-group">
          <legend>{t('case.hospital')}</legend>
          <TextField label={t('patient.hospitalName')} value={form.hospitalName} onChange={set('hospitalName')} error={rec('hospital.name') ?? rec('hospital')} required />
          <PlaceFields value={place} onChange={setPlace} errorOf={(f) => rec(f)} prefix="hospital" />
        </fieldset>
        <fieldset className="field-group">
          <legend>{t('case.organsConsented')}</legend>
          {rec('organsConsented') && <p className="field-error">{rec('organsConsented')}</p>}
          {ORGANS.map((o) => (
            <CheckField
              key={o}
              label={label('organ', o)}
              checked={form.organs.includes(o)}
              onChange={(e) => setForm({ ...form, organs: e.target.checked ? [...form.organs, o] : form.organs.filter((x) => x !== o) })}
            />
          ))}
        </fieldset>
        <ProblemAlert error={error} shownFields={['consent', 'pledgeId', 'record']} />
        <p>
          <Submit busy={busy}>{t('case.openSubmit')}</Submit>
        </p>
      </form>
    </section>
  );
}

/** One case: the record, its KDRI/KDPI with the factors they came from, and the recovery. */
export function DonationCasePage({ id }: { id: string }) {
  const t = useT();
  const state = useAsync((signal) => ok(http().GET('/api/v1/admin/donation-cases/{id}', { signal, params: { path: { id } } })), [id]);
  return (
    <section>
      <h1>{t('case.one')}</h1>
      <p>
        <Link to="/coordinator/cases">{t('case.back')}</Link>
      </p>
      <Loaded state={state}>{(c) => <CaseDetail key={c.version} value={c} onChanged={state.reload} />}</Loaded>
    </section>
  );
}

function CaseDetail({ value: c, onChanged }: { value: DonationCase; onChanged: () => void }) {
  const t = useT();
  const label = useEnumLabel();
  const r = c.record;
  const risk = c.kidneyRisk;
  const yes = (b: boolean | null | undefined) => (b ? t('case.yes') : t('case.no'));
  return (
    <>
      <Facts
        items={[
          [t('common.status'), <Badge key="status" value={c.status} label={label('case.status', c.status)} />],
          [t('case.consentBasis'), label('case.consentOf', c.consent)],
          [t('case.donor'), t('case.donorOf', { age: r.ageYears ?? '', sex: label('sex', r.sex), group: r.bloodGroup ?? '' })],
          [t('case.body'), `${formatNumber(r.heightCm, 1)} cm · ${formatNumber(r.weightKg, 1)} kg`],
          ['HLA', [...(r.hla?.a ?? []), ...(r.hla?.b ?? []), ...(r.hla?.dr ?? [])].join(' ')],
          [t('case.death'), `${label('case.causeOf', r.causeOfDeath)} · ${label('case.pathwayOf', r.pathway)} · ${formatDate(r.declaredDeadAt, true)}`],
          [t('case.creatinine'), `${formatNumber(r.terminalCreatinine?.value, 2)} ${r.terminalCreatinine?.unit ?? ''}`],
          [
            t('case.serology'),
            `HCV ${label('case.serologyOf', r.serology?.hcv)} · HBsAg ${label('case.serologyOf', r.serology?.hbv)} · HIV ${label('case.serologyOf', r.serology?.hiv)}`,
          ],
          [t('case.hospital'), `${r.hospital?.name ?? ''}, ${r.hospital?.city ?? ''}`],
          [t('case.organsConsented'), (r.organsConsented ?? []).map((o) => label('organ', o)).join(', ')],
          [
            t('case.organsRecovered'),
            c.organsRecovered
              ? `${c.organsRecovered.map((o) => label('organ', o)).join(', ') || t('case.noneRecovered')} · ${t('case.crossClampAt')} ${formatDate(c.crossClampAt, true)}`
              : t('case.notYet'),
          ],
        ]}
      />
      <h2>{t('case.kidneyRisk')}</h2>
      {risk.kdpi == null ? (
        <p className="kidney-risk" data-kdpi="">
          {t('case.kdpiUnknown', { why: risk.unknownBecause ?? '' })}
        </p>
      ) : (
        <>
          <p className="kidney-risk" data-kdpi={risk.kdpi}>
            {t('case.kdpiIs', { kdpi: risk.kdpi, kdri: formatNumber(risk.kdri, 3) })}
          </p>
          <p className="hint">{t('case.kdpiMeaning')}</p>
          {risk.factors && (
            <div className="table-wrap">
              <table className="factors">
                <caption>{t('case.factors', { version: risk.formulaVersion, table: risk.tableVersion ?? '' })}</caption>
                <tbody>
                  <tr>
                    <th scope="row">{t('case.age')}</th>
                    <td>{risk.factors.ageYears}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('profile.height')}</th>
                    <td>{formatNumber(risk.factors.heightCm, 1)} cm</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('profile.weight')}</th>
                    <td>{formatNumber(risk.factors.weightKg, 1)} kg</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('case.hypertension')}</th>
                    <td>{yes(risk.factors.hypertension)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('case.diabetes')}</th>
                    <td>{yes(risk.factors.diabetes)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('case.strokeDeath')}</th>
                    <td>{yes(risk.factors.causeOfDeathCva)}</td>
                  </tr>
                  <tr>
                    <th scope="row">{t('case.creatinine')}</th>
                    <td>{formatNumber(risk.factors.creatinineMgDl, 2)} mg/dL</td>
                  </tr>
                  <tr>
                    <th scope="row">DCD</th>
                    <td>{yes(risk.factors.dcd)}</td>
                  </tr>
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
      <Recovery value={c} onChanged={onChanged} />
      <CaseAllocation value={c} />
    </>
  );
}

/** Allocation of each recovered organ: start a run, and the case's runs so far. */
function CaseAllocation({ value: c }: { value: DonationCase }) {
  const t = useT();
  const label = useEnumLabel();
  const { running, error, start } = useStartRun();
  const pager = usePager(20);
  const runs = useAsync(
    (signal) => ok(http().GET('/api/v1/admin/allocation-runs', { signal, params: { query: { caseId: c.id, after: pager.after, limit: pager.size } } })),
    [c.id, pager.after],
  );
  const allocate = (organ: string) =>
    start(
      organ,
      (key) => ok(http().POST('/api/v1/admin/donation-cases/{id}/allocation-runs', { params: { path: { id: c.id }, header: { 'Idempotency-Key': key } }, body: { organ } })),
      (runId) => `/coordinator/allocation-runs/${runId}`,
    );
  if (!c.organsRecovered || c.organsRecovered.length === 0) return null;
  return (
    <section className="case-allocation">
      <h2>{t('case.allocation')}</h2>
      <p className="hint">{t('case.allocationHint')}</p>
      <p>
        {c.organsRecovered.map((o) => (
          <button key={o} type="button" className="primary" disabled={running !== null} aria-busy={running === o} onClick={() => void allocate(o)}>
            {t('case.allocate', { organ: label('organ', o) })}
          </button>
        ))}
      </p>
      <ProblemAlert error={error} shownFields={[]} />
      <Loaded state={runs}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('case.noRuns')}</Empty>
          ) : (
            <>
              <ul className="plain">
                {page.items.map((r) => (
                  <li key={r.id}>
                    <Link to={`/coordinator/allocation-runs/${r.id}`}>
                      {label('organ', r.organ)} · {formatDate(r.createdAt, true)}
                    </Link>{' '}
                    {t('case.runCounts', { ranked: formatNumber(r.candidateCount), excluded: formatNumber(r.excludedCount) })}
                    {r.degraded && <> · {t('case.runDegraded')}</>}
                  </li>
                ))}
              </ul>
              <PageControls pager={pager} page={page} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function Recovery({ value: c, onChanged }: { value: DonationCase; onChanged: () => void }) {
  const t = useT();
  const label = useEnumLabel();
  const [organs, setOrgans] = useState<string[]>(c.organsRecovered ?? []);
  const [assessments, setAssessments] = useState<Partial<Record<Organ, TestValues>>>({});
  const [clamp, setClamp] = useState(localInput(c.crossClampAt));
  const { busy, error, submit } = useSubmission();
  const record = submit(async () => {
    await ok(
      http().POST('/api/v1/admin/donation-cases/{id}/recovery', {
        params: { path: { id: c.id } },
        body: asEntered<RecoveryBody>({
          organsRecovered: organs,
          crossClampAt: instant(clamp),
          assessments: Object.fromEntries(organs.map((o) => [organKey(o as Organ), testResults(o as Organ, assessments[o as Organ] ?? {})])),
          version: c.version,
        }),
      }),
    );
    onChanged();
  });
  return (
    <form className="recovery" noValidate onSubmit={record}>
      <h2>{t('case.recovery')}</h2>
      <p className="hint">{t('case.recoveryHint')}</p>
      <fieldset className="field-group">
        <legend>{t('case.organsRecovered')}</legend>
        {fieldError(error, 'organsRecovered') && <p className="field-error">{fieldError(error, 'organsRecovered')}</p>}
        {(c.record.organsConsented ?? []).map((o) => (
          <CheckField key={o} label={label('organ', o)} checked={organs.includes(o)} onChange={(e) => setOrgans(e.target.checked ? [...organs, o] : organs.filter((x) => x !== o))} />
        ))}
      </fieldset>
      <TextField label={t('case.crossClampAt')} type="datetime-local" value={clamp} onChange={(e) => setClamp(e.target.value)} error={fieldError(error, 'crossClampAt')} required />
      {organs.map((o) => (
        <fieldset key={o} className="field-group">
          <legend>{t('case.assessment', { organ: label('organ', o) })}</legend>
          <OrganTestFields
            organ={o as Organ}
            values={assessments[o as Organ] ?? {}}
            onChange={(v) => setAssessments({ ...assessments, [o]: v })}
            errorOf={(f) => fieldError(error, f)}
            prefix={`assessments.${organKey(o as Organ)}`}
          />
        </fieldset>
      ))}
      <ProblemAlert error={error} shownFields={['organsRecovered', 'crossClampAt', 'assessments']} />
      <p>
        <Submit busy={busy}>{t('case.recordRecovery')}</Submit>
      </p>
    </form>
  );
}
