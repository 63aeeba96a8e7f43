import { RELATIONS, type Relation } from "../model/enums";

/**
 * The 回避情形 cell of the 巡察人员库 ledger, written and read in one plain format:
 *
 *   曾任职单位：县财政局 副局长 2015-03至2019-06、县教育局 2020-01至今；亲属任职单位：配偶 李某 县卫健委 副主任（班子成员）
 *
 * - a job is "单位[ 职务] YYYY-MM至YYYY-MM|至今" (dates also as 2015年3月, 2015.3; 至 also -, ~, 到);
 * - a relative is "关系 姓名 单位[ 职务][（班子成员）]", separated by spaces; the relation may be
 *   written as 配偶 / 妻子 / 父亲 / 岳母 … (see RELATION_WORDS).
 *
 * Import decision: what parses becomes a structured record (person_jobs / person_relatives, the
 * recusal rules read those); every item that does not parse (a job without dates, a relative
 * written as prose) is kept word for word in the person's recusal note (people.recusal_note), shown
 * on the person's page for the office to turn into records, and exported again as it was.
 */

export interface ParsedJob {
  unit: string;
  post: string;
  startMonth: string;
  endMonth: string | null;
}

export interface ParsedRelative {
  relation: Relation;
  name: string;
  unit: string;
  post: string;
  inLeadership: boolean;
}

export interface ParsedRecusal {
  jobs: ParsedJob[];
  relatives: ParsedRelative[];
  /** Items that are not in the format, as written (joined with "；" for the note). */
  unparsed: string[];
}

/** Words offices use for a relation, mapped to the relation kinds of the recusal rules. */
export const RELATION_WORDS: Record<string, Relation> = {
  配偶: "spouse",
  妻子: "spouse",
  丈夫: "spouse",
  爱人: "spouse",
  直系亲属: "lineal",
  父亲: "lineal",
  母亲: "lineal",
  父母: "lineal",
  儿子: "lineal",
  女儿: "lineal",
  子女: "lineal",
  祖父: "lineal",
  祖母: "lineal",
  外祖父: "lineal",
  外祖母: "lineal",
  孙子: "lineal",
  孙女: "lineal",
  兄弟姐妹: "sibling",
  兄弟: "sibling",
  姐妹: "sibling",
  哥哥: "sibling",
  弟弟: "sibling",
  姐姐: "sibling",
  妹妹: "sibling",
  近姻亲: "inLaw",
  姻亲: "inLaw",
  岳父: "inLaw",
  岳母: "inLaw",
  公公: "inLaw",
  婆婆: "inLaw",
  女婿: "inLaw",
  儿媳: "inLaw",
  配偶的兄弟姐妹: "inLaw",
  兄弟姐妹的配偶: "inLaw",
};

const JOBS_PREFIX = /^(曾任职单位|曾任职|任职经历|工作经历)\s*[:：]\s*/;
const RELATIVES_PREFIX = /^(亲属任职单位|亲属任职情况|亲属任职|亲属)\s*[:：]\s*/;
const MONTH = String.raw`(\d{4})\s*[-./年]\s*(\d{1,2})\s*月?`;
const JOB = new RegExp(
  String.raw`^(.+?)\s*[（(]?\s*${MONTH}\s*(?:至|到|-|—|–|~|～)\s*(?:${MONTH}|(至今|今|现在))\s*[）)]?$`,
);
const LEADERSHIP_MARK = /\s*[（(]\s*(班子成员|领导班子成员)\s*[）)]\s*$/;

const pad = (n: string) => n.padStart(2, "0");

function month(year: string | undefined, m: string | undefined): string | null {
  if (!year || !m) return null;
  const n = Number(m);
  if (n < 1 || n > 12) return null;
  return `${year}-${pad(m)}`;
}

