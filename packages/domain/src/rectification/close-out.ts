import { asc, closeOuts, eq, findings, queryRows, sql, type Tx, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { assertInCommittee, committeesWhere } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { loadFindingForChange } from "../findings/load-finding";
import type { Completion } from "../model/enums";
import { AppError } from "../model/errors";
import { accountsWithRole, notify } from "../notifications/notify";
import { chinaDate } from "../work-items/due-date";
import {
  approvedParties,
  CLOSE_OUT_PARTY_ROLES,
  type CloseOutParty,
  closeOutParties,
  rectificationState,
} from "./rectification-state";

/** The current state of a finding's rectification and its number of evidence files. */
async function stateOf(tx: Tx, finding: { id: string; closedAt: Date | null }, today: string) {
  const rows = await queryRows<{ deadline: string; latest: Completion | null; files: number }>(
    tx,
    sql`select m.deadline::text as deadline,
          (select p.completion from progress_updates p where p.measure_id = m.id
            order by p.reported_on desc, p.created_at desc limit 1) as latest,
          (select count(*)::int from progress_updates p join progress_files pf on pf.progress_update_id = p.id
            where p.measure_id = m.id) as files
        from measures m where m.finding_id = ${finding.id}`,
  );
  const state = rectificationState(
    finding.closedAt !== null,
    rows.map((r) => ({ deadline: r.deadline, latest: r.latest ?? undefined })),
    today,
  );
  return { state, evidence: rows.reduce((n, r) => n + Number(r.files), 0) };
}

/** Where the ledger lists the problems waiting for close-out, and where a contact follows its own. */
export const READY_FOR_CLOSE_OUT_PATH = "/rectification?state=reported";
export const MY_PROGRESS_PATH = "/rectification/mine?tab=progress";

async function targetName(tx: Tx, targetId: string) {
  const [t] = await tx.select({ name: targets.name }).from(targets).where(eq(targets.id, targetId));
  return t?.name ?? "";
}

/**
 * After a progress update: once the problem can be closed out (every measure reported done, with
 * evidence), each party whose close-out approval it needs is told, once until it is reopened.
 */
export async function notifyIfReadyForCloseOut(tx: Tx, finding: typeof findings.$inferSelect, today: string) {
  const { state, evidence } = await stateOf(tx, finding, today);
  if (state !== "reported" || evidence === 0) return;
  const [{ reopenings } = { reopenings: 0 }] = await queryRows<{ reopenings: number }>(
    tx,
    sql`select count(*)::int as reopenings from close_outs
        where finding_id = ${finding.id} and action = 'reopen'`,
  );
  const accountIds: string[] = [];
  for (const party of closeOutParties(finding)) {
    accountIds.push(...(await accountsWithRole(tx, finding.committeeId, CLOSE_OUT_PARTY_ROLES[party])));
  }
  await notify(tx, accountIds, {
    committeeId: finding.committeeId,
    kind: "closeout.ready",
    title: `待销号审核：${await targetName(tx, finding.targetId)}问题 ${finding.number} 已报告整改完成`,
    body: finding.title,
    link: READY_FOR_CLOSE_OUT_PATH,
    dedupeKey: `closeout-ready:${finding.id}:${reopenings}`,
  });
}

/** The party the actor approves for: the one asked for, or the only one it holds in the committee. */
function partyOf(ctx: Ctx, committeeId: string, asked: CloseOutParty | undefined): CloseOutParty {
  const held = (Object.keys(CLOSE_OUT_PARTY_ROLES) as CloseOutParty[]).filter((p) =>
    committeesWhere(ctx.actor, [CLOSE_OUT_PARTY_ROLES[p]]).includes(committeeId),
  );
  if (asked) {
    if (!held.includes(asked)) throw new AppError("finding.not_found");
    return asked;
  }
  if (held.length === 0) throw new AppError("finding.not_found");
  if (held.length > 1) throw new AppError("closeout.party_unknown");
  return held[0]!;
}

/**
 * One party checks the evidence and approves the close-out (销号) of a problem whose measures are all
 * reported done and which has at least one evidence file. The office always approves; 纪委监委 or 组织部
 * too for problems routed to them (closeOutParties). Once every required party has approved since
 * the last reopening, the problem is closed. Returns whether it closed and who still has to approve.
 */
export async function closeOut(
  ctx: Ctx,
  findingId: string,
  input: { note?: string | undefined; party?: CloseOutParty | undefined },
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const finding = await loadFindingForChange(tx, ctx.actor, findingId);
    const party = partyOf(ctx, finding.committeeId, input.party);
    assertInCommittee(ctx.actor, [CLOSE_OUT_PARTY_ROLES[party]], finding.committeeId, "finding.not_found");
    if (!finding.feedbackId) throw new AppError("measure.finding_not_fed_back");
    if (finding.closedAt) throw new AppError("closeout.already_closed");
    const required = closeOutParties(finding);
    if (!required.includes(party)) throw new AppError("closeout.party_not_required");
    const { state, evidence } = await stateOf(tx, finding, chinaDate(now));
    if (state !== "reported") throw new AppError("closeout.not_ready");
    if (evidence === 0) throw new AppError("closeout.no_evidence");
    const history = await tx
      .select({ action: closeOuts.action, party: closeOuts.party })
      .from(closeOuts)
      .where(eq(closeOuts.findingId, findingId))
      .orderBy(asc(closeOuts.createdAt), asc(closeOuts.id));
    const approved = approvedParties(history);
    if (approved.has(party)) throw new AppError("closeout.already_approved");
    approved.add(party);
    const note = input.note ?? "";
    await tx.insert(closeOuts).values({
      committeeId: finding.committeeId,
      findingId,
      action: "approve",
      party,
      reason: note,
      actorId: ctx.actor.accountId!,
    });
    await recordAudit(tx, ctx.actor, {
      action: "finding.close_out_approve",
      entity: "finding",
      entityId: findingId,
      committeeId: finding.committeeId,
      summary: { party, note, evidence },
    });
    const waiting = required.filter((p) => !approved.has(p));
    if (waiting.length === 0) {
      const closedAt = new Date();
      await tx.insert(closeOuts).values({
        committeeId: finding.committeeId,
        findingId,
        action: "close",
        reason: note,
        actorId: ctx.actor.accountId!,
      });
      await tx.update(findings).set({ closedAt, updatedAt: closedAt }).where(eq(findings.id, findingId));
      await recordAudit(tx, ctx.actor, {
        action: "finding.close_out",
        entity: "finding",
        entityId: findingId,
        committeeId: finding.committeeId,
        summary: { note, parties: required },
      });
    }
    return { closed: waiting.length === 0, party, waiting };
  });
}

