import { and, eq, personJobs } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { assertMonthRange, historyWrite, recordNotFound } from "./history-write";

export interface PersonJobInput {
  unit: string;
  /** The registered target this unit is, when it is one. */
  targetId?: string | null;
  post?: string;
  /** YYYY-MM */
  startMonth: string;
  /** YYYY-MM; null: the post is still held. */
  endMonth?: string | null;
}

type JobRow = typeof personJobs.$inferSelect;

export const presentJob = (r: JobRow) => ({
  id: r.id,
  personId: r.personId,
  unit: r.unit,
  targetId: r.targetId,
  post: r.post,
  startMonth: r.startMonth,
  endMonth: r.endMonth,
  current: r.endMonth === null,
});

const fields = (input: PersonJobInput) => {
  assertMonthRange(input.startMonth, input.endMonth);
  return {
    unit: input.unit.trim(),
    targetId: input.targetId ?? null,
    post: input.post?.trim() ?? "",
    startMonth: input.startMonth,
    endMonth: input.endMonth ?? null,
  };
};

/** Adds a post to a person's work history (工作经历, read by the recusal rules). */
export function addPersonJob(ctx: Ctx, personId: string, input: PersonJobInput) {
  const values = fields(input);
  return historyWrite(
    ctx,
    personId,
    { action: "person.job.create", entity: "personJob", targetId: values.targetId },
    async (tx, person) => {
      const [row] = await tx
        .insert(personJobs)
        .values({ ...values, personId, committeeId: person.committeeId })
        .returning();
      if (!row) throw recordNotFound();
      return { result: presentJob(row), entityId: row.id, summary: values };
    },
  );
}

/** Changes a post of a person's work history (all fields given). */
export function updatePersonJob(ctx: Ctx, personId: string, jobId: string, input: PersonJobInput) {
  const values = fields(input);
  return historyWrite(
    ctx,
    personId,
    { action: "person.job.update", entity: "personJob", targetId: values.targetId },
    async (tx) => {
      const [before] = await tx
        .select()
        .from(personJobs)
        .where(and(eq(personJobs.id, jobId), eq(personJobs.personId, personId)));
      if (!before) throw recordNotFound();
      const [row] = await tx.update(personJobs).set(values).where(eq(personJobs.id, jobId)).returning();
      if (!row) throw recordNotFound();
      return { result: presentJob(row), entityId: jobId, summary: { from: presentJob(before), to: values } };
    },
  );
}

export function deletePersonJob(ctx: Ctx, personId: string, jobId: string) {
  return historyWrite(ctx, personId, { action: "person.job.delete", entity: "personJob" }, async (tx) => {
    const [row] = await tx
      .delete(personJobs)
      .where(and(eq(personJobs.id, jobId), eq(personJobs.personId, personId)))
      .returning();
    if (!row) throw recordNotFound();
    return { result: { deleted: true as const }, entityId: jobId, summary: presentJob(row) };
  });
}
