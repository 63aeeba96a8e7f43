import { and, eq, ne, type Tx, targets } from "@xuncha/db";
import type { TargetCategory } from "../model/enums";
import { AppError } from "../model/errors";
import { inferTargetCategory, type TownshipRef, targetNameKey } from "./target-category";

/** The editable fields of a target; category null or absent means "infer from type and name". */
export interface TargetInput {
  name: string;
  category?: TargetCategory | null;
  orgForm?: string;
  parentOrgName?: string;
  sector?: string;
  principal?: string;
  leaders?: string;
  phone?: string;
  /** YYYY-MM-DD */
  lastInspectedOn?: string | null;
  lastRoundLabel?: string;
}

/** Trims every text and settles the category. */
export function targetFields(input: TargetInput) {
  const name = input.name.trim();
  const orgForm = (input.orgForm ?? "").trim();
  return {
    name,
    orgForm,
    category: input.category ?? inferTargetCategory(orgForm, name),
    parentOrgName: (input.parentOrgName ?? "").trim(),
    sector: (input.sector ?? "").trim(),
    principal: (input.principal ?? "").trim(),
    leaders: (input.leaders ?? "").trim(),
    phone: (input.phone ?? "").trim(),
    lastInspectedOn: input.lastInspectedOn ?? null,
    lastRoundLabel: (input.lastRoundLabel ?? "").trim(),
  };
}

/** Throws target.name_taken when the committee already has a target of that name (spaces, width ignored). */
export async function assertTargetNameFree(tx: Tx, committeeId: string, name: string, exceptId?: string) {
  const rows = await tx
    .select({ name: targets.name })
    .from(targets)
    .where(and(eq(targets.committeeId, committeeId), exceptId ? ne(targets.id, exceptId) : undefined));
  const key = targetNameKey(name);
  if (rows.some((r) => targetNameKey(r.name) === key)) {
    throw new AppError("target.name_taken", `已有名为“${name}”的被巡察对象`);
  }
}

export function loadTownships(tx: Tx, committeeId: string): Promise<TownshipRef[]> {
  return tx
    .select({ id: targets.id, name: targets.name })
    .from(targets)
    .where(and(eq(targets.committeeId, committeeId), eq(targets.category, "township")));
}
