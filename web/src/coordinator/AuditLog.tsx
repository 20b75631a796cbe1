import { useSearchParam } from '../app/router';
import { http, ok } from '../api/client';
import type { paths } from '../api/schema';
import { formatDate, useT } from '../i18n/i18n';
import { SelectField, TextField } from '../ui/forms';
import { PagedTable, usePager } from '../ui/Pager';
import { Loaded, useAsync } from '../ui/status';

type Outcome = NonNullable<NonNullable<paths['/api/v1/admin/audit']['get']['parameters']['query']>['outcome']>;

/** The audit log, newest first, filtered by (a part of) the action, the outcome and the target; actors by name. */
export function AuditLog() {
  const t = useT();
  // Filters live in the address: a reload or a shared link shows the same list.
  const [action, setAction] = useSearchParam('action');
  const [outcome, setOutcome] = useSearchParam('outcome');
  const [targetType, setTargetType] = useSearchParam('targetType');
  // The log pages by record id (`before`), kept as the pager's cursors.
  const pager = usePager(50);
  const before = pager.after === undefined ? undefined : Number(pager.after);
  const log = useAsync(
    (signal) => ok(http().GET('/api/v1/admin/audit', { signal, params: { query: { action: action.trim() || undefined, outcome: (outcome || undefined) as Outcome | undefined, targetType, before, limit: 50 } } })),
    [action, outcome, targetType, before],
  );
  return (
    <section>
      <h1>{t('audit.title')}</h1>
      <div className="filters">
        <TextField label={t('audit.action')} value={action} placeholder="PLEDGE_VERIFIED, offer" hint={t('audit.actionHint')} onChange={(e) => pager.filtering(setAction)(e.target.value)} />
        <SelectField label={t('audit.outcome')} value={outcome} onChange={(e) => pager.filtering(setOutcome)(e.target.value)} placeholder={t('common.all')} options={['SUCCESS', 'FAILURE', 'DENIED'].map((o) => ({ value: o, label: o }))} />
        <TextField label={t('audit.targetType')} value={targetType} placeholder="pledge" onChange={(e) => pager.filtering(setTargetType)(e.target.value)} />
      </div>
      <Loaded state={log}>
        {(page) => (
          <PagedTable
            page={{ items: page.items, nextCursor: page.nextBefore == null ? null : String(page.nextBefore), total: page.total, totalAtLeast: page.totalAtLeast }}
            pager={pager}
            empty={t('audit.none')}
            caption={t('audit.title')}
            className="audit"
            controls="both"
            columns={[t('common.date'), t('audit.action'), t('audit.outcome'), t('audit.actor'), t('audit.target'), t('audit.detail')]}
            row={(a) => (
              <tr key={a.id}>
                <td>{formatDate(a.occurredAt, true)}</td>
                <td>
                  <code>{a.action}</code>
                </td>
                <td>{a.outcome}</td>
                <td className="small">
                  {a.actorName ?? a.actorRole ?? '—'} {a.actorName && a.actorRole ? `(${a.actorRole})` : null} {a.actorId ? <code>{a.actorId.slice(0, 8)}</code> : null}
                </td>
                <td className="small">
                  {a.targetType} {a.targetId ? <code>{String(a.targetId).slice(0, 8)}</code> : null}
                </td>
                <td className="small detail">{a.detail ? JSON.stringify(a.detail) : ''}</td>
              </tr>
            )}
          />
        )}
      </Loaded>
    </section>
  );
}
