// The shapes the gateway sends (docs/protocol.md) and the calculator's records (libs/events).

export type Strategy = 'HUMAN' | 'AI_AUGMENTED' | 'AI_FIRST';
export const BUCKETS = ['bucket1', 'bucket2', 'bucket3', 'bucket4'] as const;
export type BucketId = (typeof BUCKETS)[number];

export interface InputDef {
  path: string;
  key: string;
  bucket: string | null;
  label: string;
  unit: string;
  defaultValue: number | string;
  min: number | null;
  max: number | null;
  integer: boolean;
  values: string[];
  description: string;
  synonyms?: string[];
}

export interface Catalog {
  inputs: InputDef[];
  bucketAliases?: Record<string, string>;
  strategyAliases?: Record<string, string>;
}

export type BucketInputs = Record<string, number | string>;
export type RoiInputs = Record<string, unknown> & { buckets: Record<string, BucketInputs> };

export interface BucketOutputs {
  recovered: number;
  cost: number;
  humanMinutes: number;
  aiMinutes: number;
  recoveryRate: number;
  balance: number;
  fteRequired: number;
  costToCollect: number | null;
  [k: string]: number | null;
}

export interface RoiOutputs {
  totalBalance: number;
  totalRecovered: number;
  recoveryRate: number;
  humanMinutes: number;
  capacityMinutes: number;
  utilization: number | null;
  peakUtilization: number | null;
  serviceLevel: number;
  fteRequired: number;
  totalCost: number;
  netRecovery: number;
  costToCollect: number | null;
  paybackMonths: number | null;
  aiAnnualRoi: number | null;
  incrementalNetRecovery: number;
  buckets: Record<string, BucketOutputs>;
  [k: string]: unknown;
}

export interface CalculatorSnapshot {
  version: number;
  inputs: RoiInputs;
  outputs: RoiOutputs;
}

export interface ChangeOp {
  op: 'set' | 'scale' | 'add' | 'strategy';
  path: string;
  value: number | string;
}

export interface FieldChange {
  path: string;
  before: unknown;
  after: unknown;
}

export interface Artifact {
  id: string;
  title: string;
  url: string;
  kind?: string;
  sizeBytes?: number;
}

export interface SuggestedAction {
  label: string;
  ops: ChangeOp[];
}

export interface Insight {
  insightId: string;
  severity: string;
  message: string;
  figures?: Record<string, unknown>;
  version?: number;
  actions: SuggestedAction[];
}

export interface Rejection {
  requestId?: string;
  code: string;
  message: string;
  path?: string;
  value?: unknown;
  min?: number | null;
  max?: number | null;
}

export interface TranscriptLine {
  segmentId: string;
  transcriptId?: string;
  speaker: string;
  text: string;
  partial: boolean;
  offsetMillis?: number;
  beginOffsetMillis?: number;
  sentiment?: string | null;
  categories?: string[] | null;
}

export interface Evidence {
  docId: string;
  section: string;
  item?: string;
  quote: string;
  title?: string | null;
}

export interface SuggestionCard {
  cardId: string;
  sessionId?: string | null;
  question?: string;
  item?: string;
  intent?: string;
  decision: 'YES' | 'NO' | 'PARTIAL' | string;
  script: string;
  evidence: Evidence[];
  /** HIGH, or LOW when the model cited a clause it was not given or was overruled on the decision. */
  confidence?: 'HIGH' | 'LOW' | string;
  /** Who wrote the script; the decision is always the retrieved clauses'. */
  mode?: 'offline' | 'gemini' | string;
  flags?: string[];
  createdAt?: string;
}

export interface CustomerContract {
  contractId: string;
  plan: string;
  contractType: string;
  role?: string | null;
  state: string;
  status: string;
  startDate?: string;
  endDate?: string;
  serviceFee?: number | null;
}

export interface CustomerCardData {
  phone?: string;
  found: boolean;
  customer?: {
    customerId: string;
    firstName: string;
    lastName: string;
    email?: string;
    contracts: CustomerContract[];
    openClaims: { claimId: string; item: string; status: string; openedAt?: string }[];
  } | null;
}
