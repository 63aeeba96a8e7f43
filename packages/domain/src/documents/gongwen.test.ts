import QRCode from "qrcode";
import { describe, expect, it } from "vitest";
import { chineseDate, GONGWEN_PAGE, type GongwenInput, LINE_PITCH, renderGongwen } from "./gongwen";
import { docxParagraphs, readZip, readZipText } from "./read-zip";

const input: GongwenInput = {
  issuerMark: "中共测试县委巡察工作领导小组文件",
  number: "测巡组发〔2026〕3号",
  title: "中共测试县委巡察工作领导小组\n关于十四届县委第八轮巡察授权任职及任务分工的决定",
  addressee: "县委各巡察组，各被巡察党组织",
  body: [
    { type: "paragraph", text: "根据《中国共产党巡视工作条例》，决定如下。" },
    { type: "heading1", text: "一、授权任职" },
    { type: "heading2", text: "（一）县委第一巡察组", rest: "组长：张三。" },
    {
      type: "table",
      columns: ["巡察组", "组长", "被巡察党组织"],
      rows: [["第一巡察组", "张三", "甲单位\n乙单位"]],
    },
  ],
  attachments: ["巡察组成员名单", "巡察组联系方式"],
  signature: "中共测试县委巡察工作领导小组",
  date: "2026-11-23",
  copyTo: ["县纪委监委", "县委组织部"],
  printedBy: "县委巡察工作领导小组办公室",
};

const documentXml = async (i: GongwenInput = input) =>
  readZipText(await renderGongwen(i), "word/document.xml");

/** The run properties of the run holding a text. */
const runOf = (xml: string, text: string) => {
  const at = xml.indexOf(`>${text}</w:t>`);
  expect(at, `run "${text}"`).toBeGreaterThan(0);
  const start = xml.lastIndexOf("<w:r>", at);
  return xml.slice(start, at);
};

