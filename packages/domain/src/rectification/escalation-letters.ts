import { and, committees, eq, numberingRegisters, sql, type Tx } from "@xuncha/db";
import { chineseDate, type GongwenInput } from "../documents/gongwen";
import type { DocumentKind } from "../model/enums";
import type { EscalationStep } from "../model/rectification";

/** The letter steps of the ladder (the reminder is an in-app notification only) and their document kinds. */
export const LETTER_KINDS = {
  urgingLetter: "urgingLetter",
  summons: "summons",
  circulation: "circulation",
  accountability: "accountability",
} as const satisfies Partial<Record<EscalationStep, DocumentKind>>;
export type LetterStep = keyof typeof LETTER_KINDS;
export const isLetterStep = (step: EscalationStep): step is LetterStep => step in LETTER_KINDS;

/** One late item listed in a letter. */
export interface LetterItem {
  /** 整改方案 / 整改情况报告 / the finding's title and the measure. */
  label: string;
  /** YYYY-MM-DD */
  deadline: string;
}

export interface EscalationLetterInput {
  step: LetterStep;
  committeeName: string;
  targetName: string;
  items: readonly LetterItem[];
  /** 成文日期 YYYY-MM-DD (the sweep's day). */
  date: string;
}

const TITLES: Record<LetterStep, (target: string) => string> = {
  urgingLetter: (t) => `关于督促${t}加快整改落实的督办函`,
  summons: (t) => `关于约谈${t}主要负责人的通知`,
  circulation: (t) => `关于${t}巡察整改工作推进不力的通报`,
  accountability: (t) => `关于对${t}巡察整改不力问题予以问责的建议`,
};

const OPENINGS: Record<LetterStep, string> = {
  urgingLetter: "根据巡察整改工作有关规定，经查，你单位下列整改事项已超过规定时限，至今仍未完成：",
  summons: "你单位下列整改事项逾期未完成，经督办后仍未完成：",
  circulation: "你单位下列整改事项逾期未完成，经督办、约谈后仍未完成，整改工作推进不力：",
  accountability: "你单位下列整改事项逾期未完成，经督办、约谈、通报后仍未完成：",
};

const REQUESTS: Record<LetterStep, string> = {
  urgingLetter:
    "请你单位高度重视，认真履行整改主体责任，自收到本函之日起抓紧完成上述事项，并通过巡察工作系统报送整改情况和佐证材料。逾期仍未完成的，将按规定约谈你单位主要负责人。",
  summons:
    "经研究，决定约谈你单位主要负责人。请你单位主要负责人自收到本通知之日起五个工作日内到巡察办接受约谈，具体时间另行商定；约谈前请通过巡察工作系统报送上述事项未按期完成的原因和下一步整改措施。",
  circulation:
    "现予以通报。请你单位深刻反思，立即完成上述事项，并通过巡察工作系统报送整改情况。仍不按期完成的，将提出问责建议。",
  accountability:
    "根据有关规定，建议对你单位整改不力问题依规依纪依法追究相关责任人责任。请你单位通过巡察工作系统报送上述事项的整改情况及未完成原因的说明。",
};

/** The letter (督办函, 约谈通知书, 通报, 问责建议书) sent to a target: every item late at this step on that day. */
export function escalationLetterContent(n: EscalationLetterInput) {
  const title = TITLES[n.step](n.targetName);
  return {
    title,
    gongwen: (numbered: { number: string; issuer: string }): GongwenInput => ({
      issuerMark: numbered.issuer,
      number: numbered.number,
      title,
      addressee: n.targetName,
      body: [
        { type: "paragraph", text: OPENINGS[n.step] },
        ...n.items.map((item, i) => ({
          type: "paragraph" as const,
          text: `${i + 1}. ${item.label.replace(/[。；;]+$/, "")}（完成时限：${chineseDate(item.deadline)}）。`,
        })),
        { type: "paragraph", text: REQUESTS[n.step] },
      ],
      signature: numbered.issuer,
      date: n.date,
      ...(n.step === "accountability"
        ? { copyTo: [`${n.committeeName}纪委监委`, `${n.committeeName}组织部`] }
        : {}),
      printedBy: numbered.issuer,
    }),
  };
}

/**
 * The register that numbers escalation letters, created on the first letter when no register serves
 * the kind: issuer 中共<committee>巡察工作领导小组办公室, prefix <first character>巡办督, serving the
 * letter kinds no other register serves. The office can change it in 发文字号设置 like any other.
 */
export async function ensureEscalationRegister(tx: Tx, committeeId: string, kind: DocumentKind) {
  const [found] = await tx
    .select({ id: numberingRegisters.id })
    .from(numberingRegisters)
    .where(
      and(eq(numberingRegisters.committeeId, committeeId), sql`${kind} = any(${numberingRegisters.kinds})`),
    )
    .limit(1);
  if (found) return;
  const [committee] = await tx.select().from(committees).where(eq(committees.id, committeeId));
  const name = (committee?.name ?? "").replace(/^中共/, "").trim();
  const taken = await tx
    .select({ kinds: numberingRegisters.kinds })
    .from(numberingRegisters)
    .where(eq(numberingRegisters.committeeId, committeeId));
  const served = new Set(taken.flatMap((r) => r.kinds));
  const kinds = Object.values(LETTER_KINDS).filter((k) => !served.has(k));
  // Two sweeps at once: the unique prefix lets one win.
  await tx
    .insert(numberingRegisters)
    .values({
      committeeId,
      issuer: `中共${name}巡察工作领导小组办公室`,
      prefix: `${[...name][0] ?? "巡"}巡办督`,
      kinds,
    })
    .onConflictDoNothing();
}
