import { http, ok } from '../api/client';
import { ORGANS } from '../api/types';
import { useSearchParam } from '../app/router';
import { useEnumLabel, useT } from '../i18n/i18n';
import { SelectField, TextField } from '../ui/forms';
import { PageControls, usePager } from '../ui/Pager';
import { Empty, Loaded, useAsync } from '../ui/status';
import { useMatchDecisions } from './DecisionDialog';
import { MatchesTable } from './MatchesTable';

export function Matches() {
  const t = useT();
  const label = useEnumLabel();
  // Filters live in the address: a reload or a shared link shows the same list.
  const [status, setStatus] = useSearchParam('status', 'PROPOSED');
  const [organ, setOrgan] = useSearchParam('organ');
  const [q, setQ] = useSearchParam('q');
  const pager = usePager(50);
  const list = useAsync(
    (signal) => ok(http().GET('/api/v1/matches', { signal, params: { query: { status: status || undefined, organ: organ || undefined, q: q.trim() || undefined, after: pager.after, limit: pager.size } } })),
    [status, organ, q, pager.after],
  );
  const { buttons, dialog } = useMatchDecisions(() => list.reload());
  return (
    <section>
      <h1>{t('coord.matchesTitle')}</h1>
      <div className="filters">
        <TextField label={t('coord.searchParty')} type="search" value={q} onChange={(e) => pager.filtering(setQ)(e.target.value)} hint={t('coord.searchPatientHint')} />
        <SelectField label={t('common.status')} value={status} onChange={(e) => pager.filtering(setStatus)(e.target.value)} placeholder={t('common.all')} options={['PROPOSED', 'APPROVED', 'DECLINED', 'SUPERSEDED'].map((s) => ({ value: s, label: label('matchStatus', s) }))} />
        <SelectField label={t('pledge.organ')} value={organ} onChange={(e) => pager.filtering(setOrgan)(e.target.value)} placeholder={t('common.all')} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} />
      </div>
      <Loaded state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('coord.noMatches')}</Empty>
          ) : (
            <>
              <PageControls pager={pager} page={page} />
              <MatchesTable
                matches={page.items}
                caption={t('coord.matchesTitle')}
                withOrgan
                actions={buttons}
              />
              <PageControls pager={pager} page={page} />
            </>
          )
        }
      </Loaded>
      {dialog}
    </section>
  );
}
