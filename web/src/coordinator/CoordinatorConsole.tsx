import { match } from '../app/router';
import { useT } from '../i18n/i18n';
import { PortalNav } from '../ui/PortalNav';
import { AuditLog } from './AuditLog';
import { Dashboard } from './Dashboard';
import { Directory } from './Directory';
import { Matches } from './Matches';
import { MatchRunPage } from './MatchRunPage';
import { Queues } from './Queues';
import { WaitingRequests } from './WaitingRequests';

export default function CoordinatorConsole({ path }: { path: string }) {
  const t = useT();
  const run = match('/coordinator/runs/:id', path);
  return (
    <div className="portal">
      <PortalNav
        label={t('coord.nav')}
        items={[
          { to: '/coordinator', label: t('coord.queues') },
          { to: '/coordinator/requests', label: t('coord.requests') },
          { to: '/coordinator/matches', label: t('coord.matches') },
          { to: '/coordinator/dashboard', label: t('coord.dashboard') },
          { to: '/coordinator/directory', label: t('coord.directory') },
          { to: '/coordinator/audit', label: t('coord.audit') },
        ]}
      />
      {run ? (
        <MatchRunPage id={run.id} />
      ) : path === '/coordinator/requests' ? (
        <WaitingRequests />
      ) : path === '/coordinator/matches' ? (
        <Matches />
      ) : path === '/coordinator/dashboard' ? (
        <Dashboard />
      ) : path === '/coordinator/directory' ? (
        <Directory />
      ) : path === '/coordinator/audit' ? (
        <AuditLog />
      ) : (
        <Queues />
      )}
    </div>
  );
}
