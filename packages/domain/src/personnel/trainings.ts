import {
  and,
  asc,
  count,
  desc,
  eq,
  ilike,
  inArray,
  people,
  type SQL,
  sql,
  type Tx,
  trainingAttendees,
  trainings,
} from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { inTransaction } from "../access/ctx";
import { actingCommittee, assertInCommittee } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { poolReaders } from "./person-fields";
import { canCreatePeople, canManagePerson } from "./present-person";

/** A training session (巡察业务培训) with the people of the pools who attended it. */
export interface TrainingInput {
  title: string;
  /** YYYY-MM-DD */
  heldOn: string;
  hours?: number;
  /** People of the committee's pools who attended; each counts one person-time (人次). */
  attendeeIds: string[];
}

export interface TrainingFilters {
  q?: string | undefined;
  /** Trainings held in this year. */
  year?: number | undefined;
  page?: number;
  pageSize?: number;
}

type TrainingRow = typeof trainings.$inferSelect;

export async function attendeesOf(db: Ctx["db"] | Tx, trainingIds: string[]) {
  if (!trainingIds.length)
    return new Map<string, { id: string; name: string; pool: string; unit: string }[]>();
  const rows = await db
    .select({
      trainingId: trainingAttendees.trainingId,
      id: people.id,
      name: people.name,
      pool: people.pool,
      unit: people.unit,
    })
    .from(trainingAttendees)
    .innerJoin(people, eq(people.id, trainingAttendees.personId))
    .where(inArray(trainingAttendees.trainingId, trainingIds))
    .orderBy(asc(people.pool), asc(people.name));
  const map = new Map<string, { id: string; name: string; pool: string; unit: string }[]>();
  for (const { trainingId, ...p } of rows) map.set(trainingId, [...(map.get(trainingId) ?? []), p]);
  return map;
}

function presentTraining(
  row: TrainingRow,
  attendees: { id: string; name: string; pool: string; unit: string }[],
  ctx: Ctx,
) {
  const manage = canManagePerson(ctx.actor, row.committeeId);
  return {
    id: row.id,
    committeeId: row.committeeId,
    title: row.title,
    heldOn: row.heldOn,
    hours: row.hours,
    attendees,
    /** 人次 of this training. */
    personTimes: attendees.length,
    abilities: { update: manage, delete: manage },
  };
}

export function trainingConditions(ctx: Ctx, filters: TrainingFilters): SQL {
  const committeeIds = poolReaders(ctx.actor);
  if (!committeeIds.length) throw new AppError("auth.forbidden");
  const q = filters.q?.trim();
  return and(
    inArray(trainings.committeeId, committeeIds),
    q ? ilike(trainings.title, `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`) : undefined,
    filters.year
      ? and(
          sql`${trainings.heldOn} >= ${`${filters.year}-01-01`}::date`,
          sql`${trainings.heldOn} <= ${`${filters.year}-12-31`}::date`,
        )
      : undefined,
  ) as SQL;
}

/** The committee's trainings, newest first, with attendees and person-times (page and total). */
export async function listTrainings(ctx: Ctx, filters: TrainingFilters = {}) {
  const page = filters.page ?? 1;
  const pageSize = filters.pageSize ?? 20;
  const where = trainingConditions(ctx, filters);
  const [totals] = await ctx.db
    .select({
      total: count(),
      personTimes: sql<number>`coalesce(sum((select count(*) from ${trainingAttendees} where ${trainingAttendees.trainingId} = ${trainings.id})), 0)::int`,
    })
    .from(trainings)
    .where(where);
  const rows = await ctx.db
    .select()
    .from(trainings)
    .where(where)
    .orderBy(desc(trainings.heldOn), desc(trainings.createdAt))
    .limit(pageSize)
    .offset((page - 1) * pageSize);
  const attendees = await attendeesOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return {
    items: rows.map((r) => presentTraining(r, attendees.get(r.id) ?? [], ctx)),
    total: Number(totals?.total ?? 0),
    /** Person-times (人次) of all trainings matching the filters. */
    personTimes: Number(totals?.personTimes ?? 0),
    page,
    pageSize,
    abilities: { create: canCreatePeople(ctx.actor) },
  };
}

