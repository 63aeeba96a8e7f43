import { and, asc, clues, eq, findings, inArray, rounds, type SQL, sql, targets, terms } from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { committeesWhere } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import type { ClueDisposition } from "../model/enums";
import { AppError } from "../model/errors";
import { roundName } from "../rounds/round-name";

/**
 * Clues are the most guarded findings: the leading group, the office head and the receiving
 * commission see them; nobody else, not even the rest of the office (ROLES.md).
 */
export function visibleClues(actor: Actor): SQL {
  const leadership = committeesWhere(actor, ["leadership"]);
  const heads = [
    ...new Set(actor.grants.filter((g) => g.role === "officeStaff" && g.isHead).map((g) => g.committeeId!)),
  ];
  const discipline = committeesWhere(actor, ["disciplineReviewer"]);
  const organization = committeesWhere(actor, ["organizationReviewer"]);
  const parts = [
    leadership.length || heads.length ? inArray(clues.committeeId, [...leadership, ...heads]) : undefined,
    discipline.length
      ? and(inArray(clues.committeeId, discipline), eq(clues.receiver, "disciplineCommission"))
      : undefined,
    organization.length
      ? and(inArray(clues.committeeId, organization), eq(clues.receiver, "organizationDept"))
      : undefined,
  ].filter((p): p is SQL => p !== undefined);
  return parts.length ? (sql.join(parts, sql` or `) as SQL) : sql`false`;
}

const canDispose = (actor: Actor, c: { committeeId: string; receiver: string }) =>
  committeesWhere(actor, [
    c.receiver === "organizationDept" ? "organizationReviewer" : "disciplineReviewer",
  ]).includes(c.committeeId);

/** The clue ledger (问题线索台账) the actor may see. Reading it is audited. */
export async function listClues(ctx: Ctx, filters: { roundId?: string | undefined }) {
  const rows = await ctx.db
    .select({
      clue: clues,
      title: findings.title,
      description: findings.description,
      targetName: targets.name,
      roundNumber: rounds.number,
      termName: terms.name,
    })
    .from(clues)
    .innerJoin(findings, eq(findings.id, clues.findingId))
    .innerJoin(targets, eq(targets.id, clues.targetId))
    .innerJoin(rounds, eq(rounds.id, clues.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(
      and(
        sql`(${visibleClues(ctx.actor)})`,
        filters.roundId ? eq(clues.roundId, filters.roundId) : undefined,
      ),
    )
    .orderBy(asc(clues.number));
  if (rows.length) {
    await ctx.db.transaction((tx) =>
      recordAudit(tx, ctx.actor, {
        action: "clue.read_list",
        entity: "clue",
        committeeId: rows[0]!.clue.committeeId,
        summary: { roundId: filters.roundId ?? null, clueIds: rows.map((r) => r.clue.id) },
      }),
    );
  }
  return rows.map((r) => ({
    ...r.clue,
    title: r.title,
    description: r.description,
    targetName: r.targetName,
    roundName: roundName(r.termName, r.roundNumber),
    abilities: { dispose: canDispose(ctx.actor, r.clue) },
  }));
}

export interface ClueDispositionInput {
  disposition?: ClueDisposition | null | undefined;
  caseFiled?: boolean | undefined;
  sanctionedPersons?: number | undefined;
  orgHandledPersons?: number | undefined;
  judicialReferral?: boolean | undefined;
  result?: string | undefined;
  concludedOn?: string | null | undefined;
}

/** The receiving commission records how it disposed of a clue and the results. */
export async function disposeClue(ctx: Ctx, clueId: string, input: ClueDispositionInput) {
  return ctx.db.transaction(async (tx) => {
    const [clue] = await tx
      .select()
      .from(clues)
      .where(and(eq(clues.id, clueId), sql`(${visibleClues(ctx.actor)})`))
      .for("update");
    if (!clue) throw new AppError("clue.not_found");
    if (!canDispose(ctx.actor, clue)) throw new AppError("auth.forbidden");
    await tx
      .update(clues)
      .set({ ...input, updatedAt: new Date() })
      .where(eq(clues.id, clueId));
    await recordAudit(tx, ctx.actor, {
      action: "clue.dispose",
      entity: "clue",
      entityId: clueId,
      committeeId: clue.committeeId,
      summary: { ...input },
    });
  });
}
