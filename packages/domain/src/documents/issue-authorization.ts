import { eq, type Tx, terms } from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";
import { findRoundForOffice } from "../rounds/manage-rounds";
import { chinaDate } from "../work-items/due-date";
import { authorizationContent } from "./authorization-content";
import { renderGongwen } from "./gongwen";
import { issueDocument } from "./issue-document";
import { loadRoundSheet } from "./round-sheet";

/** An open round of the office's committee, with its term's name. */
export async function roundForDocument(tx: Tx, actor: Actor, roundId: string) {
  const round = await findRoundForOffice(tx, actor, roundId);
  const [term] = await tx.select({ name: terms.name }).from(terms).where(eq(terms.id, round.termId));
  return { ...round, termName: term?.name ?? "" };
}

export interface AuthorizationInput {
  /** 成文日期, today by default. */
  date?: string | undefined;
  copyTo?: string[] | undefined;
}

/** Issues a round's authorization decision (授权任职及任务分工的决定) with the next number of its register. */
export async function issueAuthorization(ctx: Ctx, roundId: string, input: AuthorizationInput = {}) {
  return ctx.db.transaction(async (tx) => {
    const round = await roundForDocument(tx, ctx.actor, roundId);
    const sheet = await loadRoundSheet(tx, round);
    if (!sheet.groups.length) throw new AppError("document.no_groups");
    const date = input.date ?? chinaDate();
    const content = authorizationContent(sheet, { date, copyTo: input.copyTo });
    return issueDocument(tx, ctx.actor, {
      committeeId: round.committeeId,
      kind: "authorization",
      title: content.title,
      date,
      roundId: round.id,
      fields: { copyTo: input.copyTo ?? [] },
      render: (numbered) => renderGongwen(content.gongwen(numbered)),
    });
  });
}
