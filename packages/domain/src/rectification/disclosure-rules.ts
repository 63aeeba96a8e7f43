import type { GongwenBlock } from "../documents/gongwen";
import { AppError } from "../model/errors";

/**
 * Disclosure (整改公开) as pure rules: the reasons an item may be withheld, the check of a withheld
 * list, and the text composed from the final report (整改情况报告) and the ledger with the withheld
 * items left out (their rules made and money recovered too: nothing of them is published).
 */

export const DISCLOSURE_SCOPES = ["party", "public"] as const;
export type DisclosureScope = (typeof DISCLOSURE_SCOPES)[number];
export const DISCLOSURE_SCOPE_LABELS: Record<DisclosureScope, string> = {
  party: "党内公开",
  public: "社会公开",
};

export const DISCLOSURE_STATUSES = ["draft", "submitted", "approved", "returned", "published"] as const;
export type DisclosureStatus = (typeof DISCLOSURE_STATUSES)[number];
export const DISCLOSURE_STATUS_LABELS: Record<DisclosureStatus, string> = {
  draft: "草稿",
  submitted: "待领导小组审批",
  approved: "已批准待发布",
  returned: "已退回",
  published: "已发布",
};

/** The allowed reasons for withholding an item; `other` needs a note saying why. */
export const WITHHOLD_REASONS = ["stateSecret", "workSecret", "openCase", "privacy", "other"] as const;
export type WithholdReason = (typeof WITHHOLD_REASONS)[number];
export const WITHHOLD_REASON_LABELS: Record<WithholdReason, string> = {
  stateSecret: "涉及国家秘密",
  workSecret: "涉及工作秘密",
  openCase: "正在查处的案件",
  privacy: "涉及个人隐私",
  other: "其他（须说明）",
};

export interface WithheldItem {
  findingId: string;
  reason: WithholdReason;
  note: string;
}

/**
 * Checks a withheld list against the disclosure's items: each item at most once, a reason from the
 * allowed list, a note when the reason is 其他. Returns the list trimmed; throws otherwise.
 */
export function checkWithheld(
  withheld: readonly { findingId: string; reason: string; note?: string | undefined }[],
  itemIds: readonly string[],
): WithheldItem[] {
  const seen = new Set<string>();
  const problems: string[] = [];
  const out: WithheldItem[] = [];
  for (const w of withheld) {
    const note = (w.note ?? "").trim();
    if (!itemIds.includes(w.findingId)) problems.push(`问题 ${w.findingId} 不在本次公开的内容中`);
    else if (seen.has(w.findingId)) problems.push(`问题 ${w.findingId} 重复`);
    if (!(WITHHOLD_REASONS as readonly string[]).includes(w.reason))
      problems.push(`理由“${w.reason}”不在规定范围内`);
    else if (w.reason === "other" && !note) problems.push("选择“其他”须说明理由");
    seen.add(w.findingId);
    out.push({ findingId: w.findingId, reason: w.reason as WithholdReason, note });
  }
  if (problems.length) throw new AppError("disclosure.withheld_invalid", undefined, { problems });
  return out;
}

export interface DisclosureItem {
  findingId: string;
  number: number;
  title: string;
  closed: boolean;
  measures: { content: string; progress: string; completion: string }[];
  rulesMade: string[];
  /** 万元 */
  moneyRecovered: number;
}

/** The most characters of the office's own 开头 (lead) or 结尾 (closing). */
export const DISCLOSURE_WORDING_MAX = 5000;

/**
 * Checks the office's own wording of a disclosure: the 开头 (lead; empty or null = the final
 * report's text) and the 结尾 (closing), each at most DISCLOSURE_WORDING_MAX characters. Returns
 * them trimmed (an empty lead as null); throws with a stable code otherwise. Only these two parts
 * are free text: the problem sections are always generated, so a withheld problem cannot be typed
 * back into them.
 */
