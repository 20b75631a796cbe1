import { PortalNav } from '../ui/PortalNav';
import { useT } from '../i18n/i18n';
import { DonorOverview } from './DonorOverview';
import { DonorProfileForm } from './DonorProfileForm';
import { PledgeForm } from './PledgeForm';
import { Documents } from '../ui/Documents';
import { useAsync } from '../ui/status';
import { http, ok } from '../api/client';
import { useEnumLabel } from '../i18n/i18n';

export default function DonorPortal({ path }: { path: string }) {
  const t = useT();
  return (
    <div className="portal">
      <PortalNav
        label={t('donor.nav')}
        items={[
          { to: '/donor', label: t('donor.overview') },
          { to: '/donor/profile', label: t('donor.profile') },
          { to: '/donor/pledge', label: t('donor.newPledge') },
          { to: '/donor/documents', label: t('donor.documents') },
        ]}
      />
      {path === '/donor/profile' ? (
        <DonorProfileForm />
      ) : path === '/donor/pledge' ? (
        <PledgeForm />
      ) : path === '/donor/documents' ? (
        <DonorDocuments />
      ) : (
        <DonorOverview />
      )}
    </div>
  );
}

function DonorDocuments() {
  const label = useEnumLabel();
  const pledges = useAsync((signal) => ok(http().GET('/api/v1/pledges', { signal, params: { query: { limit: 100 } } })), []);
  const links = (pledges.data?.items ?? []).map((p) => ({ id: p.id, label: `${label('organ', p.organ)} · ${label('pledgeStatus', p.status)}` }));
  return <Documents links={links} linkField="pledgeId" />;
}
