import { fullGroupName } from "./authorization-content";
import { chineseDate, type GongwenBlock, type GongwenInput } from "./gongwen";
import type { RoundSheet, SheetGroup } from "./round-sheet";

/** 六大纪律: the scope of an announcement. */
export const SIX_DISCIPLINES = [
  "政治纪律",
  "组织纪律",
  "廉洁纪律",
  "群众纪律",
  "工作纪律",
  "生活纪律",
] as const;

export interface AnnouncementOptions {
  phone: string;
  /** 邮政信箱, e.g. 测试县邮政1001号信箱 */
  mailbox: string;
  email: string;
  /** Last day tips are accepted, YYYY-MM-DD. */
  deadline: string;
  /** 成文日期 YYYY-MM-DD */
  date: string;
  /** The round's public tip page: <public base URL>/t/<roundId>, encoded in the QR code. */
  tipUrl: string;
  qrPng: Uint8Array;
  /** Only this group's announcement, when given. */
  group?: SheetGroup | undefined;
}

/**
 * The announcement (巡察公告) of a round or of one group: who inspects whom and when, what tips are
 * received (六大纪律), the phone, mailbox, email and QR code, and the acceptance deadline.
 */
export function announcementContent(sheet: RoundSheet, o: AnnouncementOptions) {
  const groups = o.group ? [o.group] : sheet.groups;
  const who = o.group ? fullGroupName(sheet.committeeName, o.group) : `${sheet.roundName}各巡察组`;
  const title = o.group
    ? `${who}关于巡察${o.group.targets.join("、") || "有关党组织"}的公告`
    : `${sheet.roundName}公告`;
  const period = `${chineseDate(sheet.startsOn)}至${chineseDate(sheet.endsOn)}`;
  const body: GongwenBlock[] = [
    {
      type: "paragraph",
      text: o.group
        ? `根据${sheet.committeeName}巡察工作统一部署，${who}于${period}对${o.group.targets.join("、") || "有关党组织"}开展${sheet.kindLabel}。`
        : `根据${sheet.committeeName}巡察工作统一部署，${sheet.roundName}于${period}开展，派出${sheet.groups.length}个巡察组，各巡察组及巡察对象如下表。`,
    },
    ...(o.group
      ? []
      : [
          {
            type: "table" as const,
            columns: ["巡察组", "巡察对象"],
            widths: [1, 2],
            rows: groups.map((g) => [g.name, g.targets.join("、") || "（待定）"]),
          },
        ]),
    {
      type: "paragraph",
      text:
        "巡察期间，巡察组主要受理反映被巡察党组织领导班子及其成员、下一级党组织领导班子主要负责人和重要岗位领导干部问题的来信、来电、来访，" +
        `重点是违反${SIX_DISCIPLINES.join("、")}等方面的举报和反映，以及群众身边的不正之风和腐败问题。` +
        "其他不属于巡察受理范围的信访问题，将按规定交由被巡察党组织和有关部门处理。",
    },
    {
      type: "paragraph",
      text: `巡察期间设专门值班电话：${o.phone}；专门邮政信箱：${o.mailbox}；电子邮箱：${o.email}。也可扫描下方二维码在线反映问题。受理时间截至${chineseDate(o.deadline)}。`,
    },
    {
      type: "paragraph",
      text: "反映问题应当实事求是、客观真实。提倡实名反映，对反映人的信息严格保密；匿名反映的，可凭受理编号查询办理情况。",
    },
    { type: "image", png: o.qrPng, widthMm: 35, caption: `扫码反映问题：${o.tipUrl}` },
  ];
  return {
    title,
    gongwen: (numbered: { number: string; issuer: string }): GongwenInput => ({
      issuerMark: `${numbered.issuer}文件`,
      number: numbered.number,
      title,
      body,
      signature: o.group ? who : numbered.issuer,
      date: o.date,
    }),
  };
}