/** Refuses attendees who are not people of the committee's pools (person.not_found, with the ids). */
async function assertAttendees(tx: Tx, committeeId: string, ids: string[]) {
  if (!ids.length) return;
  const found = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(inArray(people.id, ids), eq(people.committeeId, committeeId)));
  const known = new Set(found.map((p) => p.id));
  const missing = ids.filter((id) => !known.has(id));
  if (missing.length) throw new AppError("person.not_found", undefined, { personIds: missing });
}

async function setAttendees(tx: Tx, committeeId: string, trainingId: string, ids: string[]) {
  await tx.delete(trainingAttendees).where(eq(trainingAttendees.trainingId, trainingId));
  if (ids.length) {
    await tx.execute(sql`
      insert into ${trainingAttendees} (training_id, person_id, committee_id)
      select ${trainingId}::uuid, p, ${committeeId}::uuid from unnest(${sql.param(ids)}::uuid[]) as p`);
  }
}

const fields = (input: TrainingInput) => ({
  title: input.title.trim(),
  heldOn: input.heldOn,
  hours: input.hours ?? 0,
});

/** The office records a training with its attendees. */
export async function createTraining(ctx: Ctx, input: TrainingInput) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  const ids = [...new Set(input.attendeeIds)];
  return inTransaction(ctx, async (tx) => {
    await assertAttendees(tx, committeeId, ids);
    const [row] = await tx
      .insert(trainings)
      .values({ committeeId, ...fields(input) })
      .returning();
    if (!row) throw new AppError("internal");
    await setAttendees(tx, committeeId, row.id, ids);
    await recordAudit(tx, ctx.actor, {
      action: "training.create",
      entity: "training",
      entityId: row.id,
      committeeId,
      summary: { title: row.title, heldOn: row.heldOn, attendees: ids.length },
    });
    return presentTraining(row, (await attendeesOf(tx, [row.id])).get(row.id) ?? [], ctx);
  });
}

async function trainingForWrite(tx: Tx, ctx: Ctx, id: string) {
  const [row] = await tx.select().from(trainings).where(eq(trainings.id, id)).for("update");
  if (!row) throw new AppError("training.not_found");
  assertInCommittee(ctx.actor, ["officeStaff"], row.committeeId, "training.not_found");
  return row;
}

/** Changes a training; the attendees given replace the previous ones. */
export async function updateTraining(ctx: Ctx, id: string, input: TrainingInput) {
  const ids = [...new Set(input.attendeeIds)];
  return inTransaction(ctx, async (tx) => {
    const current = await trainingForWrite(tx, ctx, id);
    await assertAttendees(tx, current.committeeId, ids);
    const [row] = await tx.update(trainings).set(fields(input)).where(eq(trainings.id, id)).returning();
    if (!row) throw new AppError("internal");
    await setAttendees(tx, current.committeeId, id, ids);
    await recordAudit(tx, ctx.actor, {
      action: "training.update",
      entity: "training",
      entityId: id,
      committeeId: current.committeeId,
      summary: { title: row.title, heldOn: row.heldOn, attendees: ids.length },
    });
    return presentTraining(row, (await attendeesOf(tx, [id])).get(id) ?? [], ctx);
  });
}

export async function deleteTraining(ctx: Ctx, id: string) {
  return inTransaction(ctx, async (tx) => {
    const current = await trainingForWrite(tx, ctx, id);
    await tx.delete(trainings).where(eq(trainings.id, id));
    await recordAudit(tx, ctx.actor, {
      action: "training.delete",
      entity: "training",
      entityId: id,
      committeeId: current.committeeId,
      summary: { title: current.title, heldOn: current.heldOn },
    });
    return { deleted: true as const };
  });
}
