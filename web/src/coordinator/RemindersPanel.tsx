import { http, ok } from '../api/client';
import { formatDate, formatNumber, useEnumLabel, useT } from '../i18n/i18n';
import { ListTable } from '../ui/ListTable';
import { Loaded, useAsync } from '../ui/status';

// GET /api/v1/reminders and /summary (docs/reminders.md): the same lists as the daily digest mail.
const SHOWN = 10;

/** The dashboard's reminders: counts, then the most overdue items. */
export function RemindersPanel() {
  const t = useT();
  const label = useEnumLabel();
  const state = useAsync(
    async (signal) => {
      const [summary, page] = await Promise.all([
        ok(http().GET('/api/v1/reminders/summary', { signal })),
        ok(http().GET('/api/v1/reminders', { signal, params: { query: { limit: SHOWN } } })),
      ]);
      return { summary, page };
    },
    [],
  );
  return (
    <section aria-labelledby="reminders-title">
      <h2 id="reminders-title">{t('rem.title')}</h2>
      <Loaded state={state}>
        {({ summary, page }) => (
          <>
            <ul className="kpis">
              <li className={summary.listingsPending > 0 ? 'warn' : undefined}>
                <strong>{formatNumber(summary.listingsPending)}</strong>{' '}
                {t('rem.listingsPending', { hours: formatNumber(summary.listingPendingAfterHours, 0) })}
              </li>
              <li className={summary.labsDue > 0 ? 'warn' : undefined}>
                <strong>{formatNumber(summary.labsDue)}</strong>{' '}
                {t('rem.labsDue', { days: formatNumber(summary.labsDueWithinHours / 24, 0) })}
              </li>
              <li className={summary.pledgesPending > 0 ? 'warn' : undefined}>
                <strong>{formatNumber(summary.pledgesPending)}</strong>{' '}
                {t('rem.pledgesPending', { days: formatNumber(summary.pledgePendingAfterHours / 24, 0) })}
              </li>
            </ul>
            <ListTable
              items={page.items}
              empty={t('rem.none')}
              columns={[t('rem.kind'), t('rem.id'), t('pledge.organ'), t('rem.place'), t('rem.due')]}
              row={(r) => (
                <tr key={r.kind + r.id} className={r.overdue ? 'warn' : undefined}>
                  <td>{r.kind === 'LABS_DUE' ? t('rem.kindLabs') : r.kind === 'LISTING_PENDING' ? t('rem.kindListing') : t('rem.kindPledge')}</td>
                  <td>
                    <code>{r.id.slice(0, 8)}</code>
                  </td>
                  <td>
                    {label('organ', r.organ)}
                    {r.meld !== null ? ` · MELD ${r.meld}` : ''}
                  </td>
                  <td>{[r.hospitalName, r.city, r.state].filter(Boolean).join(', ')}</td>
                  <td>
                    {formatDate(r.dueAt)}
                    {r.overdue ? ` (${t('rem.overdue')})` : ''}
                  </td>
                </tr>
              )}
            />
            {page.nextCursor !== null && <p className="muted">{t('rem.more')}</p>}
          </>
        )}
      </Loaded>
    </section>
  );
}
