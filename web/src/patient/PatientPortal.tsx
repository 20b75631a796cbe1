import { http, ok } from '../api/client';
import { match } from '../app/router';
import { useEnumLabel, useT } from '../i18n/i18n';
import { Documents } from '../ui/Documents';
import { PortalNav } from '../ui/PortalNav';
import { Loaded, useAsync } from '../ui/status';
import { PatientOverview } from './PatientOverview';
import { PatientProfileForm } from './PatientProfileForm';
import { RequestForm } from './RequestForm';

export default function PatientPortal({ path }: { path: string }) {
  const t = useT();
  const values = match('/patient/requests/:id/values', path);
  return (
    <div className="portal">
      <PortalNav
        label={t('patient.nav')}
        items={[
          { to: '/patient', label: t('patient.overview') },
          { to: '/patient/profile', label: t('patient.profile') },
          { to: '/patient/request', label: t('patient.newRequest') },
          { to: '/patient/documents', label: t('patient.documents') },
        ]}
      />
      {path === '/patient/profile' ? (
        <PatientProfileForm />
      ) : path === '/patient/request' ? (
        <RequestForm />
      ) : path === '/patient/documents' ? (
        <PatientDocuments />
      ) : values ? (
        <RequestValues id={values.id} />
      ) : (
        <PatientOverview />
      )}
    </div>
  );
}

/** The clinical values of one of the patient's requests, to bring up to date. */
function RequestValues({ id }: { id: string }) {
  const request = useAsync((signal) => ok(http().GET('/api/v1/transplant-requests/{id}', { signal, params: { path: { id } } })), [id]);
  return <Loaded state={request}>{(r) => <RequestForm editing={r} />}</Loaded>;
}

function PatientDocuments() {
  const label = useEnumLabel();
  const requests = useAsync((signal) => ok(http().GET('/api/v1/transplant-requests', { signal, params: { query: { limit: 100 } } })), []);
  const links = (requests.data?.items ?? []).map((r) => ({ id: r.id, label: `${label('organ', r.organ)} · ${label('requestStatus', r.status)}` }));
  return <Documents links={links} linkField="requestId" />;
}
