import type { Writable } from "node:stream";
import ExcelJS from "exceljs";
import { type CellOutput, isSequence, type LedgerRow, type LedgerSpec } from "./spec";

export interface WriteLedgerOptions {
  /** A title above the header row, merged across the columns (e.g. "××县委巡察被巡察对象库"). */
  title?: string;
}

const THIN = { style: "thin" } as const;
const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Display width of a text: CJK characters count double. */
const textWidth = (text: string) => [...text].reduce((w, ch) => w + (/[\u2e80-\uffff]/.test(ch) ? 2 : 1), 0);

function cellsOf(spec: LedgerSpec, row: Record<string, unknown>, index: number): CellOutput[] {
  return spec.columns.map((c) => {
    if (isSequence(c)) return index + 1;
    const value = row[c.key];
    if (c.format) return c.format(value);
    return value === undefined ? null : (value as CellOutput);
  });
}

/** Lays out the sheet: widths, optional title row, bold bordered header, the header frozen. */
function layout(sheet: ExcelJS.Worksheet, spec: LedgerSpec, options: WriteLedgerOptions) {
  sheet.columns = spec.columns.map((c) => ({
    width: c.width ?? Math.max(8, textWidth(c.header) + 4),
    ...(!isSequence(c) && c.numFmt ? { style: { numFmt: c.numFmt } } : {}),
  }));
  if (options.title) {
    const title = sheet.addRow([options.title]);
    title.height = 28;
    title.getCell(1).font = { bold: true, size: 16 };
    title.getCell(1).alignment = { horizontal: "center", vertical: "middle" };
    sheet.mergeCells(1, 1, 1, spec.columns.length);
    title.commit();
  }
  const header = sheet.addRow(spec.columns.map((c) => c.header));
  header.eachCell((cell) => {
    cell.font = { bold: true };
    cell.border = BORDER;
    cell.alignment = { horizontal: "center", vertical: "middle", wrapText: true };
  });
  header.commit();
}

function addDataRow(sheet: ExcelJS.Worksheet, spec: LedgerSpec, cells: CellOutput[]) {
  const row = sheet.addRow(cells);
  for (let i = 1; i <= spec.columns.length; i++) {
    const cell = row.getCell(i);
    cell.border = BORDER;
    const c = spec.columns[i - 1];
    if (c && !isSequence(c) && c.numFmt) cell.numFmt = c.numFmt;
  }
  row.commit();
}

const sheetOptions = (options: WriteLedgerOptions): Partial<ExcelJS.AddWorksheetOptions> => ({
  views: [{ state: "frozen", ySplit: options.title ? 2 : 1 }],
});

/** Writes rows in a ledger's layout to an .xlsx file in memory. */
export async function writeLedger<S extends LedgerSpec>(
  spec: S,
  rows: readonly LedgerRow<S>[],
  options: WriteLedgerOptions = {},
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(spec.sheetName, sheetOptions(options));
  layout(sheet, spec, options);
  rows.forEach((row, i) => {
    addDataRow(sheet, spec, cellsOf(spec, row as Record<string, unknown>, i));
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/**
 * Streams rows in a ledger's layout to a writable (an HTTP response, a file) without holding the
 * workbook in memory: for large exports. Resolves when the workbook is complete.
 */
export async function streamLedger<S extends LedgerSpec>(
  spec: S,
  rows: Iterable<LedgerRow<S>> | AsyncIterable<LedgerRow<S>>,
  stream: Writable,
  options: WriteLedgerOptions = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream,
    useStyles: true,
    useSharedStrings: false,
  });
  const sheet = workbook.addWorksheet(spec.sheetName, sheetOptions(options));
  layout(sheet, spec, options);
  let i = 0;
  for await (const row of rows) addDataRow(sheet, spec, cellsOf(spec, row as Record<string, unknown>, i++));
  sheet.commit();
  await workbook.commit();
}
