/** Workpapers (问题底稿), 立行立改 and group reports: value sets and pure rules shared with the web app. */

function labels<const K extends string>(map: Record<K, string>) {
  return { keys: Object.keys(map) as K[], labels: map };
}

/** Where a problem came from. */
export const WORKPAPER_SOURCES = labels({
  tip: "信访举报",
  interview: "个别谈话",
  survey: "问卷测评",
  document: "查阅资料",
  visit: "调研走访",
  briefing: "巡前情况通报",
  other: "其他",
});
export type WorkpaperSource = (typeof WORKPAPER_SOURCES.keys)[number];

export const IMMEDIATE_FIX_STATUSES = labels({ issued: "待整改", reported: "已报告待确认", done: "已完成" });
export type ImmediateFixStatus = (typeof IMMEDIATE_FIX_STATUSES.keys)[number];

export const REPORT_KINDS = labels({ midterm: "中期汇报", inspection: "巡察报告" });
export type ReportKind = (typeof REPORT_KINDS.keys)[number];

export const REPORT_STATUSES = labels({
  draft: "编辑中",
  submitted: "待组办联审",
  returned: "联审退回",
  passed: "已报领导小组",
});
export type ReportStatus = (typeof REPORT_STATUSES.keys)[number];

/** The fewest drafters who must sign a workpaper (LIFECYCLE.md: ≥2 inspectors sign). */
export const MIN_WORKPAPER_SIGNATURES = 2;

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 35 → 三十五; beyond 99 in Arabic numerals. */
function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 0 || n > 99) return String(n);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? "" : DIGITS[tens]}十${ones ? DIGITS[ones] : ""}`;
}

/** A workpaper's number as printed: group 1, number 7 → 第一组-007. */
export const workpaperCode = (groupNumber: number, number: number) =>
  `第${chineseNumber(groupNumber)}组-${String(number).padStart(3, "0")}`;

export interface SignoffState {
  /** Accounts with an active (not revoked) signature. */
  signers: string[];
  reviewed: boolean;
}

/**
 * Why a workpaper cannot be approved yet, or null when it can: at least two drafters signed and the
 * deputy (the leader where the group has no deputy) reviewed it.
 */
export function approvalBlocker(
  s: SignoffState,
): "workpaper.signatures_required" | "workpaper.review_required" | null {
  if (new Set(s.signers).size < MIN_WORKPAPER_SIGNATURES) return "workpaper.signatures_required";
  if (!s.reviewed) return "workpaper.review_required";
  return null;
}

/** Who reviews a group's workpapers: its deputies, or its leader when it has none. */
export const reviewerRole = (hasDeputy: boolean) => (hasDeputy ? "groupDeputy" : "groupLeader");
