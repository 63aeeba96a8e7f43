import { getTableColumns, getTableName, type SQL, sql, type Table, type Tx } from "@xuncha/db";

/** Postgres array element types for the column types the demo writes. */
const ARRAY_TYPES: Record<string, string> = {
  uuid: "uuid",
  text: "text",
  integer: "int4",
  boolean: "bool",
  date: "date",
  "timestamp with time zone": "timestamptz",
};

/** Separator for text[] columns, which unnest would flatten: they travel joined and are split back. */
const LIST_SEPARATOR = "\u001f";

const param = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : (value ?? null));

/**
 * Inserts many rows with one statement: each column travels as one array parameter and
 * `unnest` turns them back into rows. Every row must set the same columns.
 */
export async function insertRows<T extends Table>(tx: Tx, table: T, rows: T["$inferInsert"][], chunk = 5000) {
  if (rows.length === 0) return;
  const columns = getTableColumns(table);
  const keys = Object.keys(rows[0]!) as (keyof typeof columns & string)[];
  for (const row of rows) {
    const rowKeys = Object.keys(row);
    if (rowKeys.length !== keys.length || !keys.every((k) => k in row)) {
      throw new Error(`insertRows(${getTableName(table)}): rows must all set the same columns`);
    }
  }
  for (let offset = 0; offset < rows.length; offset += chunk) {
    const part = rows.slice(offset, offset + chunk) as Record<string, unknown>[];
    const names: SQL[] = [];
    const arrays: SQL[] = [];
    const selects: SQL[] = [];
    keys.forEach((key, i) => {
      const column = columns[key];
      if (!column) throw new Error(`insertRows(${getTableName(table)}): unknown column ${key}`);
      const type = column.getSQLType();
      const alias = sql`${sql.identifier(`c${i}`)}`;
      names.push(sql`${sql.identifier(column.name)}`);
      if (type === "text[]") {
        const joined = part.map((r) => (r[key] as string[] | null | undefined)?.join(LIST_SEPARATOR) ?? null);
        arrays.push(sql`${sql.param(joined)}::text[]`);
        selects.push(sql`coalesce(string_to_array(${alias}, ${LIST_SEPARATOR}), '{}')`);
        return;
      }
      if (type === "jsonb" || type.startsWith("numeric")) {
        // Sent as text and cast back per row (jsonb[] parameters are awkward on both drivers).
        const cast = type === "jsonb" ? sql.raw("jsonb") : sql.raw("numeric");
        const texts = part.map((r) => {
          const v = r[key];
          if (v === undefined || v === null) return null;
          return type === "jsonb" ? JSON.stringify(v) : String(v);
        });
        arrays.push(sql`${sql.param(texts)}::text[]`);
        selects.push(sql`${alias}::${cast}`);
        return;
      }
      const element = ARRAY_TYPES[type];
      if (!element) throw new Error(`insertRows(${getTableName(table)}): unsupported column type ${type}`);
      arrays.push(sql`${sql.param(part.map((r) => param(r[key])))}::${sql.raw(element)}[]`);
      selects.push(alias);
    });
    await tx.execute(
      sql`insert into ${table} (${sql.join(names, sql`, `)}) select ${sql.join(selects, sql`, `)} from unnest(${sql.join(arrays, sql`, `)}) as t(${sql.join(
        keys.map((_, i) => sql`${sql.identifier(`c${i}`)}`),
        sql`, `,
      )})`,
    );
  }
}