/**
 * The office reopens a closed problem, with a reason; the approvals given before no longer count.
 * Each measure gets a dated update "未完成" carrying the reason, so the problem is in rectification
 * again everywhere (ledger, rates, the sweep's deadlines): the target reports it done anew, with
 * evidence, before another close-out. Earlier updates stay as they were.
 */
export async function reopenFinding(
  ctx: Ctx,
  findingId: string,
  input: { reason: string },
  now = new Date(),
) {
  return ctx.db.transaction(async (tx) => {
    const finding = await loadFindingForChange(tx, ctx.actor, findingId);
    assertInCommittee(ctx.actor, ["officeStaff"], finding.committeeId, "finding.not_found");
    if (!finding.closedAt) throw new AppError("closeout.not_closed");
    const [reopening] = await tx
      .insert(closeOuts)
      .values({
        committeeId: finding.committeeId,
        findingId,
        action: "reopen",
        reason: input.reason,
        actorId: ctx.actor.accountId!,
      })
      .returning({ id: closeOuts.id });
    await tx
      .update(findings)
      .set({ closedAt: null, updatedAt: new Date() })
      .where(eq(findings.id, findingId));
    // Dated today, or on the measure's latest update if that is later (dated ahead before such dates
    // were refused), so that it is the latest either way.
    await tx.execute(
      sql`insert into progress_updates (measure_id, committee_id, reported_on, content, completion, created_by)
          select m.id, m.committee_id,
                 greatest(${chinaDate(now)}::date,
                   coalesce((select max(p.reported_on) from progress_updates p where p.measure_id = m.id),
                            ${chinaDate(now)}::date)),
                 ${`销号已撤销，须重新整改：${input.reason}`}, 'unfinished', ${ctx.actor.accountId!}::uuid
          from measures m where m.finding_id = ${findingId}`,
    );
    await notify(
      tx,
      await accountsWithRole(tx, finding.committeeId, "targetContact", { targetId: finding.targetId }),
      {
        committeeId: finding.committeeId,
        kind: "finding.reopened",
        title: `问题 ${finding.number} 已撤销销号，须重新整改`,
        body: `${finding.title}\n撤销理由：${input.reason}`,
        link: MY_PROGRESS_PATH,
        dedupeKey: `reopen:${reopening!.id}`,
      },
    );
    await recordAudit(tx, ctx.actor, {
      action: "finding.reopen",
      entity: "finding",
      entityId: findingId,
      committeeId: finding.committeeId,
      summary: { reason: input.reason },
    });
  });
}
