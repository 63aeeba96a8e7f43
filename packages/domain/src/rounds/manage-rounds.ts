import {
  and,
  asc,
  count,
  desc,
  eq,
  groups,
  groupTargets,
  inArray,
  or,
  rounds,
  type SQL,
  sql,
  type Tx,
  terms,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { actingCommittee, assertInCommittee, committeesWhere, groupIdsOf } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import type { RoundKind, RoundStage } from "../model/enums";
import { AppError } from "../model/errors";
import type { Role } from "../model/roles";
import { openItemsBefore } from "../work-items/move-round-stage";
import { syncRoundWorkItems } from "../work-items/sync-work-items";
import { roundName } from "./round-name";

/** Roles that see every round of their committee. */
const ROUND_READERS: readonly Role[] = [
  "leadership",
  "officeStaff",
  "disciplineReviewer",
  "organizationReviewer",
];

const roundIdsOfGroups = (actor: Actor) => [
  ...new Set(actor.grants.flatMap((g) => (g.roundId && g.groupId ? [g.roundId] : []))),
];

/** The rounds the actor may see: all of the committee for office-level roles, own rounds for group members. */
export function visibleRounds(actor: Actor): SQL {
  const committeesIds = committeesWhere(actor, ROUND_READERS, "read");
  const roundIds = roundIdsOfGroups(actor);
  const parts = [
    committeesIds.length ? inArray(rounds.committeeId, committeesIds) : undefined,
    roundIds.length ? inArray(rounds.id, roundIds) : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? (or(...parts) as SQL) : sql`false`;
}

const roundColumns = {
  id: rounds.id,
  committeeId: rounds.committeeId,
  termId: rounds.termId,
  termName: terms.name,
  number: rounds.number,
  kind: rounds.kind,
  theme: rounds.theme,
  startsOn: rounds.startsOn,
  endsOn: rounds.endsOn,
  stage: rounds.stage,
  status: rounds.status,
};

const present = <T extends { termName: string; number: number }>(r: T) => ({
  ...r,
  name: roundName(r.termName, r.number),
});

export async function listRounds(ctx: Ctx) {
  const rows = await ctx.db
    .select({
      ...roundColumns,
      groupCount: sql<number>`(select count(*)::int from ${groups} where ${groups.roundId} = ${rounds.id})`,
      targetCount: sql<number>`(select count(*)::int from ${groupTargets} where ${groupTargets.roundId} = ${rounds.id})`,
    })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(visibleRounds(ctx.actor))
    .orderBy(desc(terms.startsOn), desc(rounds.number));
  return rows.map(present);
}

/** Loads a round the actor may see, or throws round.not_found. */
export async function findVisibleRound(tx: Tx, actor: Actor, roundId: string) {
  const [row] = await tx
    .select(roundColumns)
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(and(eq(rounds.id, roundId), visibleRounds(actor)));
  if (!row) throw new AppError("round.not_found");
  return present(row);
}

/** Loads a round of the office's committee for a change; closed rounds cannot change. */
export async function findRoundForOffice(tx: Tx, actor: Actor, roundId: string, lock = false) {
  const query = tx.select().from(rounds).where(eq(rounds.id, roundId));
  const [round] = lock ? await query.for("update") : await query;
  if (!round) throw new AppError("round.not_found");
  assertInCommittee(actor, ["officeStaff"], round.committeeId, "round.not_found");
  if (round.status === "closed") throw new AppError("round.closed");
  return round;
}

export interface CreateRoundInput {
  termId: string;
  kind: RoundKind;
  theme?: string | undefined;
  startsOn: string;
  endsOn: string;
}

/** Creates the next round of a term: numbered after the term's last round. */
export async function createRound(ctx: Ctx, input: CreateRoundInput) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  if (input.endsOn < input.startsOn) throw new AppError("round.dates_invalid");
  return ctx.db.transaction(async (tx) => {
    const [term] = await tx
      .select()
      .from(terms)
      .where(and(eq(terms.id, input.termId), eq(terms.committeeId, committeeId)))
      .for("update");
    if (!term) throw new AppError("term.not_found");
    const [{ value: existing } = { value: 0 }] = await tx
      .select({ value: count() })
      .from(rounds)
      .where(eq(rounds.termId, term.id));
    const [round] = await tx
      .insert(rounds)
      .values({ ...input, theme: input.theme ?? "", committeeId, number: Number(existing) + 1 })
      .returning();
    await syncRoundWorkItems(tx, round!.id);
    await recordAudit(tx, ctx.actor, {
      action: "round.create",
      entity: "round",
      entityId: round!.id,
      committeeId,
      summary: { ...input, number: round!.number },
    });
    return present({ ...round!, termName: term.name });
  });
}

/** Moves a round to a stage, or closes it (a closed round's groups keep read-only access). */
export async function updateRound(
  ctx: Ctx,
  roundId: string,
  input: { stage?: RoundStage; status?: "open" | "closed" },
) {
  return ctx.db.transaction(async (tx) => {
    const [round] = await tx.select().from(rounds).where(eq(rounds.id, roundId)).for("update");
    if (!round) throw new AppError("round.not_found");
    assertInCommittee(ctx.actor, ["officeStaff"], round.committeeId, "round.not_found");
    if (round.status === "closed" && input.status !== "open") throw new AppError("round.closed");
    // A stage move records the work items it leaves open (POST /rounds/:id/stage asks first).
    const left =
      input.stage && input.stage !== round.stage ? await openItemsBefore(tx, roundId, input.stage) : [];
    await tx.update(rounds).set(input).where(eq(rounds.id, roundId));
    await recordAudit(tx, ctx.actor, {
      action: "round.update",
      entity: "round",
      entityId: roundId,
      committeeId: round.committeeId,
      summary: {
        from: { stage: round.stage, status: round.status },
        to: input,
        ...(left.length ? { openItems: left.length } : {}),
      },
    });
  });
}

/** Group ids of a round the actor may see in full: all for office-level roles, their own otherwise. */
export function visibleGroupFilter(actor: Actor, committeeId: string, roundId: string): SQL {
  if (committeesWhere(actor, ROUND_READERS, "read").includes(committeeId)) return eq(groups.roundId, roundId);
  const own = groupIdsOf(actor);
  return own.length ? and(eq(groups.roundId, roundId), inArray(groups.id, own))! : sql`false`;
}

export const orderGroups = asc(groups.number);
