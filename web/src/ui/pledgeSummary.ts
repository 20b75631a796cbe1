import type { Pledge } from '../api/types';
import { formatNumber, type Key } from '../i18n/i18n';

/** The pledge's reported test results in one line, e.g. "Creatinine 0.9 mg/dL · Renal function Normal". */
export function pledgeSummary(
  p: Pledge,
  label: (group: string, value: string) => string,
  t: (key: Key) => string,
): string {
  const tests = p.kidney ?? p.liver ?? p.heart ?? p.cornea ?? {};
  return Object.entries(tests)
    .map(([k, v]) => {
      const name = t(`field.${k}` as Key);
      if (v && typeof v === 'object' && 'value' in (v as object)) {
        const m = v as { value: number; unit: string };
        return `${name} ${formatNumber(m.value, 2)} ${m.unit}`;
      }
      return `${name} ${typeof v === 'number' ? formatNumber(v, 2) : label('value', String(v))}`;
    })
    .join(' · ');
}
