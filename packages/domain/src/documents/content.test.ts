import { describe, expect, it } from "vitest";
import { announcementContent, SIX_DISCIPLINES } from "./announcement-content";
import { authorizationContent } from "./authorization-content";
import type { GongwenBlock } from "./gongwen";
import type { RoundSheet } from "./round-sheet";

const person = (name: string, unit = "", post = "") => ({ name, unit, post });
const sheet: RoundSheet = {
  committeeName: "测试县委",
  roundName: "十四届县委第八轮巡察",
  kindLabel: "常规巡察",
  theme: "",
  startsOn: "2026-09-01",
  endsOn: "2026-10-15",
  groups: [
    {
      id: "g1",
      number: 1,
      name: "第一巡察组",
      members: {
        leader: [person("张三", "县人大常委会", "副主任")],
        deputy: [person("李四")],
        member: [person("王五"), person("赵六")],
        liaison: [person("钱七")],
      },
      branchSecretary: "张三",
      targets: ["县教育局", "县卫健局"],
    },
    {
      id: "g2",
      number: 2,
      name: "第二巡察组",
      members: { leader: [person("孙八")], deputy: [], member: [], liaison: [] },
      branchSecretary: "孙八",
      targets: [],
    },
  ],
};

const textOf = (blocks: GongwenBlock[]) =>
  blocks
    .map((b) =>
      b.type === "table"
        ? [...b.columns, ...b.rows.flat()].join(" ")
        : b.type === "image"
          ? (b.caption ?? "")
          : `${b.text}${"rest" in b ? (b.rest ?? "") : ""}`,
    )
    .join("\n");

describe("authorizationContent", () => {
  const content = authorizationContent(sheet, { date: "2026-08-20", copyTo: ["县纪委监委"] });
  const doc = content.gongwen({ number: "测巡组发〔2026〕3号", issuer: "中共测试县委巡察工作领导小组" });

  it("appoints each group's people by role, with units, and names the branch secretary", () => {
    const text = textOf(doc.body);
    expect(text).toContain(
      "（一）测试县委第一巡察组。授权张三（县人大常委会副主任）同志任组长，李四同志任副组长，王五、赵六同志为组员，钱七同志任联络员。成立临时党支部，张三同志任临时党支部书记。",
    );
    expect(text).toContain("（二）测试县委第二巡察组。授权孙八同志任组长。");
  });

  it("divides the targets in a table and states the period and the authorization", () => {
    const table = doc.body.find((b) => b.type === "table");
    expect(table).toMatchObject({
      rows: [
        ["第一巡察组", "张三", "李四", "王五、赵六\n联络员：钱七", "县教育局\n县卫健局"],
        ["第二巡察组", "孙八", "", "", "（待定）"],
      ],
    });
    const text = textOf(doc.body);
    expect(text).toContain("本轮巡察自2026年9月1日开始，至2026年10月15日结束。");
    expect(text).toContain("一轮一组建、一次一授权");
    expect(text).toContain("本授权自本决定印发之日起生效，本轮巡察工作结束后自行终止。");
  });

  it("heads, signs and prints it as the leading group's document", () => {
    expect(content.title).toBe("关于十四届县委第八轮巡察授权任职及任务分工的决定");
    expect(doc).toMatchObject({
      issuerMark: "中共测试县委巡察工作领导小组文件",
      number: "测巡组发〔2026〕3号",
      title: "中共测试县委巡察工作领导小组\n关于十四届县委第八轮巡察授权任职及任务分工的决定",
      addressee: "各巡察组，各被巡察党组织",
      signature: "中共测试县委巡察工作领导小组",
      date: "2026-08-20",
      copyTo: ["县纪委监委"],
      printedBy: "测试县委巡察工作领导小组办公室",
    });
  });
});

describe("announcementContent", () => {
  const options = {
    phone: "0931-1234567",
    mailbox: "测试县邮政1001号信箱",
    email: "xc@example.gov.cn",
    deadline: "2026-10-10",
    date: "2026-09-01",
    tipUrl: "https://xc.example.gov.cn/t/r1",
    qrPng: new Uint8Array([1]),
  };
  const numbered = { number: "测巡组发〔2026〕4号", issuer: "中共测试县委巡察工作领导小组" };

  it("states the scope (六大纪律), the channels, the deadline and the QR code", () => {
    const content = announcementContent(sheet, options);
    const doc = content.gongwen(numbered);
    const text = textOf(doc.body);
    expect(text).toContain(`违反${SIX_DISCIPLINES.join("、")}等方面的举报和反映`);
    expect(text).toContain(
      "巡察期间设专门值班电话：0931-1234567；专门邮政信箱：测试县邮政1001号信箱；电子邮箱：xc@example.gov.cn。",
    );
    expect(text).toContain("受理时间截至2026年10月10日。");
    expect(doc.body.find((b) => b.type === "image")).toMatchObject({ png: options.qrPng, widthMm: 35 });
    expect(text).toContain("https://xc.example.gov.cn/t/r1");
    expect(content.title).toBe("十四届县委第八轮巡察公告");
    expect(doc.signature).toBe(numbered.issuer);
  });

  it("for one group, names its targets and signs as the group", () => {
    const content = announcementContent(sheet, { ...options, group: sheet.groups[0] });
    const doc = content.gongwen(numbered);
    expect(content.title).toBe("测试县委第一巡察组关于巡察县教育局、县卫健局的公告");
    expect(textOf(doc.body)).toContain(
      "测试县委第一巡察组于2026年9月1日至2026年10月15日对县教育局、县卫健局开展常规巡察。",
    );
    expect(doc.body.some((b) => b.type === "table")).toBe(false);
    expect(doc.signature).toBe("测试县委第一巡察组");
  });
});
