import type { ReportKind, ReportStatus } from "@xuncha/domain/model";

/** GET /api/reports items (中期汇报, 巡察报告). */
export interface ReportItem {
  id: string;
  roundId: string;
  group: { id: string; name: string };
  /** null: all of the group's targets. */
  target: { id: string; name: string } | null;
  kind: ReportKind;
  kindLabel: string;
  title: string;
  scheme: string;
  status: ReportStatus;
  statusLabel: string;
  /** The office's latest opinion (组办联审). */
  reviewOpinion: string;
  submittedAt: string | null;
  reviewedAt: string | null;
  createdAt: string;
  updatedAt: string;
  abilities: { edit: boolean; generate: boolean; submit: boolean; review: boolean };
}

export interface ReportSection {
  key: string;
  heading: string;
  text: string;
}

/** GET /api/reports/:id */
export interface ReportDetail extends ReportItem {
  sections: ReportSection[];
  /** Every generated .docx, newest first: GET /api/reports/:id/versions/:versionId/file. */
  versions: {
    id: string;
    version: number;
    createdAt: string;
    by: string;
    name: string;
    size: number;
    sha256: string;
  }[];
  reviews: { decision: "pass" | "return"; opinion: string; by: string; at: string }[];
}

export const REPORT_STATUS_COLORS: Record<ReportStatus, string> = {
  draft: "default",
  submitted: "blue",
  returned: "orange",
  passed: "green",
};
