import type { GroupRole } from "@xuncha/domain/model";
import type { ApiError } from "../../app/api-error";

/** One recusal conflict as the API names it (details of recusal.conflict, recusal-check, GET recusal). */
export interface RecusalConflict {
  rule: string;
  personId: string;
  personName: string;
  targetId: string;
  targetName: string;
  reason: string;
  overridden?: boolean;
  overrideReason?: string;
  groupId?: string;
}

/** The conflicts of a refused save (409 recusal.conflict), or null for any other error. */
export function conflictsOfError(e: unknown): RecusalConflict[] | null {
  const error = e as ApiError | undefined;
  if (error?.code !== "recusal.conflict") return null;
  const details = error.details as { conflicts?: RecusalConflict[] } | undefined;
  return details?.conflicts ?? [];
}

/** POST /api/rounds/:id/suggestions */
export interface Suggestions {
  covered: string[];
  lacking: string[];
  suggestions: {
    personId: string;
    name: string;
    unit: string;
    post: string;
    expertise: string[];
    brings: string[];
    reason: string;
  }[];
  conflicted: { personId: string; name: string; conflicts: string[] }[];
}

/** POST /api/rounds/:id/draws, GET /api/rounds/:id/draws */
export interface Draw {
  id: string;
  roundId: string;
  groupId: string | null;
  pool: "leader" | "talent";
  seed: string;
  count: number;
  candidates: { personId: string; name: string }[];
  excluded: { personId: string; name: string; reasons: string[] }[];
  picked: { personId: string; name: string }[];
  drawnAt: string;
}

/** GET /api/draws/:id/replay */
export interface DrawReplay extends Draw {
  replay: { replayed: string[]; candidatesInOrder: boolean; matches: boolean };
}

export interface Pledge {
  id: string;
  signedOn: string;
  fileId: string | null;
  fileName: string | null;
}

/** GET /api/rounds/:id/commitments */
export interface RoundCommitments {
  people: {
    personId: string;
    name: string;
    groupId: string;
    groupName: string;
    role: GroupRole;
    confidentiality: Pledge | null;
    integrity: Pledge | null;
    complete: boolean;
  }[];
  unsigned: number;
  abilities: { record: boolean };
}

export const COMMITMENT_LABELS = { confidentiality: "保密承诺书", integrity: "廉洁履职承诺书" } as const;
export type CommitmentKind = keyof typeof COMMITMENT_LABELS;

/** GET /api/rounds/:id/recusal */
export interface RoundRecusal {
  conflicts: RecusalConflict[];
  overrides: {
    id: string;
    personId: string;
    personName: string;
    targetId: string;
    targetName: string;
    reason: string;
    conflicts: { rule: string; reason: string }[];
    decidedAt: string;
  }[];
  abilities: { override: boolean };
}