/** Months YYYY-MM from 1900-01 to 2100-12. */
export const isMonth = (s: string) => /^(19|20)\d{2}-(0[1-9]|1[0-2])$|^2100-(0[1-9]|1[0-2])$/.test(s);

function parseJob(item: string): ParsedJob | null {
  const m = JOB.exec(item.normalize("NFKC"));
  if (!m) return null;
  const startMonth = month(m[2], m[3]);
  const endMonth = m[6] ? null : month(m[4], m[5]);
  if (!startMonth || (!m[6] && !endMonth)) return null;
  if (endMonth && endMonth < startMonth) return null;
  const [unit = "", ...post] = (m[1] ?? "").trim().split(/\s+/);
  if (!unit) return null;
  return { unit, post: post.join(" "), startMonth, endMonth };
}

function parseRelative(item: string): ParsedRelative | null {
  const inLeadership = LEADERSHIP_MARK.test(item);
  const [word = "", name, unit, ...post] = item.replace(LEADERSHIP_MARK, "").trim().split(/\s+/);
  const relation = RELATION_WORDS[word];
  if (!relation || !name || !unit) return null;
  return { relation, name, unit, post: post.join(" "), inLeadership };
}

/** Reads a 回避情形 cell; never fails: what is not understood is returned in `unparsed`. */
export function parseRecusalText(text: string): ParsedRecusal {
  const result: ParsedRecusal = { jobs: [], relatives: [], unparsed: [] };
  let section: "jobs" | "relatives" | null = null;
  for (const raw of text.split(/[；;\n\r]+/)) {
    let segment = raw.trim();
    if (!segment) continue;
    if (JOBS_PREFIX.test(segment)) {
      section = "jobs";
      segment = segment.replace(JOBS_PREFIX, "");
    } else if (RELATIVES_PREFIX.test(segment)) {
      section = "relatives";
      segment = segment.replace(RELATIVES_PREFIX, "");
    }
    for (const part of segment.split(/[、，,]+/)) {
      const item = part.trim();
      if (!item || item === "无") continue;
      if (section === "jobs") {
        const job = parseJob(item);
        if (job) result.jobs.push(job);
        else result.unparsed.push(item);
      } else if (section === "relatives") {
        const relative = parseRelative(item);
        if (relative) result.relatives.push(relative);
        else result.unparsed.push(item);
      } else {
        // No section named: a dated item is a job, a relation word first is a relative.
        const job = parseJob(item);
        const relative = job ? null : parseRelative(item);
        if (job) result.jobs.push(job);
        else if (relative) result.relatives.push(relative);
        else result.unparsed.push(item);
      }
    }
  }
  return result;
}

export const formatJob = (j: ParsedJob) =>
  `${[j.unit, j.post].filter(Boolean).join(" ")} ${j.startMonth}至${j.endMonth ?? "今"}`;

export const formatRelative = (r: ParsedRelative) =>
  `${[RELATIONS.labels[r.relation], r.name, r.unit, r.post].filter(Boolean).join(" ")}${
    r.inLeadership ? "（班子成员）" : ""
  }`;

/** Writes the 回避情形 cell from a person's records and recusal note (parseRecusalText reads it back). */
export function formatRecusalText(jobs: ParsedJob[], relatives: ParsedRelative[], note = ""): string {
  const parts: string[] = [];
  if (jobs.length) parts.push(`曾任职单位：${jobs.map(formatJob).join("、")}`);
  if (relatives.length) parts.push(`亲属任职单位：${relatives.map(formatRelative).join("、")}`);
  if (note.trim()) parts.push(note.trim());
  return parts.join("；");
}

/** Keys that say two records are the same (re-importing an export adds nothing). */
export const jobKey = (j: { unit: string; startMonth: string; endMonth: string | null }) =>
  `${j.unit}|${j.startMonth}|${j.endMonth ?? ""}`;
export const relativeKey = (r: { relation: string; name: string; unit: string }) =>
  `${r.relation}|${r.name}|${r.unit}`;
