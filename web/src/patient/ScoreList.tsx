import type { Scores } from '../api/types';
import { formatNumber, useT } from '../i18n/i18n';

/** The scores the server computed at listing, each with its formula version. */
export function ScoreList({ scores }: { scores: Scores }) {
  const t = useT();
  const rows: [string, string, string][] = [];
  if (scores.meldNa) rows.push(['MELD-Na', String(scores.meldNa.score), scores.meldNa.formulaVersion]);
  if (scores.meld3) rows.push(['MELD 3.0', String(scores.meld3.score), scores.meld3.formulaVersion]);
  if (scores.epts) rows.push([t('score.epts'), `${formatNumber(scores.epts.percentile)} % (${formatNumber(scores.epts.raw, 2)})`, `${scores.epts.formulaVersion} · ${scores.epts.tableVersion}`]);
  if (scores.heartStatus) rows.push([t('score.heartStatus'), String(scores.heartStatus.tier), scores.heartStatus.formulaVersion]);
  if (!rows.length && !scores.notes?.length) return null;
  return (
    <>
      <dl className="scores">
        {rows.map(([name, value, version]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>
              <strong>{value}</strong> <small className="muted">{version}</small>
            </dd>
          </div>
        ))}
      </dl>
      {scores.notes?.map((n) => (
        <p key={n} className="hint">
          {n}
        </p>
      ))}
    </>
  );
}
