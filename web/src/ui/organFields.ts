import type { Organ } from '../api/types';

// The typed test results of a pledge per organ, as the registry API defines them
// (platform/.../registry/pledges/*TestResults.java, docs/registry.md "Input rules").
export type FieldSpec =
  | { name: string; kind: 'measurement'; units: string[] }
  | { name: string; kind: 'number'; unit?: string; step?: string }
  | { name: string; kind: 'enum'; options: string[] };

const FUNCTION = ['NORMAL', 'MILD_IMPAIRMENT', 'OTHER'];
const IMAGING = ['NORMAL', 'MINOR_ABNORMALITY', 'SIGNIFICANT_ABNORMALITY'];
const VIRAL = ['NEGATIVE', 'POSITIVE', 'UNKNOWN'];
const RISK = ['GOOD', 'AVERAGE', 'POOR'];

export const PLEDGE_FIELDS: Record<Organ, FieldSpec[]> = {
  KIDNEY: [
    { name: 'creatinine', kind: 'measurement', units: ['mg/dL', 'µmol/L'] },
    { name: 'renalFunction', kind: 'enum', options: FUNCTION },
    { name: 'imaging', kind: 'enum', options: IMAGING },
    { name: 'cardiacRisk', kind: 'enum', options: RISK },
  ],
  LIVER: [
    { name: 'bilirubin', kind: 'measurement', units: ['mg/dL', 'µmol/L'] },
    { name: 'inr', kind: 'number', step: '0.1' },
    { name: 'liverFunction', kind: 'enum', options: FUNCTION },
    { name: 'imaging', kind: 'enum', options: IMAGING },
    { name: 'viral', kind: 'enum', options: VIRAL },
  ],
  HEART: [
    { name: 'lvef', kind: 'number', unit: '%' },
    { name: 'echo', kind: 'enum', options: ['NORMAL', 'ABNORMAL'] },
    { name: 'angiography', kind: 'enum', options: ['NO_BLOCKAGE', 'BLOCKAGE'] },
    { name: 'viral', kind: 'enum', options: VIRAL },
    { name: 'cardiacRisk', kind: 'enum', options: RISK },
  ],
  CORNEA: [
    { name: 'endothelialCellDensity', kind: 'number', unit: 'cells/mm²' },
    { name: 'eyeHealth', kind: 'enum', options: ['GOOD', 'AVERAGE', 'OTHER'] },
    { name: 'infection', kind: 'enum', options: ['NONE', 'SUSPECTED', 'CONFIRMED'] },
    { name: 'serology', kind: 'enum', options: VIRAL },
    { name: 'deathToEnucleationHours', kind: 'number', unit: 'h' },
    { name: 'storageMedium', kind: 'enum', options: ['MOIST_CHAMBER', 'MK_MEDIUM', 'OPTISOL_GS', 'ORGAN_CULTURE'] },
  ],
};

export const organKey = (o: Organ) => o.toLowerCase() as 'kidney' | 'liver' | 'heart' | 'cornea';
