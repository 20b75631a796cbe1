import { match } from '../app/router';
import { DonorRecord, PatientRecord } from './PersonRecords';
import { MatchRecord, PledgeRecord, RequestRecord } from './Records';
import { useT } from '../i18n/i18n';
import { PortalNav } from '../ui/PortalNav';
import { AllocationRunPage } from './AllocationRunPage';
import { AuditLog } from './AuditLog';
import { CentrePage, Centres, NewCentre } from './Centres';
import { Dashboard } from './Dashboard';
import { Directory } from './Directory';
import { DonationCasePage, DonationCases, NewDonationCase } from './DonationCases';
import { Matches } from './Matches';
import { CentreOffers, OfferRecord } from './Offers';
import { MatchRunPage } from './MatchRunPage';
import { Queues } from './Queues';
import { Reports } from './Reports';
import { Reprocessing } from './Reprocessing';
import { Simulation } from './Simulation';
import { VerifiedPledges } from './VerifiedPledges';
import { WaitingRequests } from './WaitingRequests';

export default function CoordinatorConsole({ path }: { path: string }) {
  const t = useT();
  const run = match('/coordinator/runs/:id', path);
  const allocation = match('/coordinator/allocation-runs/:id', path);
  const donationCase = path === '/coordinator/cases/new' ? null : match('/coordinator/cases/:id', path);
  const centre = path === '/coordinator/centres/new' ? null : match('/coordinator/centres/:id', path);
  const request = match('/coordinator/requests/:id', path);
  const pledge = match('/coordinator/pledges/:id', path);
  const donor = match('/coordinator/donors/:id', path);
  const patient = match('/coordinator/patients/:id', path);
  const matchRecord = match('/coordinator/matches/:id', path);
  const offer = match('/coordinator/offers/:id', path);
  return (
    <div className="portal">
      <PortalNav
        label={t('coord.nav')}
        items={[
          { to: '/coordinator', label: t('coord.queues') },
          { to: '/coordinator/requests', label: t('coord.requests') },
          { to: '/coordinator/pledges', label: t('coord.pledges') },
          { to: '/coordinator/matches', label: t('coord.matches') },
          { to: '/coordinator/cases', label: t('coord.cases') },
          { to: '/coordinator/offers', label: t('coord.offers') },
          { to: '/coordinator/centres', label: t('coord.centres') },
          { to: '/coordinator/dashboard', label: t('coord.dashboard') },
          { to: '/coordinator/simulation', label: t('coord.simulation') },
          { to: '/coordinator/directory', label: t('coord.directory') },
          { to: '/coordinator/audit', label: t('coord.audit') },
          { to: '/coordinator/reports', label: t('coord.reports') },
          { to: '/coordinator/reprocessing', label: t('coord.reprocessing') },
        ]}
      />
      {run ? (
        <MatchRunPage id={run.id} />
      ) : allocation ? (
        <AllocationRunPage id={allocation.id} />
      ) : donationCase ? (
        <DonationCasePage id={donationCase.id} />
      ) : path === '/coordinator/cases/new' ? (
        <NewDonationCase />
      ) : path === '/coordinator/offers' ? (
        <CentreOffers />
      ) : path === '/coordinator/cases' ? (
        <DonationCases />
      ) : centre ? (
        <CentrePage id={centre.id} />
      ) : request ? (
        <RequestRecord id={request.id} />
      ) : pledge ? (
        <PledgeRecord id={pledge.id} />
      ) : donor ? (
        <DonorRecord id={donor.id} />
      ) : patient ? (
        <PatientRecord id={patient.id} />
      ) : matchRecord ? (
        <MatchRecord id={matchRecord.id} />
      ) : offer ? (
        <OfferRecord id={offer.id} />
      ) : path === '/coordinator/centres/new' ? (
        <NewCentre />
      ) : path === '/coordinator/centres' ? (
        <Centres />
      ) : path === '/coordinator/requests' ? (
        <WaitingRequests />
      ) : path === '/coordinator/pledges' ? (
        <VerifiedPledges />
      ) : path === '/coordinator/simulation' ? (
        <Simulation />
      ) : path === '/coordinator/matches' ? (
        <Matches />
      ) : path === '/coordinator/dashboard' ? (
        <Dashboard />
      ) : path === '/coordinator/directory' ? (
        <Directory />
      ) : path === '/coordinator/audit' ? (
        <AuditLog />
      ) : path === '/coordinator/reports' ? (
        <Reports />
      ) : path === '/coordinator/reprocessing' ? (
        <Reprocessing />
      ) : (
        <Queues />
      )}
    </div>
  );
}
