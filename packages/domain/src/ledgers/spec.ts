/** A cell as read from a sheet, normalized: trimmed text (never empty), number, boolean or date. */
export type CellInput = string | number | boolean | Date | null;
/** A cell as written to a sheet. */
export type CellOutput = string | number | boolean | Date | null;

export type CellResult<V> = { ok: true; value: V } | { ok: false; error: string };
/** Parses one cell: the value, or an error message in Chinese. */
export type CellParser<V> = (cell: CellInput) => CellResult<V>;

/** A data column of a ledger: where its value comes from and how it is written back. */
export interface LedgerColumn<K extends string = string, V = unknown> {
  key: K;
  /** The header as written in the layout of LEDGERS.md. */
  header: string;
  /** Other headers offices use for the same column. */
  synonyms?: readonly string[];
  /** The column must be present, and a blank cell is an error. Blank cells of other columns parse as null. */
  required?: boolean;
  parse: CellParser<V>;
  /** How a value is written to a cell; the value itself by default. Method syntax keeps columns assignable. */
  format?(value: V): CellOutput;
  /** Column width in characters. */
  width?: number;
  /** Excel number format of the written cells (e.g. "yyyy-mm-dd"). */
  numFmt?: string;
}

/** The 序号 column: numbered 1…n on export, ignored on import (a row holding only a number is empty). */
export interface SequenceColumn {
  sequence: true;
  header: string;
  synonyms?: readonly string[];
  width?: number;
}

export type AnyLedgerColumn = LedgerColumn<string, unknown> | SequenceColumn;

export interface LedgerSpec<C extends readonly AnyLedgerColumn[] = readonly AnyLedgerColumn[]> {
  /** Name of the sheet written on export. */
  sheetName: string;
  columns: C;
}

/** Declares a ledger layout; keeps the literal column keys so that rows are typed. */
export function defineLedger<const C extends readonly AnyLedgerColumn[]>(spec: LedgerSpec<C>): LedgerSpec<C> {
  return spec;
}

/** Declares one data column, inferring its key and value type. */
export function column<const K extends string, V>(c: LedgerColumn<K, V>): LedgerColumn<K, V> {
  return c;
}

export const sequenceColumn = (
  header = "序号",
  synonyms: readonly string[] = ["编号", "序"],
): SequenceColumn => ({
  sequence: true,
  header,
  synonyms,
  width: 6,
});

export const isSequence = (c: AnyLedgerColumn): c is SequenceColumn => "sequence" in c;

type DataColumns<C extends readonly AnyLedgerColumn[]> = Extract<C[number], LedgerColumn<string, unknown>>;

/** The typed row of a ledger: one property per data column. */
export type LedgerRow<S> =
  S extends LedgerSpec<infer C>
    ? { [Col in DataColumns<C> as Col["key"]]: Col extends LedgerColumn<string, infer V> ? V : never }
    : never;

/** A cell that could not be read, located as the user sees it in Excel. */
export interface LedgerError {
  /** Excel row number (1-based, as shown in the sheet). */
  row: number;
  /** The header of the column as written in the file (or the layout's header). */
  column: string;
  message: string;
}
