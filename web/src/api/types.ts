// The API's bodies, generated from its OpenAPI description (docs/openapi.json → schema.d.ts by
// `npm run api:types`, which every build, type check and dev server runs first). Nothing here is
// written by hand: a field the API renames, drops or makes nullable fails the type check.
import type { components } from './schema';

type Schemas = components['schemas'];

export type UserView = Schemas['UserView'];
export type Role = UserView['role'];
export type AuthTokens = Schemas['AuthTokens'];
/** A coordinator's password was right (202): the code of the second factor comes next. */
export type SecondFactorNeeded = Schemas['SecondFactorNeeded'];

/** One page of a list; `nextCursor` asks for the next (absent or null on the last). */
export type Page<T> = Omit<Schemas['PagePledgeView'], 'items'> & { items: T[] };

export type Measurement = Schemas['Measurement'];
export type LocationBody = Schemas['LocationBody'];
export type HlaBody = Schemas['HlaBody'];
export type DonorProfile = Schemas['DonorProfileView'];
export type PatientProfile = Schemas['PatientProfileView'];

export type Pledge = Schemas['PledgeView'];
export type Organ = Pledge['organ'];
export type PledgeStatus = Pledge['status'];
export type Scores = Schemas['ScoresView'];
export type TransplantRequest = Schemas['TransplantRequestView'];
export type DonorProfileRequest = Schemas['DonorProfileRequest'];
export type PatientProfileRequest = Schemas['PatientProfileRequest'];
export type CreateTransplantRequest = Schemas['CreateTransplantRequest'];
export type ClinicalValuesChange = Schemas['ClinicalValuesChange'];

export type Contact = Schemas['Contact'];
export type MatchView = Schemas['MatchView'];
export type RunCandidate = Schemas['RunCandidate'];
export type CandidateDonor = Schemas['CandidateDonor'];
export type CandidateRecipient = Schemas['CandidateRecipient'];
export type MatchRun = Schemas['MatchRunView'];

export type DocumentView = Schemas['DocumentView'];
export type Centre = Schemas['CentreView'];
export type CentreBody = Schemas['CentreBody'];
export type CentreCoordinator = Schemas['CentreCoordinatorView'];
export type DonationCase = Schemas['DonationCaseView'];
export type OpenDonationCase = Schemas['OpenCaseRequest'];
export type RecoveryBody = Schemas['RecoveryRequest'];
export type DirectoryEntry = Schemas['DirectoryEntry'];
export type Stats = Schemas['Stats'];
export type AuditRecord = Schemas['AuditRecord'];

export type AllocationCandidate = Schemas['CandidateView'];
export type RunExclusion = Schemas['ExclusionView'];
export type AllocationRun = Schemas['AllocationRunView'];

export type MonthlyReport = Schemas['MonthlyReport'];
export type MonthlyReportList = Schemas['MonthlyReportList'];
export type ExportList = Schemas['ExportList'];

export type PolicyOutcome = Schemas['PolicyOutcome'];
export type SimulationReport = Schemas['SimulationReport'];

// Lists of values the forms offer, in the order they show them.
export const ORGANS: Organ[] = ['KIDNEY', 'LIVER', 'HEART', 'CORNEA'];
export const BLOOD_GROUPS = ['O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-'];

export type OfferSequence = Schemas['OfferSequenceView'];
export type Offer = Schemas['OfferView'];
export type OfferReport = Schemas['OfferReport'];
