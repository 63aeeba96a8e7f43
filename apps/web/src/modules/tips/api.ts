import type { TipChannel, TipStatus } from "@xuncha/domain/model";
import { parseApiError } from "../../app/api-error";

/** GET /api/public/tips/rounds/:roundId */
export interface PublicTipPage {
  committeeName: string;
  roundName: string;
  groupName: string | null;
  acceptUntil: string;
  targets: { id: string; name: string; groupName: string }[];
  categories: { key: string; name: string }[];
  limits: { maxFiles: number; maxFileMb: number; maxTotalMb: number };
}

/** POST /api/public/tips/follow-up */
export interface TipFollowUp {
  roundName: string;
  receivedOn: string;
  status: TipStatus;
  statusLabel: string;
  statusText: string;
  answer: string;
  handOverDeadline: string | null;
  additions: number;
  files: number;
  canAdd: boolean;
  limits: { maxFiles: number; maxFileMb: number; maxTotalMb: number };
}

export interface TipAbilities {
  route: boolean;
  decide: boolean;
  answer: boolean;
  requestReveal: boolean;
}

/** GET /api/tips (items) */
export interface TipRow {
  id: string;
  committeeId: string;
  roundId: string;
  roundName: string;
  number: number;
  channel: TipChannel;
  channelLabel: string;
  targetId: string | null;
  targetName: string | null;
  category: string;
  categoryName: string;
  groupId: string | null;
  groupName: string | null;
  status: TipStatus;
  statusLabel: string;
  named: boolean;
  receivedOn: string;
  findingId: string | null;
  handOverTargetId: string | null;
  handOverTargetName: string | null;
  handOverDeadline: string | null;
  handOverAnswer: string;
  handOverAnsweredOn: string | null;
  fileReason: string;
  decisionNote: string;
  publicAnswer: string;
  decidedOn: string | null;
  abilities: TipAbilities;
}

/** GET /api/tips/:id */
export interface TipDetail extends TipRow {
  text: string;
  otherTarget: string | null;
  additions: { id: string; receivedOn: string; text: string }[];
  files: { id: string; additionId: string | null; mime: string; size: number; name: string }[];
  reveals: {
    id: string;
    reason: string;
    status: RevealStatus;
    createdAt: string;
    decidedAt: string | null;
    mine: boolean;
  }[];
}

export type RevealStatus = "pending" | "approved" | "rejected";

/** GET /api/tip-reveals */
export interface RevealRequest {
  id: string;
  tipId: string;
  tipNumber: number;
  roundName: string;
  categoryName: string;
  reason: string;
  status: RevealStatus;
  decisionNote: string;
  requesterName: string;
  createdAt: string;
  decidedAt: string | null;
  abilities: { decide: boolean };
}

/** GET /api/tips/counts */
export interface TipCounts {
  total: number;
  byChannel: { channel: string; label: string; count: number }[];
  byTarget: { targetId: string | null; label: string; count: number }[];
  byOutcome: { status: string; label: string; count: number }[];
}

export const REVEAL_STATUS_LABELS: Record<RevealStatus, string> = {
  pending: "待审批",
  approved: "已同意",
  rejected: "未同意",
};

/**
 * Posts a form as multipart: the fields as JSON in "data", the files as "files". No cookies are
 * needed for the public routes; staff pages pass their CSRF token.
 */
export async function postTipForm<T>(
  path: string,
  data: unknown,
  files: File[],
  csrfToken?: string,
): Promise<T> {
  const form = new FormData();
  form.append("data", JSON.stringify(data));
  for (const f of files) form.append("files", f, f.name);
  let response: Response;
  try {
    response = await fetch(`/api${path}`, {
      method: "POST",
      body: form,
      credentials: "same-origin",
      headers: { accept: "application/json", ...(csrfToken ? { "x-csrf-token": csrfToken } : {}) },
    });
  } catch {
    throw parseApiError(0, undefined);
  }
  const text = await response.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = text;
  }
  if (!response.ok) throw parseApiError(response.status, body);
  return body as T;
}