describe("renderGongwen", () => {
  it("writes the text in the order of the standard: mark, number, title, addressee, body, signature, date, 版记", async () => {
    const paragraphs = docxParagraphs(await documentXml()).filter(Boolean);
    expect(paragraphs).toEqual([
      "中共测试县委巡察工作领导小组文件",
      "测巡组发〔2026〕3号",
      "中共测试县委巡察工作领导小组",
      "关于十四届县委第八轮巡察授权任职及任务分工的决定",
      "县委各巡察组，各被巡察党组织：",
      "根据《中国共产党巡视工作条例》，决定如下。",
      "一、授权任职",
      "（一）县委第一巡察组组长：张三。",
      "巡察组",
      "组长",
      "被巡察党组织",
      "第一巡察组",
      "张三",
      "甲单位",
      "乙单位",
      "附件：1. 巡察组成员名单",
      "　　　2. 巡察组联系方式",
      "中共测试县委巡察工作领导小组",
      "2026年11月23日",
      "抄送：县纪委监委，县委组织部。",
      "县委巡察工作领导小组办公室",
      "2026年11月23日印发",
    ]);
  });

  it("sets A4 with the standard's margins and a 22 × 28 grid", async () => {
    const xml = await documentXml();
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    expect(xml).toMatch(/<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"/);
    expect(GONGWEN_PAGE).toMatchObject({ top: 2098, bottom: 1984, left: 1587, right: 1474 });
    // 225 mm of type area / 22 lines = 28.95 pt; 23 lines would not fit.
    expect(LINE_PITCH).toBe(579);
    expect(LINE_PITCH * 22).toBeLessThanOrEqual(16838 - 2098 - 1984);
    expect(LINE_PITCH * 23).toBeGreaterThan(16838 - 2098 - 1984);
    const grid = xml.match(/<w:docGrid w:type="linesAndChars" w:linePitch="579" w:charSpace="(-?\d+)"\/>/);
    expect(grid).not.toBeNull();
    // 28 characters of 16 pt + charSpace fill the 156 mm line.
    const pitchPt = 16 + Number(grid![1]) / 4096;
    expect(Math.floor(((11906 - 1587 - 1474) / 20 / pitchPt) * 100) / 100).toBeGreaterThanOrEqual(28);
    expect(Math.floor((11906 - 1587 - 1474) / 20 / pitchPt)).toBe(28);
    expect(xml).toContain('w:line="579" w:lineRule="exact"');
  });

  it("uses the official fonts and sizes: title 小标宋 二号, body 仿宋 三号, headings 黑体 and 楷体", async () => {
    const xml = await documentXml();
    const mark = runOf(xml, "中共测试县委巡察工作领导小组文件");
    expect(mark).toContain('w:eastAsia="方正小标宋简体"');
    expect(mark).toContain('<w:color w:val="FF0000"/>');
    const title = runOf(xml, "关于十四届县委第八轮巡察授权任职及任务分工的决定");
    expect(title).toContain('w:eastAsia="方正小标宋简体"');
    expect(title).toContain('<w:sz w:val="44"/>');
    const body = runOf(xml, "根据《中国共产党巡视工作条例》，决定如下。");
    expect(body).toContain('w:eastAsia="仿宋_GB2312"');
    expect(body).toContain('<w:sz w:val="32"/>');
    expect(runOf(xml, "一、授权任职")).toContain('w:eastAsia="黑体"');
    expect(runOf(xml, "（一）县委第一巡察组")).toContain('w:eastAsia="楷体_GB2312"');
    expect(runOf(xml, "组长：张三。")).toContain('w:eastAsia="仿宋_GB2312"');
    expect(runOf(xml, "2026年11月23日印发")).toContain('<w:sz w:val="28"/>');
    // Body paragraphs are indented two characters; the addressee is flush left.
    const bodyPara = xml.slice(
      xml.lastIndexOf("<w:p>", xml.indexOf("根据《中国共产党")),
      xml.indexOf("根据《中国共产党"),
    );
    expect(bodyPara).toContain('w:firstLineChars="200"');
    const addressee = xml.slice(
      xml.lastIndexOf("<w:p>", xml.indexOf("县委各巡察组，")),
      xml.indexOf("县委各巡察组，"),
    );
    expect(addressee).not.toContain("firstLine");
    // The number sits over the red separator line.
    const numberPara = xml.slice(xml.lastIndexOf("<w:p>", xml.indexOf("测巡组发")), xml.indexOf("测巡组发"));
    expect(numberPara).toMatch(/<w:bottom w:val="single" w:color="FF0000"/);
    expect(numberPara).toContain('<w:jc w:val="center"/>');
  });

  it("declares the official fonts with the system fonts to fall back to", async () => {
    const fonts = readZipText(await renderGongwen(input), "word/fontTable.xml");
    for (const [name, alt] of [
      ["仿宋_GB2312", "仿宋"],
      ["楷体_GB2312", "楷体"],
      ["方正小标宋简体", "宋体"],
    ]) {
      expect(fonts).toContain(`<w:font w:name="${name}"><w:altName w:val="${alt}"/>`);
    }
    expect(fonts).toContain('<w:charset w:val="86"/>');
  });

  it("numbers pages — 1 — in 四号 宋体, odd pages right and even pages left", async () => {
    const bytes = await renderGongwen(input);
    const entries = readZip(bytes);
    const xml = readZipText(bytes, "word/document.xml");
    expect(xml).toMatch(/<w:footerReference w:type="default" r:id="\w+"\/><w:footerReference w:type="even"/);
    expect(readZipText(bytes, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    const footers = [...entries.keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k)).sort();
    expect(footers).toHaveLength(2);
    const [odd, even] = footers.map((f) => readZipText(bytes, f));
    for (const footer of [odd!, even!]) {
      expect(footer).toContain('<w:instrText xml:space="preserve">PAGE</w:instrText>');
      expect(docxParagraphs(footer)).toEqual(["—  —"]);
      expect(footer).toContain('w:eastAsia="宋体"');
      expect(footer).toContain('<w:sz w:val="28"/>');
    }
    expect(odd).toContain('<w:jc w:val="right"/>');
    expect(even).toContain('<w:jc w:val="left"/>');
    const centered = readZip(await renderGongwen({ ...input, pageNumbers: "center" }));
    const only = [...centered.keys()].filter((k) => /^word\/footer\d+\.xml$/.test(k));
    expect(only).toHaveLength(1);
    expect(Buffer.from(centered.get(only[0]!)!).toString()).toContain('<w:jc w:val="center"/>');
  });

  it("puts 版记 in a table pinned to the foot of the page, and leaves it out when there is none", async () => {
    const xml = await documentXml();
    expect(xml).toContain('w:tblpYSpec="bottom"');
    const bare = await documentXml({ ...input, copyTo: undefined, printedBy: undefined });
    expect(bare).not.toContain("tblpYSpec");
    expect(bare).not.toContain("印发");
  });

  it("shifts the signature right when the date is longer than it", async () => {
    const xml = await documentXml({ ...input, signature: "巡察办" });
    const sig = xml.slice(xml.lastIndexOf("<w:p>", xml.indexOf(">巡察办<")), xml.indexOf(">巡察办<"));
    const date = xml.slice(
      xml.lastIndexOf("<w:p>", xml.indexOf(">2026年11月23日<")),
      xml.indexOf(">2026年11月23日<"),
    );
    const right = (p: string) => Number(p.match(/<w:ind w:right="(\d+)"/)![1]);
    // The date keeps two characters from the edge; the signature starts two characters before it.
    expect(right(date)).toBe(Math.round(2 * ((11906 - 1587 - 1474) / 28)));
    expect(right(sig)).toBeGreaterThan(right(date));
  });

  it("embeds a picture (a QR code) as a PNG part", async () => {
    const png = await QRCode.toBuffer("https://example.org/t/1", { type: "png", margin: 1 });
    const bytes = await renderGongwen({
      ...input,
      body: [{ type: "image", png, widthMm: 30, caption: "扫码反映问题" }],
    });
    const media = [...readZip(bytes).entries()].filter(([k]) => k.startsWith("word/media/"));
    expect(media).toHaveLength(1);
    expect(Buffer.from(media[0]![1]).subarray(1, 4).toString()).toBe("PNG");
    expect(docxParagraphs(readZipText(bytes, "word/document.xml"))).toContain("扫码反映问题");
  });

  it("escapes text and writes dates in Arabic numerals", async () => {
    expect(chineseDate("2026-01-05")).toBe("2026年1月5日");
    const xml = await documentXml({ ...input, body: [{ type: "paragraph", text: "A&B <c>" }] });
    expect(docxParagraphs(xml)).toContain("A&B <c>");
  });
});
