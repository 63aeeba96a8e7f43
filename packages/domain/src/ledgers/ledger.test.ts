import { PassThrough } from "node:stream";
import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { AppError } from "../model/errors";
import { choiceCell, dateCell, integerCell, isoToExcelDate, textCell, toIsoDate } from "./cells";
import { normalizeHeader } from "./headers";
import { readLedger } from "./read-ledger";
import { column, defineLedger, type LedgerRow, sequenceColumn } from "./spec";
import { streamLedger, writeLedger } from "./write-ledger";

const spec = defineLedger({
  sheetName: "测试台账",
  columns: [
    sequenceColumn(),
    column({
      key: "name",
      header: "单位名称",
      synonyms: ["被巡察单位", "党组织名称"],
      required: true,
      parse: textCell({ max: 20 }),
    }),
    column({ key: "kind", header: "类别", parse: choiceCell({ a: "甲类", b: "乙类" }) }),
    column({
      key: "inspectedOn",
      header: "巡察时间",
      synonyms: ["上次巡察时间"],
      parse: dateCell({ allowMonth: true }),
      format: isoToExcelDate,
      numFmt: "yyyy-mm-dd",
    }),
    column({ key: "count", header: "问题数", parse: integerCell({ min: 0 }) }),
    column({ key: "phone", header: "联系电话", parse: textCell() }),
  ],
});
type Row = LedgerRow<typeof spec>;

