import { useState } from 'react';
import { http, ok } from '../api/client';
import { ORGANS } from '../api/types';
import { useSearchParam } from '../app/router';
import { useEnumLabel, useT } from '../i18n/i18n';
import { SelectField } from '../ui/forms';
import { Empty, Loaded, useAsync } from '../ui/status';
import { DecisionDialog, type Decision } from './DecisionDialog';
import { MatchesTable } from './MatchesTable';

export function Matches() {
  const t = useT();
  const label = useEnumLabel();
  // Filters live in the address: a reload or a shared link shows the same list.
  const [status, setStatus] = useSearchParam('status', 'PROPOSED');
  const [organ, setOrgan] = useSearchParam('organ');
  const [after, setAfter] = useState<string | undefined>();
  const [decision, setDecision] = useState<Decision | null>(null);
  const list = useAsync((signal) => ok(http().GET('/api/v1/matches', { signal, params: { query: { status, organ, after, limit: 50 } } })), [status, organ, after]);
  return (
    <section>
      <h1>{t('coord.matchesTitle')}</h1>
      <div className="filters">
        <SelectField label={t('common.status')} value={status} onChange={(e) => { setStatus(e.target.value); setAfter(undefined); }} placeholder={t('common.all')} options={['PROPOSED', 'APPROVED', 'DECLINED', 'SUPERSEDED'].map((s) => ({ value: s, label: label('matchStatus', s) }))} />
        <SelectField label={t('pledge.organ')} value={organ} onChange={(e) => { setOrgan(e.target.value); setAfter(undefined); }} placeholder={t('common.all')} options={ORGANS.map((o) => ({ value: o, label: label('organ', o) }))} />
      </div>
      <Loaded state={list}>
        {(page) =>
          page.items.length === 0 ? (
            <Empty>{t('coord.noMatches')}</Empty>
          ) : (
            <>
              <MatchesTable
                matches={page.items}
                caption={t('coord.matchesTitle')}
                withOrgan
                actions={(m) =>
                  m.status === 'PROPOSED' && (
                    <>
                      <button type="button" className="primary" onClick={() => setDecision({ matchId: m.id, verdict: 'approve', rank: m.rank, runId: m.runId ?? undefined })}>
                        {t('decision.approve')}
                      </button>
                      <button type="button" onClick={() => setDecision({ matchId: m.id, verdict: 'decline', rank: m.rank })}>
                        {t('decision.decline')}
                      </button>
                    </>
                  )
                }
              />
              {page.nextCursor && (
                <button type="button" onClick={() => setAfter(page.nextCursor ?? undefined)}>
                  {t('common.next')}
                </button>
              )}
            </>
          )
        }
      </Loaded>
      <DecisionDialog
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={() => {
          setDecision(null);
          list.reload();
        }}
      />
    </section>
  );
}
