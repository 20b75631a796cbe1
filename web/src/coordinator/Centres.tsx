import { useState } from 'react';
import { asEntered, http, ok } from '../api/client';
import { ORGANS, type Centre, type CentreBody, type Organ } from '../api/types';
import { Link, navigate, useSearchParam } from '../app/router';
import { formatNumber, useEnumLabel, useT } from '../i18n/i18n';
import { CheckField, ProblemAlert, SelectField, Submit, TextField, fieldError, useSubmission } from '../ui/forms';
import { EMPTY_PLACE, placeBody, PlaceFields, placeOf, type PlaceValue } from '../ui/profile';
import { PagedTable, usePager } from '../ui/Pager';
import { Empty, Loaded, useAsync } from '../ui/status';

// The register of transplant centres (docs/centres.md): /api/v1/admin/centres.

/** Every coordinator's view of the register: search, filters, "n of total", every page reachable. */
export function Centres() {
  const t = useT();
  const label = useEnumLabel();
  // Filters live in the address: a reload or a shared link shows the same list.
  const [q, setQ] = useSearchParam('q');
  const [organ, setOrgan] = useSearchParam('organ');
  const pager = usePager(50);
  const centres = useAsync(
    (signal) =>
      ok(
        http().GET('/api/v1/admin/centres', {
          signal,
          params: { query: { q: q.trim() || undefined, organ: organ || undefined, after: pager.after, limit: pager.size } },
        }),
      ),
    [q, organ, pager.after],
  );
  return (
    <section>
      <h1>{t('centre.title')}</h1>
      <p>{t('centre.intro')}</p>
      <p>
        <Link to="/coordinator/centres/new" className="button-link primary">
          {t('centre.register')}
        </Link>
      </p>
      <div className="filters">
        <TextField
          label={t('centre.search')}
          type="search"
          value={q}
          onChange={(e) => pager.filtering(setQ)(e.target.value)}
          hint={t('centre.searchHint')}
        />
        <SelectField
          label={t('centre.programme')}
          value={organ}
          onChange={(e) => pager.filtering(setOrgan)(e.target.value)}
          placeholder={t('common.all')}
          options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))}
        />
      </div>
      <Loaded state={centres}>
        {(page) => (
          <PagedTable
            page={page}
            pager={pager}
            empty={t('centre.none')}
            caption={t('centre.title')}
            className="centres"
            columns={[t('centre.name'), t('centre.registration'), t('centre.place'), t('centre.programmes'), t('centre.coordinators')]}
            row={(c) => (
              <tr key={c.id} data-centre={c.id}>
                <td>
                  <Link to={`/coordinator/centres/${c.id}`}>{c.name}</Link>
                </td>
                <td>{c.registrationNumber}</td>
                <td>
                  {c.city}, {c.state}
                </td>
                <td>{c.programmes.map((o) => label('organ', o)).join(', ')}</td>
                <td>{formatNumber(c.coordinators)}</td>
              </tr>
            )}
          />
        )}
      </Loaded>
    </section>
  );
}

interface CentreForm {
  name: string;
  registrationNumber: string;
  place: PlaceValue;
  programmes: Organ[];
}

const EMPTY: CentreForm = { name: '', registrationNumber: '', place: EMPTY_PLACE, programmes: [] };

function formOf(c: Centre): CentreForm {
  return {
    name: c.name,
    registrationNumber: c.registrationNumber,
    place: placeOf(c),
    programmes: c.programmes as Organ[],
  };
}

function bodyOf(form: CentreForm, version?: number): CentreBody {
  return asEntered<CentreBody>({
    name: form.name,
    registrationNumber: form.registrationNumber,
    ...placeBody(form.place),
    programmes: form.programmes,
    version: version ?? null,
  });
}

/** The centre's fields, the same for registering and correcting; answers come back by field. */
function CentreFields({ form, onChange, error }: { form: CentreForm; onChange: (f: CentreForm) => void; error: unknown }) {
  const t = useT();
  const label = useEnumLabel();
  const err = (f: string) => fieldError(error, f);
  return (
    <>
      <div className="grid">
        <TextField label={t('centre.name')} value={form.name} onChange={(e) => onChange({ ...form, name: e.target.value })} error={err('name')} required />
        <TextField
          label={t('centre.registration')}
          value={form.registrationNumber}
          onChange={(e) => onChange({ ...form, registrationNumber: e.target.value })}
          error={err('registrationNumber')}
          hint={t('centre.registrationHint')}
          required
        />
      </div>
      <PlaceFields value={form.place} onChange={(place) => onChange({ ...form, place })} errorOf={(f) => err(f.slice(f.indexOf('.') + 1))} prefix="centre" />
      <p className="hint">{t('centre.coordinatesHint')}</p>
      <fieldset className="field-group">
        <legend>{t('centre.programmes')}</legend>
        {err('programmes') && <p className="field-error">{err('programmes')}</p>}
        {ORGANS.map((o) => (
          <CheckField
            key={o}
            label={label('organ', o)}
            checked={form.programmes.includes(o)}
            onChange={(e) => onChange({ ...form, programmes: e.target.checked ? [...form.programmes, o] : form.programmes.filter((x) => x !== o) })}
          />
        ))}
      </fieldset>
    </>
  );
}