/** Builds an .xlsx in memory from an array of rows (row 1 first). */
async function workbookOf(rows: unknown[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Sheet1");
  for (const r of rows) sheet.addRow(r);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe("readLedger", () => {
  it("finds the header below a title, matches synonyms and full-width headers, and reads typed rows", async () => {
    const file = await workbookOf([
      ["××县委巡察工作台账"],
      ["填报单位：县委巡察办", null, "2024年"],
      ["序号", " *被巡察单位 ", "类别", "上次巡察\n时间", "问题数", "联系电话（手机）", "备注"],
      [1, "县教育局党组", "甲类", new Date(Date.UTC(2023, 4, 6)), 3, 13800001111, "无"],
      [2, "县卫健委党组", "b", "2022年3月", null, "0371-1234567"],
    ]);
    const result = await readLedger(file, spec);
    expect(result.headerRow).toBe(3);
    expect(result.errors).toEqual([]);
    expect(result.missingColumns).toEqual([]);
    expect(result.ignoredHeaders).toEqual(["备注"]);
    expect(result.rows).toEqual([
      {
        rowNumber: 4,
        values: {
          name: "县教育局党组",
          kind: "a",
          inspectedOn: "2023-05-06",
          count: 3,
          phone: "13800001111",
        },
      },
      {
        rowNumber: 5,
        values: {
          name: "县卫健委党组",
          kind: "b",
          inspectedOn: "2022-03-01",
          count: null,
          phone: "0371-1234567",
        },
      },
    ]);
  });

  it("reports every bad cell with its Excel row and the header as written, and keeps only good rows", async () => {
    const file = await workbookOf([
      ["党组织名称", "巡察时间", "类别", "问题数"],
      ["甲", "2023-02-30", "丙类", -1],
      [null, "2023/2/28", null, null],
      ["乙", "去年", null, "3"],
      ["丙", 45000, null, null],
    ]);
    const result = await readLedger(file, spec);
    expect(result.errors).toEqual([
      { row: 2, column: "巡察时间", message: expect.stringContaining("不是有效的日期") },
      { row: 2, column: "类别", message: "“丙类”不是可选的值，应为：甲类、乙类" },
      { row: 2, column: "问题数", message: "不能小于 0" },
      { row: 3, column: "党组织名称", message: "不能为空" },
      { row: 4, column: "巡察时间", message: expect.stringContaining("“去年”") },
    ]);
    expect(result.rows).toEqual([
      {
        rowNumber: 5,
        values: expect.objectContaining({ name: "丙", inspectedOn: "2023-03-15", count: null }),
      },
    ]);
  });

  it("skips empty rows, including rows holding only a 序号", async () => {
    const file = await workbookOf([
      ["序号", "单位名称", "类别"],
      [1, "甲", null],
      [2, null, null],
      [],
      [3, "  ", ""],
      [4, "乙", null],
    ]);
    const result = await readLedger(file, spec);
    expect(result.errors).toEqual([]);
    expect(result.rows.map((r) => [r.rowNumber, r.values.name])).toEqual([
      [2, "甲"],
      [6, "乙"],
    ]);
  });

  it("names the missing required columns and reads nothing", async () => {
    const file = await workbookOf([
      ["类别", "巡察时间", "问题数"],
      ["甲类", "2024-01-01", 1],
    ]);
    const result = await readLedger(file, spec);
    expect(result.missingColumns).toEqual(["单位名称"]);
    expect(result.rows).toEqual([]);
  });

  it("reports all required columns missing when no row looks like a header", async () => {
    const file = await workbookOf([["说明"], ["这不是台账"]]);
    const result = await readLedger(file, spec);
    expect(result.headerRow).toBeNull();
    expect(result.missingColumns).toEqual(["单位名称"]);
  });

  it("refuses a file that is not a workbook", async () => {
    const promise = readLedger(new TextEncoder().encode("not an xlsx at all"), spec);
    await expect(promise).rejects.toBeInstanceOf(AppError);
    await expect(promise).rejects.toMatchObject({ code: "import.unreadable" });
  });
});

const rows: Row[] = [
  { name: "县教育局党组", kind: "a", inspectedOn: "2023-05-06", count: 3, phone: "13800001111" },
  { name: "城关镇党委", kind: null, inspectedOn: null, count: null, phone: "" },
];

describe("writeLedger", () => {
  it("writes a title, a bold bordered frozen header, widths and numbered rows that read back the same", async () => {
    const buffer = await writeLedger(spec, rows, { title: "测试台账" });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(
      buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength) as ArrayBuffer,
    );
    const sheet = workbook.getWorksheet("测试台账")!;
    expect(sheet.getCell("A1").value).toBe("测试台账");
    expect(sheet.getCell("A1").isMerged).toBe(true);
    expect(sheet.getRow(2).values).toEqual([
      undefined,
      "序号",
      "单位名称",
      "类别",
      "巡察时间",
      "问题数",
      "联系电话",
    ]);
    expect(sheet.getCell("B2").font?.bold).toBe(true);
    expect(sheet.getCell("B2").border?.bottom?.style).toBe("thin");
    expect(sheet.views[0]).toMatchObject({ state: "frozen", ySplit: 2 });
    expect(sheet.getColumn(2).width).toBeGreaterThanOrEqual(10);
    expect(sheet.getCell("A3").value).toBe(1);
    expect(sheet.getCell("D3").value).toEqual(new Date(Date.UTC(2023, 4, 6)));
    const read = await readLedger(buffer, spec);
    expect(read.headerRow).toBe(2);
    expect(read.errors).toEqual([]);
    expect(read.rows.map((r) => r.values)).toEqual(rows);
  });

  it("streams a large workbook to a writable that reads back the same", async () => {
    const many: Row[] = Array.from({ length: 3000 }, (_, i) => ({
      name: `单位${i}`,
      kind: i % 2 ? "a" : "b",
      inspectedOn: "2024-02-29",
      count: i,
      phone: "",
    }));
    const out = new PassThrough();
    const chunks: Buffer[] = [];
    out.on("data", (chunk: Buffer) => chunks.push(chunk));
    const ended = new Promise((resolve) => out.on("end", resolve));
    async function* source() {
      yield* many;
    }
    await streamLedger(spec, source(), out);
    await ended;
    const read = await readLedger(Buffer.concat(chunks), spec);
    expect(read.headerRow).toBe(1);
    expect(read.errors).toEqual([]);
    expect(read.rows).toHaveLength(3000);
    expect(read.rows[2999]).toEqual({ rowNumber: 3001, values: many[2999] });
  });
});

describe("cells", () => {
  it("reads dates as offices type them", () => {
    expect(toIsoDate("2024年3月1日")).toBe("2024-03-01");
    expect(toIsoDate("2024/3/1")).toBe("2024-03-01");
    expect(toIsoDate("2024.03.01")).toBe("2024-03-01");
    expect(toIsoDate("２０２４－０３－０１")).toBe("2024-03-01");
    expect(toIsoDate("2024-03-01 00:00:00")).toBe("2024-03-01");
    expect(toIsoDate(20240301)).toBe("2024-03-01");
    expect(toIsoDate(45352)).toBe("2024-03-01");
    expect(toIsoDate("2024-02-30")).toBeNull();
    expect(toIsoDate("2024年3月")).toBeNull();
    expect(toIsoDate("2024年3月", true)).toBe("2024-03-01");
    expect(toIsoDate("3月1日")).toBeNull();
  });

  it("normalizes headers: full-width brackets, spaces, required marks", () => {
    expect(normalizeHeader("＊联系电话（手机） ")).toBe("联系电话(手机)");
    expect(normalizeHeader("上次巡察\u3000时间")).toBe("上次巡察时间");
  });

  it("keeps long numbers typed as numbers whole and limits text length", () => {
    expect(textCell()(13800001111)).toEqual({ ok: true, value: "13800001111" });
    expect(textCell({ max: 2 })("三个字")).toEqual({ ok: false, error: "内容过长（不超过 2 个字）" });
  });
});
