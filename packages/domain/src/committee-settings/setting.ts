import { and, committeeSettings, eq, type Tx } from "@xuncha/db";
import type { z } from "zod";

/**
 * One key of a committee's settings: a zod schema for its value and the default used until the
 * office saves its own. Register each key in registry.ts.
 */
export interface SettingDef<S extends z.ZodType = z.ZodType> {
  key: string;
  /** What the office sees (Chinese). */
  label: string;
  schema: S;
  defaults: () => z.output<S>;
}

export const defineSetting = <S extends z.ZodType>(def: SettingDef<S>): SettingDef<S> => def;

/**
 * A committee's value of one setting: its saved value, or the default when it has none (or when a
 * saved value no longer fits the schema after the schema changed).
 */
export async function loadSetting<S extends z.ZodType>(
  tx: Tx,
  committeeId: string,
  def: SettingDef<S>,
): Promise<{ value: z.output<S>; isDefault: boolean }> {
  const [row] = await tx
    .select({ value: committeeSettings.value })
    .from(committeeSettings)
    .where(and(eq(committeeSettings.committeeId, committeeId), eq(committeeSettings.key, def.key)));
  if (row) {
    const parsed = def.schema.safeParse(row.value);
    if (parsed.success) return { value: parsed.data, isDefault: false };
  }
  return { value: def.defaults(), isDefault: true };
}
