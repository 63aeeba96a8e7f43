import { chineseDate, type GongwenBlock, type GongwenInput } from "./gongwen";
import type { RoundSheet, SheetGroup, SheetPerson } from "./round-sheet";

const CHINESE_ORDINALS = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];
/** （一）…（十）, then （11） as the standard allows beyond ten. */
const ordinal = (i: number) => CHINESE_ORDINALS[i] ?? String(i + 1);

/** 张三（县审计局副局长） */
const named = (p: SheetPerson) => {
  const where = `${p.unit}${p.post}`.trim();
  return where ? `${p.name}（${where}）` : p.name;
};
const names = (ps: SheetPerson[]) => ps.map(named).join("、");
const plain = (ps: SheetPerson[]) => ps.map((p) => p.name).join("、");

/** The full name of a group as printed: 测试县委第一巡察组. */
export const fullGroupName = (committeeName: string, group: { name: string }) =>
  group.name.startsWith(committeeName) ? group.name : `${committeeName}${group.name}`;

function appointment(g: SheetGroup): string {
  const m = g.members;
  const parts = [
    m.leader.length ? `${names(m.leader)}同志任组长` : "",
    m.deputy.length ? `${names(m.deputy)}同志任副组长` : "",
    m.member.length ? `${names(m.member)}同志为组员` : "",
    m.liaison.length ? `${names(m.liaison)}同志任联络员` : "",
  ].filter(Boolean);
  const branch = g.branchSecretary ? `成立临时党支部，${g.branchSecretary}同志任临时党支部书记。` : "";
  return `授权${parts.join("，") || "（人员待定）"}。${branch}`;
}

export interface AuthorizationOptions {
  /** 成文日期 YYYY-MM-DD */
  date: string;
  copyTo?: string[] | undefined;
}

/**
 * The authorization decision (授权任职及任务分工的决定) of a round: who leads and serves in each group,
 * which targets each group inspects, the period, and the leading group's authorization. Wording in
 * the standard style of such decisions ("一轮一组建、一次一授权").
 */
export function authorizationContent(sheet: RoundSheet, options: AuthorizationOptions) {
  const title = `关于${sheet.roundName}授权任职及任务分工的决定`;
  const kind = sheet.theme ? `${sheet.kindLabel}（${sheet.theme}）` : sheet.kindLabel;
  const body: GongwenBlock[] = [
    {
      type: "paragraph",
      text:
        `根据《中国共产党巡视工作条例》和上级关于巡察工作的部署要求，按照“一轮一组建、一次一授权”的原则，` +
        `经研究，决定开展${sheet.roundName}（${kind}），共派出${sheet.groups.length}个巡察组。现将授权任职及任务分工决定如下。`,
    },
    { type: "heading1", text: "一、授权任职" },
    ...sheet.groups.map(
      (g, i): GongwenBlock => ({
        type: "heading2",
        text: `（${ordinal(i)}）${fullGroupName(sheet.committeeName, g)}。`,
        rest: appointment(g),
      }),
    ),
    { type: "heading1", text: "二、任务分工" },
    {
      type: "paragraph",
      text: `${sheet.roundName}各巡察组的巡察对象如下，各巡察组对所负责的被巡察党组织开展${sheet.kindLabel}。`,
    },
    {
      type: "table",
      columns: ["巡察组", "组长", "副组长", "组员、联络员", "巡察对象"],
      widths: [2, 1.2, 1.2, 2.2, 3],
      rows: sheet.groups.map((g) => [
        g.name,
        plain(g.members.leader),
        plain(g.members.deputy),
        [plain(g.members.member), g.members.liaison.length ? `联络员：${plain(g.members.liaison)}` : ""]
          .filter(Boolean)
          .join("\n"),
        g.targets.join("\n") || "（待定）",
      ]),
    },
    { type: "heading1", text: "三、巡察时间" },
    {
      type: "paragraph",
      text: `本轮巡察自${chineseDate(sheet.startsOn)}开始，至${chineseDate(sheet.endsOn)}结束。各巡察组进驻时间以巡察动员会召开时间为准。`,
    },
    { type: "heading1", text: "四、授权事项" },
    {
      type: "paragraph",
      text:
        "各巡察组在巡察工作领导小组领导下开展工作，对巡察工作领导小组负责并报告工作。巡察期间，巡察组代表本级党委开展巡察监督，" +
        "可以采取听取汇报、个别谈话、受理信访、调阅资料、问卷调查、走访调研、列席会议等方式了解情况，被巡察党组织及其工作人员应当如实提供情况、积极配合。",
    },
    {
      type: "paragraph",
      text:
        "巡察组组长、副组长、组员和联络员要严格执行回避、保密和廉洁纪律规定，不干预被巡察单位的正常工作，不履行执纪审查职责。" +
        "本授权自本决定印发之日起生效，本轮巡察工作结束后自行终止。",
    },
  ];
  return {
    title,
    gongwen: (numbered: { number: string; issuer: string }): GongwenInput => ({
      issuerMark: `${numbered.issuer}文件`,
      number: numbered.number,
      title: `${numbered.issuer}\n${title}`,
      addressee: "各巡察组，各被巡察党组织",
      body,
      signature: numbered.issuer,
      date: options.date,
      copyTo: options.copyTo,
      printedBy: `${numbered.issuer.replace(/^中共/, "")}办公室`,
    }),
  };
}
