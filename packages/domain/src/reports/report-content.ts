import { chineseDate, type GongwenBlock, type GongwenInput } from "../documents/gongwen";
import { TAXONOMY } from "../model/taxonomy";
import { REPORT_KINDS, type ReportKind } from "../model/workpapers";

/** One editable part of a report: a standard heading and its text (paragraphs split by blank lines). */
export interface ReportSection {
  key: string;
  heading: string;
  text: string;
}

export interface ReportFinding {
  number: number;
  title: string;
  description: string;
  scheme: string;
  category: string;
  immediateFix: boolean;
}

export interface ReportFacts {
  kind: ReportKind;
  committeeName: string;
  /** 测试县委第一巡察组 */
  groupFullName: string;
  roundName: string;
  startsOn: string;
  endsOn: string;
  targetNames: string[];
  findings: ReportFinding[];
}

const ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
const ordinal = (i: number) => ORDINALS[i] ?? String(i + 1);

/** The scheme most of the findings use (the committee's current scheme in practice); 六大纪律 if none. */
export function dominantScheme(findings: { scheme: string }[]): string {
  const counts = new Map<string, number>();
  for (const f of findings) counts.set(f.scheme, (counts.get(f.scheme) ?? 0) + 1);
  return [...counts.entries()].sort((a, b) => b[1] - a[1])[0]?.[0] ?? "sixDisciplines";
}

/**
 * The problems, grouped by the categories of the scheme in its order ("（一）政治纪律方面"), each
 * numbered within its category; findings classified under another scheme come last under 其他方面.
 */
export function problemsText(findings: ReportFinding[], schemeKey: string): string {
  if (!findings.length) return "（暂未发现问题。）";
  const scheme = TAXONOMY.find((s) => s.key === schemeKey);
  const sorted = [...findings].sort((a, b) => a.number - b.number);
  const blocks: { name: string; items: ReportFinding[] }[] = [];
  for (const c of scheme?.categories ?? []) {
    const items = sorted.filter((f) => f.category === c.key);
    if (items.length) blocks.push({ name: c.name, items });
  }
  const known = new Set((scheme?.categories ?? []).map((c) => c.key));
  const others = sorted.filter((f) => !known.has(f.category));
  if (others.length) blocks.push({ name: "其他", items: others });
  const sentence = (s: string) => (/[。！？；]$/.test(s.trim()) ? s.trim() : `${s.trim()}。`);
  return blocks
    .map((b, i) =>
      [
        `（${ordinal(i)}）${b.name.replace(/方面$/, "")}方面`,
        ...b.items.map(
          (f, j) =>
            `${j + 1}. ${sentence(f.title)}${f.description.trim()}${f.immediateFix ? "（已立行立改）" : ""}`,
        ),
      ].join("\n"),
    )
    .join("\n\n");
}

/** The title of a report: 关于巡察××情况的报告 / 中期汇报. */
export function reportTitle(kind: ReportKind, targetNames: string[]) {
  const who = targetNames.length === 1 ? targetNames[0]! : `${targetNames.length}个被巡察党组织`;
  return kind === "inspection" ? `关于巡察${who}情况的报告` : `关于巡察${who}情况的中期汇报`;
}

/** The standard sections of a report, the problems filled in from the approved findings. */
export function assembleSections(f: ReportFacts, schemeKey: string): ReportSection[] {
  const targets = f.targetNames.join("、");
  const fixes = f.findings.filter((x) => x.immediateFix).length;
  const period = `${chineseDate(f.startsOn)}至${chineseDate(f.endsOn)}`;
  const problems = problemsText(f.findings, schemeKey);
  const method =
    "巡察组坚持发现问题、形成震慑，推动改革、促进发展，通过听取汇报、个别谈话、受理信访、查阅资料、问卷测评、调研走访等方式，深入了解情况";
  if (f.kind === "midterm") {
    return [
      {
        key: "progress",
        heading: "一、前段工作开展情况",
        text:
          `根据${f.committeeName}巡察工作统一部署，${f.groupFullName}自${chineseDate(f.startsOn)}起对${targets}开展${f.roundName}。` +
          `${method}。截至目前，共发现问题${f.findings.length}个，其中立行立改问题${fixes}个。现将前段工作情况汇报如下。`,
      },
      { key: "problems", heading: "二、发现的主要问题", text: problems },
      {
        key: "next",
        heading: "三、下一步工作打算",
        text: "下一步，巡察组将围绕发现的问题深入了解情况，核实问题线索，督促被巡察党组织立行立改，按时完成巡察任务。",
      },
    ];
  }
  return [
    {
      key: "basic",
      heading: "一、巡察工作基本情况",
      text:
        `根据${f.committeeName}巡察工作统一部署，${f.groupFullName}于${period}对${targets}开展${f.roundName}。` +
        `${method}，共发现问题${f.findings.length}个，其中立行立改问题${fixes}个。现将巡察情况报告如下。`,
    },
    { key: "problems", heading: "二、发现的主要问题", text: problems },
    {
      key: "suggestions",
      heading: "三、意见建议",
      text: "（请巡察组针对发现的问题，从落实主体责任、完善制度机制、加强干部队伍建设等方面提出意见建议。）",
    },
    {
      key: "other",
      heading: "四、问题线索及其他需要报告的事项",
      text: "（巡察中发现的问题线索，另行专题报告。）",
    },
  ];
}

/** Section text → document blocks: "（一）…" lines become 楷体 subheadings, other lines paragraphs. */
export function sectionBlocks(sections: ReportSection[]): GongwenBlock[] {
  return sections.flatMap((s): GongwenBlock[] => [
    { type: "heading1", text: s.heading },
    ...s.text
      .split(/\n+/)
      .map((line) => line.trim())
      .filter(Boolean)
      .map((line): GongwenBlock => {
        const m = /^(（[一二三四五六七八九十\d]+）)(.*)$/.exec(line);
        return m && m[2]!.length <= 30 ? { type: "heading2", text: line } : { type: "paragraph", text: line };
      }),
  ]);
}

export interface ReportDocument {
  kind: ReportKind;
  title: string;
  committeeName: string;
  groupFullName: string;
  sections: ReportSection[];
  /** YYYY-MM-DD */
  date: string;
}

/** A report as a formal document (公文 layout); reports go up to the leading group without a number. */
export function reportGongwen(r: ReportDocument): GongwenInput {
  return {
    issuerMark: r.groupFullName,
    number: "",
    title: r.title,
    addressee: `${r.committeeName}巡察工作领导小组`,
    body: sectionBlocks(r.sections),
    signature: r.groupFullName,
    date: r.date,
    printedBy: `${r.groupFullName}（${REPORT_KINDS.labels[r.kind]}）`,
  };
}
