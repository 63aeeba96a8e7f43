import { and, eq, personTies } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { TIE_KINDS, type TieKind } from "../model/enums";
import { assertMonthRange, historyWrite, recordNotFound } from "./history-write";

export interface PersonTieInput {
  /** superior: the official was the person's superior; subordinate: the official was under the person. */
  kind: TieKind;
  officialName: string;
  targetId?: string | null;
  post?: string;
  /** YYYY-MM */
  startMonth: string;
  /** YYYY-MM; null: the relationship is current. */
  endMonth?: string | null;
}

type TieRow = typeof personTies.$inferSelect;

export const presentTie = (r: TieRow) => ({
  id: r.id,
  personId: r.personId,
  kind: r.kind as TieKind,
  kindLabel: TIE_KINDS.labels[r.kind as TieKind] ?? r.kind,
  officialName: r.officialName,
  targetId: r.targetId,
  post: r.post,
  startMonth: r.startMonth,
  endMonth: r.endMonth,
  current: r.endMonth === null,
});

const fields = (input: PersonTieInput) => {
  assertMonthRange(input.startMonth, input.endMonth);
  return {
    kind: input.kind,
    officialName: input.officialName.trim(),
    targetId: input.targetId ?? null,
    post: input.post?.trim() ?? "",
    startMonth: input.startMonth,
    endMonth: input.endMonth ?? null,
  };
};

/** Records a direct superior/subordinate tie (上下级关系) with an official, read by the recusal rules. */
export function addPersonTie(ctx: Ctx, personId: string, input: PersonTieInput) {
  const values = fields(input);
  return historyWrite(
    ctx,
    personId,
    { action: "person.tie.create", entity: "personTie", targetId: values.targetId },
    async (tx, person) => {
      const [row] = await tx
        .insert(personTies)
        .values({ ...values, personId, committeeId: person.committeeId })
        .returning();
      if (!row) throw recordNotFound();
      return { result: presentTie(row), entityId: row.id, summary: { kind: values.kind } };
    },
  );
}

export function updatePersonTie(ctx: Ctx, personId: string, tieId: string, input: PersonTieInput) {
  const values = fields(input);
  return historyWrite(
    ctx,
    personId,
    { action: "person.tie.update", entity: "personTie", targetId: values.targetId },
    async (tx) => {
      const [row] = await tx
        .update(personTies)
        .set(values)
        .where(and(eq(personTies.id, tieId), eq(personTies.personId, personId)))
        .returning();
      if (!row) throw recordNotFound();
      return { result: presentTie(row), entityId: tieId, summary: { kind: values.kind } };
    },
  );
}

export function deletePersonTie(ctx: Ctx, personId: string, tieId: string) {
  return historyWrite(ctx, personId, { action: "person.tie.delete", entity: "personTie" }, async (tx) => {
    const [row] = await tx
      .delete(personTies)
      .where(and(eq(personTies.id, tieId), eq(personTies.personId, personId)))
      .returning();
    if (!row) throw recordNotFound();
    return { result: { deleted: true as const }, entityId: tieId, summary: { kind: row.kind } };
  });
}
