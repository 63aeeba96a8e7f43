import type {
  FindingRoute,
  FindingStatus,
  ImmediateFixStatus,
  Severity,
  WorkpaperSource,
} from "@xuncha/domain/model";

/** GET /api/findings items */
export interface FindingItem {
  id: string;
  number: number;
  title: string;
  description: string;
  roundId: string;
  target: { id: string; name: string };
  group: { id: string; name: string };
  scheme: string;
  category: string;
  categoryName: string;
  severity: Severity;
  status: FindingStatus;
  /** Why the group leader returned it; empty unless returned. */
  returnReason: string;
  route: FindingRoute | null;
  routeDept: string;
  fedBack: boolean;
  closedAt: string | null;
  createdAt: string;
  abilities: { edit?: boolean; approve: boolean; return: boolean; decide: boolean };
}

/** GET /api/findings/:id */
export interface FindingDetail extends FindingItem {
  files: { id: string; name: string; size: number; mime?: string; sha256: string }[];
}

export interface FindingList {
  items: FindingItem[];
  /** Exact up to 10,000; beyond that 10,000 with totalCapped set. */
  total: number;
  totalCapped: boolean;
}

export interface WorkpaperFileVersion {
  /** The version's id: GET /api/findings/:id/workpaper/files/:versionId downloads it. */
  id: string;
  fileId: string;
  version: number;
  name: string;
  size: number;
  mime: string;
  sha256: string;
  note: string;
  addedBy: string;
  addedAt: string;
}

/** GET /api/findings/:id/workpaper (问题底稿); never served to a target contact. */
export interface Workpaper {
  exists: boolean;
  id: string | null;
  findingId: string;
  number: number | null;
  /** 第一组-007 */
  code: string | null;
  group: { id: string; number: number; name: string };
  source: WorkpaperSource;
  sourceLabel: string;
  sourceRecordId: string | null;
  summary: string;
  persons: { name: string; post: string }[];
  files: { slot: string; current: WorkpaperFileVersion; versions: WorkpaperFileVersion[] }[];
  signatures: { accountId: string; name: string; signedAt: string }[];
  /** Who reviews: the deputy, or the leader where the group has none. */
  reviewer: "deputy" | "leader";
  review: { by: string; at: string; opinion: string } | null;
  approval: { by: string; at: string } | null;
  status: FindingStatus;
  events: { action: string; name: string; note: string; at: string }[];
  abilities: {
    edit: boolean;
    sign: boolean;
    review: boolean;
    approve: boolean;
    return: boolean;
    reopen: boolean;
  };
}

/** GET /api/immediate-fixes items (立行立改). */
export interface ImmediateFix {
  id: string;
  roundId: string;
  finding: { id: string; number: number; title: string; description: string };
  target: { id: string; name: string };
  group: { id: string; name: string };
  requirement: string;
  deadline: string;
  status: ImmediateFixStatus;
  statusLabel: string;
  overdue: boolean;
  returnReason: string;
  notice: { number: string; title: string; file: { name: string; size: number; sha256: string } };
  doneAt: string | null;
  doneNote: string;
  createdAt: string;
  abilities: { report: boolean; confirm: boolean };
}

/** GET /api/immediate-fixes/:id */
export interface ImmediateFixDetail extends ImmediateFix {
  reports: {
    id: string;
    content: string;
    createdAt: string;
    by: string;
    files: { id: string; name: string; size: number; sha256: string }[];
  }[];
}
