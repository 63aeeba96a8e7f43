import type { FindingRoute, FindingStatus, Severity } from "@xuncha/domain/model";

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
