// The API's bodies, as the platform's request/response records define them.
export type Role = 'DONOR' | 'PATIENT' | 'ADMIN';
export type Organ = 'KIDNEY' | 'LIVER' | 'HEART' | 'CORNEA';
export const ORGANS: Organ[] = ['KIDNEY', 'LIVER', 'HEART', 'CORNEA'];
export const BLOOD_GROUPS = ['O+', 'O-', 'A+', 'A-', 'B+', 'B-', 'AB+', 'AB-'];

export interface UserView {
  id: string;
  email: string;
  role: Role;
  fullName: string;
  verified: boolean;
  createdAt: string;
}

export interface AuthTokens {
  accessToken: string;
  refreshToken: string | null;
  tokenType: string;
  expiresIn: number;
  user: UserView;
  /** Only when a coordinator's first sign-in set up the authenticator: shown once. */
  recoveryCodes?: string[];
}

/** A coordinator's password was right (202): the code of the second factor comes next. */
export interface SecondFactorNeeded {
  secondFactor: 'required' | 'enrolment';
  challenge: string;
  expiresIn: number;
  enrolment?: { secret: string; uri: string };
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface Measurement {
  value: number;
  unit: string;
}

export interface LocationBody {
  city: string;
  state: string;
  latitude: number;
  longitude: number;
}

export interface HlaBody {
  a: string[];
  b: string[];
  dr: string[];
}

export interface DonorProfile {
  accountId: string;
  bloodGroup: string;
  dateOfBirth: string;
  sex: string;
  heightCm: number;
  weightKg: number;
  location: LocationBody;
  hla: HlaBody | null;
  medicalHistory: { hypertension: boolean; diabetes: boolean; notes: string | null };
  consent: boolean;
  consentGivenAt: string;
  version: number;
}

export interface PatientProfile {
  accountId: string;
  bloodGroup: string;
  dateOfBirth: string;
  sex: string;
  heightCm: number;
  weightKg: number;
  hla: HlaBody | null;
  unacceptableAntigens: string[];
  hospital: { name: string; city: string; state: string; latitude: number; longitude: number };
  version: number;
}

export type PledgeStatus = 'PENDING' | 'VERIFIED' | 'REJECTED' | 'WITHDRAWN' | 'DONATED';

export interface Pledge {
  id: string;
  donorId: string;
  organ: Organ;
  status: PledgeStatus;
  consentGivenAt: string;
  kidney?: Record<string, unknown>;
  liver?: Record<string, unknown>;
  heart?: Record<string, unknown>;
  cornea?: Record<string, unknown>;
  rejectionReason?: string;
  donor: { bloodGroup: string; city: string; state: string };
  createdAt: string;
  statusChangedAt: string;
  version: number;
}

export interface Scores {
  meldNa?: { score: number; formulaVersion: string };
  meld3?: { score: number; formulaVersion: string };
  epts?: { raw: number; percentile: number; formulaVersion: string; tableVersion: string; provisionalTable: boolean };
  heartStatus?: { tier: number; formulaVersion: string };
  notes?: string[];
}

export interface TransplantRequest {
  id: string;
  patientId: string;
  organ: Organ;
  status: 'WAITING' | 'MATCHED' | 'TRANSPLANTED' | 'REMOVED';
  urgency: number;
  liver?: Record<string, unknown>;
  kidney?: Record<string, unknown>;
  heart?: { statusTier: number };
  cornea?: { indication: string };
  scores: Scores;
  listedAt: string;
  waitingDays: number;
  removalReason?: string;
  patient: { bloodGroup: string; hospitalName: string; city: string; state: string };
  statusChangedAt: string;
  version: number;
}

export interface Contact {
  name: string;
  email: string;
  place: string;
}

export interface MatchView {
  id: string;
  runId?: string;
  requestId: string;
  pledgeId?: string;
  patientId?: string;
  donorId?: string;
  organ: Organ;
  rank: number;
  score?: number;
  mlScore?: number;
  distanceKm?: number;
  status: 'PROPOSED' | 'APPROVED' | 'DECLINED' | 'SUPERSEDED';
  declineReason?: string;
  declineNote?: string;
  createdAt: string;
  decidedAt?: string;
  version?: number;
  donor?: Contact;
  patient?: Contact;
}

export interface RunCandidate {
  rank: number;
  pledgeId: string;
  score: number;
  mlScore?: number;
  urgency: string;
  abo: string;
  components: {
    hlaPoints?: number;
    waitingDays: number;
    distanceKm: number;
    weights: { ml: number; hla: number; waiting: number; distance: number };
  };
  transport: { mode: string; hours: number; ischaemiaHours: number; hardLimitHours: number };
  nearIschaemiaLimit: boolean;
  imputed?: { feature: string; value: number; reason: string }[];
  features?: Record<string, number>;
  mlContributions?: Record<string, number>;
  explanation: string;
}

export interface MatchRun {
  id: string;
  requestId: string;
  organ: Organ;
  createdAt: string;
  trigger: string;
  degraded: boolean;
  degradedCause?: string;
  rescoring?: string;
  rescoredFrom?: string;
  rescoredBy?: string;
  modelVersion?: string;
  policyVersion: string;
  formulaVersions: string[];
  durationMillis: number;
  candidateCount: number;
  excludedCount: number;
  proposals: { matchId: string; rank: number; pledgeId: string; status: string }[];
  candidates: RunCandidate[];
  excluded: { pledgeId: string; reasons: { code: string; detail: string }[] }[];
}

export interface DocumentView {
  id: string;
  ownerId: string;
  type: string;
  pledgeId?: string;
  requestId?: string;
  /** The name the server gives the download. */
  fileName: string;
  /** The uploader's own name, neutralised; for recognising the upload only. */
  originalFileName: string;
  contentType: string;
  sizeBytes: number;
  sha256: string;
  status: 'PENDING' | 'VERIFIED' | 'REJECTED';
  reviewNote?: string;
  createdAt: string;
  reviewedAt?: string;
  version: number;
}

export interface DirectoryEntry {
  accountId: string;
  fullName: string;
  email: string;
  bloodGroup: string;
  place: string;
  city: string;
  state: string;
  openRecords: number;
  registeredAt: string;
}

export interface Stats {
  generatedAt: string;
  pledges: { organ: Organ; bloodGroup: string; status: string; count: number }[];
  requests: { organ: Organ; status: string; count: number }[];
  waitingList: { organ: Organ; bloodGroup: string; waiting: number; medianWaitDays: number; longestWaitDays: number }[];
  documentsAwaitingReview: number;
  matchOutcomes: { day: string; status: string; count: number }[];
  matchRuns: { day: string; runs: number; degraded: number }[];
  queues: { type: string; depth: number; oldestAgeSeconds: number; dead: number }[];
}

export interface AuditRecord {
  id: number;
  occurredAt: string;
  actorId?: string;
  actorRole?: string;
  action: string;
  outcome: string;
  targetType?: string;
  targetId?: string;
  clientIp?: string;
  detail?: unknown;
}

// Allocation runs (platform/.../allocation/runs/AllocationRunView, CandidateView, ExclusionView).
export interface AllocationCandidate {
  rank: number;
  requestId: string;
  points: number;
  mlScore?: number;
  urgency: string;
  abo: string;
  hlaMismatches?: string;
  eptsPercentile?: number;
  meld?: number;
  groups: { key: string; order: number; label: string }[];
  components: {
    waitingDays: number;
    waitingPoints: number;
    hlaPoints?: number;
    hlaPointsAwarded: number;
    unacceptableAntigens: number;
    sensitisationPoints: number;
    distanceKm: number;
    distanceBand: number;
    distancePoints: number;
    mlPoints: number;
  };
  transport: { mode: string; hours: number; ischaemiaHours: number; hardLimitHours: number };
  nearIschaemiaLimit: boolean;
  imputed?: { feature: string; value: number; reason: string }[];
  explanation: string;
}

export interface RunExclusion {
  reasons: { code: string; detail: string }[];
}

export interface AllocationRun {
  id: string;
  pledgeId: string;
  organ: Organ;
  createdAt: string;
  createdBy?: string;
  trigger: string;
  degraded: boolean;
  degradedCause?: string;
  rescoring?: 'PENDING' | 'DONE';
  rescoredFrom?: string;
  rescoredBy?: string;
  modelVersion?: string;
  policy: { id: string; sha256: string; content: unknown };
  formulaVersions: string[];
  donor: {
    bloodGroup: string;
    kdri?: number;
    kdriMedian?: number;
    kdpi?: number;
    kdriVersion?: string;
    kdpiTableVersion?: string;
    kdpiProvisional?: boolean;
    kdpiNote?: string;
  };
  durationMillis: number;
  timingsMillis?: Record<string, number>;
  waitingCount: number;
  candidateCount: number;
  excludedCount: number;
  exclusionCounts: Record<string, number>;
  candidates: AllocationCandidate[];
  excluded: (RunExclusion & { requestId: string })[];
}

// GET /api/v1/admin/allocation-simulations (core/.../allocation/simulation/SimulationReport).
export interface PolicyOutcome {
  policyId: string;
  transplants: number;
  unplaced: number;
  medianWaitingDays: number | null;
  expectedDeathsOnList: number;
  expectedDeathsByTier: Record<string, number>;
  transplantsByTier: Record<string, number>;
  zeroMismatchShare: number | null;
  medianDistanceKm: number | null;
}

export interface SimulationReport {
  organ: Organ;
  donors: number;
  days: number;
  seed: number;
  start: string;
  waitingAtStart: number;
  waitingByTier: Record<string, number>;
  deathProxy: string;
  policies: PolicyOutcome[];
}
