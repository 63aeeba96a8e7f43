import ExcelJS from "exceljs";
import { AppError } from "../model/errors";
import { normalizeCell } from "./cells";
import { columnId, matchHeader } from "./headers";
import {
  type AnyLedgerColumn,
  type CellInput,
  isSequence,
  type LedgerColumn,
  type LedgerError,
  type LedgerRow,
  type LedgerSpec,
} from "./spec";

export interface LedgerReadResult<R> {
  /** The rows read without error, with their Excel row number. */
  rows: { rowNumber: number; values: R }[];
  /** Every cell that could not be read. */
  errors: LedgerError[];
  /** Headers of required columns that the file lacks (nothing is read when any is missing). */
  missingColumns: string[];
  /** For each data column found: its header as written in the file (to name it in messages). */
  headers: Record<string, string>;
  /** Headers present in the file that the layout does not know (ignored). */
  ignoredHeaders: string[];
  /** The row holding the headers, and its sheet; null when no sheet has the layout's headers. */
  headerRow: number | null;
  sheetName: string | null;
}

/** How far down a sheet the header row is looked for (titles and notes sit above it). */
const HEADER_SEARCH_ROWS = 30;

type Matched = { colNumber: number; header: string; column: AnyLedgerColumn };

function findHeader(sheet: ExcelJS.Worksheet, columns: readonly AnyLedgerColumn[]) {
  const needed = Math.min(2, columns.length);
  const last = Math.min(sheet.rowCount, HEADER_SEARCH_ROWS);
  for (let r = 1; r <= last; r++) {
    const matched: Matched[] = [];
    const ignored: string[] = [];
    const seen = new Set<string>();
    sheet.getRow(r).eachCell({ includeEmpty: false }, (cell, colNumber) => {
      const text = normalizeCell(cell.value);
      if (text === null) return;
      const header = String(text);
      const column = matchHeader(columns, header);
      // A second cell naming the same column is ignored: the first one wins.
      if (column && !seen.has(columnId(column))) {
        seen.add(columnId(column));
        matched.push({ colNumber, header, column });
      } else ignored.push(header);
    });
    if (matched.length >= needed) return { rowNumber: r, matched, ignored };
  }
  return undefined;
}

async function loadWorkbook(buffer: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs types its input as an ArrayBuffer; hand it a copy of exactly the file's bytes.
    const bytes = buffer.buffer.slice(
      buffer.byteOffset,
      buffer.byteOffset + buffer.byteLength,
    ) as ArrayBuffer;
    await workbook.xlsx.load(bytes);
  } catch {
    throw new AppError("import.unreadable");
  }
  return workbook;
}

/**
 * Reads a ledger from an .xlsx file: finds the first sheet and row whose cells name at least two of
 * the layout's columns (by header or synonym), then parses every non-empty row below it.
 * Throws import.unreadable when the file is not a readable workbook.
 */
export async function readLedger<S extends LedgerSpec>(
  buffer: Uint8Array,
  spec: S,
): Promise<LedgerReadResult<LedgerRow<S>>> {
  const workbook = await loadWorkbook(buffer);
  const columns = spec.columns;
  const required = columns.filter((c): c is LedgerColumn => !isSequence(c) && c.required === true);
  for (const sheet of workbook.worksheets) {
    const header = findHeader(sheet, columns);
    if (!header) continue;
    const present = new Set(header.matched.map((m) => columnId(m.column)));
    const missingColumns = required.filter((c) => !present.has(c.key)).map((c) => c.header);
    const headers: Record<string, string> = {};
    for (const m of header.matched) if (!isSequence(m.column)) headers[m.column.key] = m.header;
    const base = {
      missingColumns,
      headers,
      ignoredHeaders: header.ignored,
      headerRow: header.rowNumber,
      sheetName: sheet.name,
    };
    if (missingColumns.length) return { rows: [], errors: [], ...base };
    const data = header.matched.filter((m): m is Matched & { column: LedgerColumn } => !isSequence(m.column));
    const absent = columns.filter((c): c is LedgerColumn => !isSequence(c) && !present.has(c.key));
    const rows: LedgerReadResult<LedgerRow<S>>["rows"] = [];
    const errors: LedgerError[] = [];
    // Only the rows the sheet stores (eachRow): a sheet formatted down to row 1,048,576 stays cheap.
    const below: [number, ExcelJS.Row][] = [];
    sheet.eachRow((row, r) => {
      if (r > header.rowNumber) below.push([r, row]);
    });
    for (const [r, row] of below) {
      const cells = data.map((m) => ({ ...m, cell: normalizeCell(row.getCell(m.colNumber).value) }));
      if (cells.every((c) => c.cell === null)) continue;
      const values: Record<string, unknown> = {};
      let rowOk = true;
      const take = (column: LedgerColumn, headerText: string, cell: CellInput) => {
        if (cell === null && column.required) {
          errors.push({ row: r, column: headerText, message: "不能为空" });
          rowOk = false;
          return;
        }
        const result = column.parse(cell);
        if (result.ok) values[column.key] = result.value;
        else {
          errors.push({ row: r, column: headerText, message: result.error });
          rowOk = false;
        }
      };
      for (const c of cells) take(c.column, c.header, c.cell);
      for (const column of absent) take(column, column.header, null);
      if (rowOk) rows.push({ rowNumber: r, values: values as LedgerRow<S> });
    }
    return { rows, errors, ...base };
  }
  return {
    rows: [],
    errors: [],
    missingColumns: required.map((c) => c.header),
    headers: {},
    ignoredHeaders: [],
    headerRow: null,
    sheetName: null,
  };
}