/** Registers a centre (administrators only; anyone else is told so by the answer). */
export function NewCentre() {
  const t = useT();
  const [form, setForm] = useState<CentreForm>(EMPTY);
  const { busy, error, submit } = useSubmission();

  return (
    <section>
      <h1>{t('centre.register')}</h1>
      <p>{t('centre.registerIntro')}</p>
      <form
        noValidate
        onSubmit={submit(async () => {
          const created = await ok(http().POST('/api/v1/admin/centres', { body: bodyOf(form) }));
          navigate(`/coordinator/centres/${created.id}`);
        })}
      >
        <CentreFields form={form} onChange={setForm} error={error} />
        <ProblemAlert error={error} shownFields={['name', 'registrationNumber', 'city', 'state', 'latitude', 'longitude', 'programmes']} />
        <p>
          <Submit busy={busy}>{t('centre.registerSubmit')}</Submit>
        </p>
      </form>
    </section>
  );
}

/** One centre: what the register says (correctable by an administrator) and who works there. */
export function CentrePage({ id }: { id: string }) {
  const t = useT();
  const state = useAsync((signal) => ok(http().GET('/api/v1/admin/centres/{id}', { signal, params: { path: { id } } })), [id]);
  return (
    <section>
      <p>
        <Link to="/coordinator/centres">{t('centre.back')}</Link>
      </p>
      <Loaded state={state}>{(c) => <CentreDetails key={c.version} centre={c} onChanged={state.setData} />}</Loaded>
    </section>
  );
}

function CentreDetails({ centre, onChanged }: { centre: Centre; onChanged: (c: Centre) => void }) {
  const t = useT();
  const [form, setForm] = useState<CentreForm>(formOf(centre));
  const { busy, error, submit } = useSubmission();
  const [saved, setSaved] = useState(false);

  return (
    <>
      <h1>{centre.name}</h1>
      <p>
        {centre.registrationNumber} · {centre.city}, {centre.state}
      </p>
      <CentreCoordinators centre={centre} />
      <h2>{t('centre.correct')}</h2>
      <form
        noValidate
        onSubmit={submit(async () => {
          setSaved(false);
          const amended = await ok(http().PUT('/api/v1/admin/centres/{id}', { params: { path: { id: centre.id } }, body: bodyOf(form, centre.version) }));
          setSaved(true);
          onChanged(amended);
        })}
      >
        <CentreFields form={form} onChange={setForm} error={error} />
        <ProblemAlert error={error} shownFields={['name', 'registrationNumber', 'city', 'state', 'latitude', 'longitude', 'programmes']} />
        {saved && <p role="status">{t('centre.saved')}</p>}
        <p>
          <Submit busy={busy}>{t('centre.correctSubmit')}</Submit>
        </p>
      </form>
    </>
  );
}

function CentreCoordinators({ centre }: { centre: Centre }) {
  const t = useT();
  const list = useAsync((signal) => ok(http().GET('/api/v1/admin/centres/{id}/coordinators', { signal, params: { path: { id: centre.id } } })), [centre.id]);
  const [email, setEmail] = useState('');
  const { busy, error, submit, clear, fail } = useSubmission();

  const assign = submit(async () => {
    list.setData(await ok(http().POST('/api/v1/admin/centres/{id}/coordinators', { params: { path: { id: centre.id } }, body: { email } })));
    setEmail('');
  });

  // Unassigning does not make the form busy; its refusal shows in the form's alert.
  const remove = async (accountId: string) => {
    clear();
    try {
      await ok(http().DELETE('/api/v1/admin/centres/{id}/coordinators/{accountId}', { params: { path: { id: centre.id, accountId } } }));
      list.reload();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <>
      <h2>{t('centre.coordinators')}</h2>
      <Loaded state={list}>
        {(people) =>
          people.length === 0 ? (
            <Empty>{t('centre.noCoordinators')}</Empty>
          ) : (
            <ul className="plain">
              {people.map((p) => (
                <li key={p.accountId} data-coordinator={p.accountId}>
                  {p.fullName} ({p.email}){' '}
                  <button type="button" onClick={() => void remove(p.accountId)}>
                    {t('centre.unassign', { name: p.fullName })}
                  </button>
                </li>
              ))}
            </ul>
          )
        }
      </Loaded>
      <form noValidate onSubmit={assign}>
        <TextField label={t('centre.assignEmail')} type="email" value={email} onChange={(e) => setEmail(e.target.value)} error={fieldError(error, 'email')} hint={t('centre.assignHint')} />
        <ProblemAlert error={error} shownFields={['email']} />
        <p>
          <Submit busy={busy}>{t('centre.assign')}</Submit>
        </p>
      </form>
    </>
  );
}
