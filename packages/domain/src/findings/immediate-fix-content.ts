import { chineseDate, type GongwenInput } from "../documents/gongwen";

export interface ImmediateFixNotice {
  committeeName: string;
  /** 测试县委第一巡察组 */
  groupFullName: string;
  roundName: string;
  targetName: string;
  findingTitle: string;
  findingDescription: string;
  requirement: string;
  /** YYYY-MM-DD */
  deadline: string;
  /** 成文日期 YYYY-MM-DD */
  date: string;
}

/**
 * The 立行立改通知书 a group sends to the target: the problem as found, what must be done, by when,
 * and how to report it. Issued with the number of the committee's register for immediateFix.
 */
export function immediateFixContent(n: ImmediateFixNotice) {
  const title = `关于对“${n.findingTitle.replace(/[“”]/g, "")}”问题立行立改的通知`;
  return {
    title,
    gongwen: (numbered: { number: string; issuer: string }): GongwenInput => ({
      issuerMark: `中共${n.groupFullName.replace(/^中共/, "")}`,
      number: numbered.number,
      title,
      addressee: n.targetName,
      body: [
        {
          type: "paragraph",
          text:
            `根据${n.committeeName}巡察工作统一部署，${n.groupFullName}正在对你单位开展${n.roundName}。` +
            "巡察中发现以下问题，性质明确、能够立即整改，现通知你单位立行立改。",
        },
        { type: "heading1", text: "一、发现的问题" },
        { type: "paragraph", text: `${n.findingTitle}。${n.findingDescription}`.replace(/。。/g, "。") },
        { type: "heading1", text: "二、整改要求" },
        ...n.requirement
          .split(/\n+/)
          .map((t) => t.trim())
          .filter(Boolean)
          .map((text) => ({ type: "paragraph" as const, text })),
        { type: "heading1", text: "三、报告方式" },
        {
          type: "paragraph",
          text:
            `请于${chineseDate(n.deadline)}前完成整改，并将整改情况和佐证材料通过巡察工作系统报送${n.groupFullName}。` +
            "巡察组将对整改情况进行核实，整改不到位的将退回重新整改。",
        },
      ],
      signature: n.groupFullName,
      date: n.date,
      printedBy: numbered.issuer,
    }),
  };
}
