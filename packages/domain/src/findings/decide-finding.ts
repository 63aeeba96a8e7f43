import { clues, count, eq, findings, rounds } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import type { ClueReceiver, FindingRoute } from "../model/enums";
import { AppError } from "../model/errors";
import { chinaDate } from "../work-items/due-date";
import { findingAbilities } from "./finding-abilities";
import { loadFindingForChange } from "./load-finding";

export interface DecisionInput {
  route: FindingRoute;
  /** The receiving department, for route = department. */
  routeDept?: string | undefined;
  /** For route = clue: 纪委监委 (default) or 组织部. */
  clueReceiver?: ClueReceiver | undefined;
}

/** XC-2026-03-007: year of transfer, round number, sequence within the round. */
export const clueNumber = (year: number, roundNumber: number, sequence: number) =>
  `XC-${year}-${String(roundNumber).padStart(2, "0")}-${String(sequence).padStart(3, "0")}`;

/**
 * The leading group decides the route of an approved finding: rectification by the target, transfer
 * to a functional department, or transfer to the 纪委监委 as a clue (which creates the clue record).
 * A decision is recorded once; it is not edited afterwards.
 */
export async function decideFinding(ctx: Ctx, findingId: string, input: DecisionInput, today = new Date()) {
  if (input.route === "department" && !input.routeDept?.trim()) {
    throw new AppError("request.invalid", "移交职能部门时须填写接收部门", { field: "routeDept" });
  }
  return ctx.db.transaction(async (tx) => {
    const finding = await loadFindingForChange(tx, ctx.actor, findingId);
    if (!findingAbilities(ctx.actor, finding).decide) {
      throw new AppError(
        ctx.actor.grants.some((g) => g.role === "leadership") ? "finding.not_decidable" : "auth.forbidden",
      );
    }
    const now = new Date();
    await tx
      .update(findings)
      .set({
        route: input.route,
        routeDept: input.route === "department" ? input.routeDept!.trim() : "",
        decidedBy: ctx.actor.accountId,
        decidedAt: now,
        updatedAt: now,
      })
      .where(eq(findings.id, findingId));
    let clueId: string | undefined;
    if (input.route === "clue") {
      const [round] = await tx.select().from(rounds).where(eq(rounds.id, finding.roundId)).for("update");
      const [{ value } = { value: 0 }] = await tx
        .select({ value: count() })
        .from(clues)
        .where(eq(clues.roundId, finding.roundId));
      const [clue] = await tx
        .insert(clues)
        .values({
          committeeId: finding.committeeId,
          roundId: finding.roundId,
          targetId: finding.targetId,
          findingId,
          number: clueNumber(Number(chinaDate(today).slice(0, 4)), round!.number, Number(value) + 1),
          receiver: input.clueReceiver ?? "disciplineCommission",
          transferredOn: chinaDate(today),
        })
        .returning({ id: clues.id });
      clueId = clue!.id;
    }
    await recordAudit(tx, ctx.actor, {
      action: "finding.decide",
      entity: "finding",
      entityId: findingId,
      committeeId: finding.committeeId,
      summary: { ...input, clueId },
    });
    return { route: input.route, clueId };
  });
}
