import { and, eq, personRelatives } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { RELATIONS, type Relation } from "../model/enums";
import { historyWrite, recordNotFound } from "./history-write";

export interface PersonRelativeInput {
  relation: Relation;
  name: string;
  unit?: string;
  targetId?: string | null;
  post?: string;
  /** The relative is in the leadership team (领导班子成员) of their unit. */
  inLeadership?: boolean;
}

type RelativeRow = typeof personRelatives.$inferSelect;

export const presentRelative = (r: RelativeRow) => ({
  id: r.id,
  personId: r.personId,
  relation: r.relation as Relation,
  relationLabel: RELATIONS.labels[r.relation as Relation] ?? r.relation,
  name: r.name,
  unit: r.unit,
  targetId: r.targetId,
  post: r.post,
  inLeadership: r.inLeadership,
});

const fields = (input: PersonRelativeInput) => ({
  relation: input.relation,
  name: input.name.trim(),
  unit: input.unit?.trim() ?? "",
  targetId: input.targetId ?? null,
  post: input.post?.trim() ?? "",
  inLeadership: input.inLeadership ?? false,
});

/** Records a relative of a person and where they work (亲属任职, read by the recusal rules). */
export function addPersonRelative(ctx: Ctx, personId: string, input: PersonRelativeInput) {
  const values = fields(input);
  return historyWrite(
    ctx,
    personId,
    { action: "person.relative.create", entity: "personRelative", targetId: values.targetId },
    async (tx, person) => {
      const [row] = await tx
        .insert(personRelatives)
        .values({ ...values, personId, committeeId: person.committeeId })
        .returning();
      if (!row) throw recordNotFound();
      return { result: presentRelative(row), entityId: row.id, summary: { relation: values.relation } };
    },
  );
}

export function updatePersonRelative(
  ctx: Ctx,
  personId: string,
  relativeId: string,
  input: PersonRelativeInput,
) {
  const values = fields(input);
  return historyWrite(
    ctx,
    personId,
    { action: "person.relative.update", entity: "personRelative", targetId: values.targetId },
    async (tx) => {
      const [row] = await tx
        .update(personRelatives)
        .set(values)
        .where(and(eq(personRelatives.id, relativeId), eq(personRelatives.personId, personId)))
        .returning();
      if (!row) throw recordNotFound();
      return { result: presentRelative(row), entityId: relativeId, summary: { relation: values.relation } };
    },
  );
}

export function deletePersonRelative(ctx: Ctx, personId: string, relativeId: string) {
  return historyWrite(
    ctx,
    personId,
    { action: "person.relative.delete", entity: "personRelative" },
    async (tx) => {
      const [row] = await tx
        .delete(personRelatives)
        .where(and(eq(personRelatives.id, relativeId), eq(personRelatives.personId, personId)))
        .returning();
      if (!row) throw recordNotFound();
      return {
        result: { deleted: true as const },
        entityId: relativeId,
        summary: { relation: row.relation },
      };
    },
  );
}