export function checkDisclosureWording(input: {
  lead?: string | null | undefined;
  closing?: string | undefined;
}): { lead?: string | null; closing?: string } {
  const out: { lead?: string | null; closing?: string } = {};
  const length = (s: string) => [...s].length;
  if (input.lead !== undefined) {
    const lead = (input.lead ?? "").trim();
    if (length(lead) > DISCLOSURE_WORDING_MAX)
      throw new AppError("disclosure.lead_too_long", undefined, {
        max: DISCLOSURE_WORDING_MAX,
        length: length(lead),
      });
    out.lead = lead || null;
  }
  if (input.closing !== undefined) {
    const closing = input.closing.trim();
    if (length(closing) > DISCLOSURE_WORDING_MAX)
      throw new AppError("disclosure.closing_too_long", undefined, {
        max: DISCLOSURE_WORDING_MAX,
        length: length(closing),
      });
    out.closing = closing;
  }
  return out;
}

const paragraphs = (s: string) =>
  s
    .split(/\n+/)
    .map((p) => p.trim())
    .filter(Boolean);

const CHINESE = "一二三四五六七八九十";
const heading2 = (i: number) => `（${i < 10 ? CHINESE[i] : i + 1}）`;
const sentence = (s: string) => {
  const t = s.trim();
  return t && !/[。！？；.!?]$/.test(t) ? `${t}。` : t;
};

/**
 * The disclosure's blocks (for the 公文) and its plain text: the 开头 (the office's own `leadOverride`
 * when set, else the final report's text), then one section per problem not withheld (its measures
 * and progress, whether it is closed out), then the rules made and the money recovered on those
 * problems, then the office's 结尾 (`closing`), if any. The sections are always generated from the
 * sources, never from text the office typed, so a withheld problem cannot be typed back into them.
 */
export function composeDisclosure(input: {
  lead: string;
  leadOverride?: string | null | undefined;
  closing?: string | undefined;
  items: readonly DisclosureItem[];
  withheld: readonly { findingId: string }[];
  completionLabels: Readonly<Record<string, string>>;
}): { blocks: GongwenBlock[]; text: string } {
  const hidden = new Set(input.withheld.map((w) => w.findingId));
  const shown = input.items.filter((i) => !hidden.has(i.findingId));
  const blocks: GongwenBlock[] = [];
  const lead = input.leadOverride?.trim() ? input.leadOverride : input.lead;
  for (const p of paragraphs(lead)) blocks.push({ type: "paragraph", text: p });
  blocks.push({ type: "heading1", text: "一、问题整改情况" });
  if (shown.length === 0) blocks.push({ type: "paragraph", text: "无。" });
  shown.forEach((item, i) => {
    const measures = item.measures
      .map((m) => {
        const done = input.completionLabels[m.completion] ?? m.completion;
        return `${sentence(m.content)}${m.progress.trim() ? `进展：${sentence(m.progress)}` : ""}${done ? `（${done}）` : ""}`;
      })
      .join("");
    blocks.push({
      type: "heading2",
      text: `${heading2(i)}${sentence(item.title)}`,
      rest: `${measures}${item.closed ? "该问题已整改销号。" : "该问题正在整改中。"}`,
    });
  });
  blocks.push({ type: "heading1", text: "二、建章立制和挽回损失" });
  const rules = shown.flatMap((i) => i.rulesMade);
  const money = Math.round(shown.reduce((s, i) => s + i.moneyRecovered * 100, 0)) / 100;
  blocks.push({
    type: "paragraph",
    text: `建立完善制度 ${rules.length} 项${rules.length ? `（${rules.join("、")}）` : ""}；挽回经济损失 ${money} 万元。`,
  });
  for (const p of paragraphs(input.closing ?? "")) blocks.push({ type: "paragraph", text: p });
  const text = blocks
    .map((b) => (b.type === "heading2" ? `${b.text}${b.rest ?? ""}` : "text" in b ? b.text : ""))
    .join("\n");
  return { blocks, text };
}
