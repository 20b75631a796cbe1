// MELD-Na and MELD 3.0 computed in the browser while a liver request is typed, mirroring
// core/src/main/java/org/ramsetu/core/scores/Meld.java (OPTN Policy 9; Kim et al. 2021) and the
// unit conversions of platform/.../registry/common/LabUnits.java. The server's value, computed at
// listing and stored with its formula version, is the authoritative one.
export interface LiverInputs {
  bilirubin: number;
  bilirubinUnit: string;
  inr: number;
  creatinine: number;
  creatinineUnit: string;
  sodium: number;
  albumin?: number;
  albuminUnit?: string;
  dialysedTwiceInPastWeek: boolean;
  female: boolean;
}

export const toMgDlCreatinine = (v: number, unit: string) => (unit === 'mg/dL' ? v : v / 88.4);
export const toMgDlBilirubin = (v: number, unit: string) => (unit === 'mg/dL' ? v : v / 17.1);
export const toGDlAlbumin = (v: number, unit: string) => (unit === 'g/dL' ? v : v / 10);

const clamp = (v: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, v));
const bounded = (meld: number) => Math.max(6, Math.min(40, Math.round(meld)));

/** Java's Math.round: half up, also for negatives. */
const javaRound = (x: number) => Math.floor(x + 0.5);

export function meldNa(i: LiverInputs): number | null {
  if (![i.bilirubin, i.inr, i.creatinine, i.sodium].every((x) => Number.isFinite(x) && x > 0)) return null;
  const bili = Math.max(1, toMgDlBilirubin(i.bilirubin, i.bilirubinUnit));
  const inr = Math.max(1, i.inr);
  const cr = i.dialysedTwiceInPastWeek ? 4 : clamp(toMgDlCreatinine(i.creatinine, i.creatinineUnit), 1, 4);
  const raw = 0.957 * Math.log(cr) + 0.378 * Math.log(bili) + 1.12 * Math.log(inr) + 0.643;
  const meldI = Math.min(40, javaRound(raw * 10));
  let meld = meldI;
  if (meldI > 11) {
    const na = clamp(i.sodium, 125, 137);
    meld = meldI + 1.32 * (137 - na) - 0.033 * meldI * (137 - na);
  }
  return Math.max(6, Math.min(40, javaRound(meld)));
}

export function meld3(i: LiverInputs): number | null {
  if (i.albumin === undefined || !Number.isFinite(i.albumin) || i.albumin <= 0) return null;
  if (![i.bilirubin, i.inr, i.creatinine, i.sodium].every((x) => Number.isFinite(x) && x > 0)) return null;
  const lnBili = Math.log(Math.max(1, toMgDlBilirubin(i.bilirubin, i.bilirubinUnit)));
  const lnInr = Math.log(Math.max(1, i.inr));
  const lnCr = Math.log(i.dialysedTwiceInPastWeek ? 3 : clamp(toMgDlCreatinine(i.creatinine, i.creatinineUnit), 1, 3));
  const naGap = 137 - clamp(i.sodium, 125, 137);
  const albGap = 3.5 - clamp(toGDlAlbumin(i.albumin, i.albuminUnit ?? 'g/dL'), 1.5, 3.5);
  const score =
    1.33 * (i.female ? 1 : 0) +
    4.56 * lnBili +
    0.82 * naGap -
    0.24 * naGap * lnBili +
    9.09 * lnInr +
    11.14 * lnCr +
    1.85 * albGap -
    1.83 * albGap * lnCr +
    6;
  return bounded(score);
}

/**
 * EPTS raw score (OPTN, "A Guide to Calculating and Interpreting the EPTS Score"), mirroring
 * core/src/main/java/org/ramsetu/core/scores/Epts.java: age and years on dialysis with decimals
 * (days / 365.25, as ListingAssessment does). Adults only; the percentile comes from the server's
 * OPTN mapping table.
 */
export function eptsRaw(ageYears: number, diabetes: boolean, priorTransplant: boolean, yearsOnDialysis: number | null): number {
  const dm = diabetes ? 1 : 0;
  const ageTerm = Math.max(ageYears - 25, 0);
  const prior = priorTransplant ? 1 : 0;
  const onDialysis = yearsOnDialysis !== null;
  const lnDialysis = onDialysis ? Math.log(yearsOnDialysis + 1) : 0;
  const notOnDialysis = onDialysis ? 0 : 1;
  return (
    0.047 * ageTerm -
    0.015 * dm * ageTerm +
    0.398 * prior -
    0.237 * dm * prior +
    0.315 * lnDialysis -
    0.099 * dm * lnDialysis +
    0.13 * notOnDialysis -
    0.348 * dm * notOnDialysis +
    1.262 * dm
  );
}

export const yearsBetween = (fromIso: string, to: Date) => (to.getTime() - new Date(fromIso).getTime()) / (365.25 * 86_400_000);
