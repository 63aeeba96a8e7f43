import { documents, eq, files, queryRows, type SQL, sql } from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { actingCommittee, committeesWhere, contactTargetIds } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { AppError } from "../model/errors";
import { ESCALATION_STEP_LABELS, type EscalationStep } from "../model/rectification";
import { runEscalationSweep } from "./sweep";

/**
 * The escalation steps the actor may see, as one SQL condition on `escalation_steps e`: the office
 * and the leading group (read) of the committee, and a target's contact for its own target only.
 */
function visibleSteps(actor: Actor): SQL {
  const committeeIds = [
    ...new Set([
      ...committeesWhere(actor, ["officeStaff"]),
      ...committeesWhere(actor, ["leadership"], "read"),
    ]),
  ];
  const targetIds = contactTargetIds(actor);
  const parts: SQL[] = [];
  if (committeeIds.length) parts.push(sql`e.committee_id = any(${sql.param(committeeIds)}::uuid[])`);
  if (targetIds.length) parts.push(sql`e.target_id = any(${sql.param(targetIds)}::uuid[])`);
  return parts.length ? sql`(${sql.join(parts, sql` or `)})` : sql`false`;
}

export interface EscalationQuery {
  /** false: letters not yet acknowledged; true: acknowledged letters. */
  acknowledged?: boolean | undefined;
  targetId?: string | undefined;
  roundId?: string | undefined;
  step?: EscalationStep | undefined;
  /** Taken on or after / on or before (YYYY-MM-DD). */
  from?: string | undefined;
  to?: string | undefined;
}

interface EscalationRow {
  id: string;
  committee_id: string;
  target_id: string;
  target_name: string;
  step: EscalationStep;
  taken_on: string;
  document_id: string | null;
  number: string | null;
  title: string | null;
  acknowledged_at: Date | null;
  acknowledged_by_name: string | null;
  items: { kind: string; id: string; deadline: string; label: string; roundId: string | null }[];
}

const LIMIT = 1000;

/**
 * The steps taken, one row per target, step and day — that is, per letter (督办函 …) or per batch of
 * reminders — with the items it lists. Unacknowledged letters first, then newest first.
 */
export async function listEscalations(ctx: Ctx, query: EscalationQuery = {}) {
  const filters: SQL[] = [visibleSteps(ctx.actor)];
  if (query.targetId) filters.push(sql`e.target_id = ${query.targetId}`);
  if (query.step) filters.push(sql`e.step = ${query.step}`);
  if (query.from) filters.push(sql`e.taken_on >= ${query.from}::date`);
  if (query.to) filters.push(sql`e.taken_on <= ${query.to}::date`);
  if (query.roundId) filters.push(sql`coalesce(fb.round_id, fi.round_id) = ${query.roundId}`);
  if (query.acknowledged === false)
    filters.push(sql`e.document_id is not null and e.acknowledged_at is null`);
  if (query.acknowledged === true) filters.push(sql`e.acknowledged_at is not null`);
  const rows = await queryRows<EscalationRow>(
    ctx.db,
    sql`select min(e.id::text) as id, e.committee_id, e.target_id, t.name as target_name, e.step,
          e.taken_on::text as taken_on, e.document_id, d.number, d.title,
          max(e.acknowledged_at) as acknowledged_at, max(ack.display_name) as acknowledged_by_name,
          json_agg(json_build_object(
            'kind', e.item_kind, 'id', e.item_id, 'deadline', e.deadline::text,
            'roundId', coalesce(fb.round_id, fi.round_id),
            'label', case e.item_kind when 'plan' then '整改方案' when 'finalReport' then '整改情况报告'
                     else coalesce(fi.title, '') || '：' || coalesce(m.content, '') end
          ) order by e.deadline, e.item_id) as items
        from escalation_steps e
        join targets t on t.id = e.target_id
        left join documents d on d.id = e.document_id
        left join accounts ack on ack.id = e.acknowledged_by
        left join feedbacks fb on e.item_kind <> 'measure' and fb.id = e.item_id
        left join measures m on e.item_kind = 'measure' and m.id = e.item_id
        left join findings fi on fi.id = m.finding_id
        where ${sql.join(filters, sql` and `)}
        group by e.committee_id, e.target_id, t.name, e.step, e.taken_on, e.document_id, d.number, d.title
        order by (e.document_id is not null and max(e.acknowledged_at) is null) desc, e.taken_on desc,
          t.name, e.step
        limit ${LIMIT + 1}`,
  );
  const contactOf = new Set(contactTargetIds(ctx.actor));
  return {
    items: rows.slice(0, LIMIT).map((r) => {
      const acknowledgedAt = r.acknowledged_at ? new Date(r.acknowledged_at) : null;
      return {
        id: r.id,
        target: { id: r.target_id, name: r.target_name },
        step: r.step,
        stepLabel: ESCALATION_STEP_LABELS[r.step],
        takenOn: r.taken_on,
        document: r.document_id ? { id: r.document_id, number: r.number!, title: r.title! } : null,
        acknowledgedAt,
        acknowledgedBy: r.acknowledged_by_name,
        items: r.items,
        abilities: {
          acknowledge: r.document_id !== null && !acknowledgedAt && contactOf.has(r.target_id),
          download: r.document_id !== null,
        },
      };
    }),
    truncated: rows.length > LIMIT,
  };
}

async function loadStep(ctx: Ctx, id: string) {
  const [row] = await queryRows<{
    id: string;
    committee_id: string;
    target_id: string;
    step: EscalationStep;
    document_id: string | null;
    acknowledged_at: Date | null;
  }>(
    ctx.db,
    sql`select e.id, e.committee_id, e.target_id, e.step, e.document_id, e.acknowledged_at
        from escalation_steps e where e.id = ${id} and ${visibleSteps(ctx.actor)}`,
  );
  if (!row) throw new AppError("escalation.not_found");
  return row;
}

/**
 * The target's contact acknowledges receipt of a letter (督办函 …): every step the letter lists is
 * marked acknowledged, with who and when. Acknowledging again changes nothing.
 */
export async function acknowledgeEscalation(ctx: Ctx, id: string) {
  const step = await loadStep(ctx, id);
  if (!contactTargetIds(ctx.actor).includes(step.target_id)) throw new AppError("auth.forbidden");
  if (!step.document_id) throw new AppError("escalation.not_a_letter");
  const documentId = step.document_id;
  return ctx.db.transaction(async (tx) => {
    const rows = await queryRows<{ id: string; acknowledged_at: Date }>(
      tx,
      sql`update escalation_steps set acknowledged_at = now(), acknowledged_by = ${ctx.actor.accountId}
          where document_id = ${documentId} and acknowledged_at is null
          returning id, acknowledged_at`,
    );
    if (rows.length > 0) {
      await recordAudit(tx, ctx.actor, {
        action: "escalation.acknowledge",
        entity: "document",
        entityId: documentId,
        committeeId: step.committee_id,
        summary: { step: step.step, targetId: step.target_id, steps: rows.length },
      });
    }
    const [after] = await queryRows<{ acknowledged_at: Date }>(
      tx,
      sql`select max(acknowledged_at) as acknowledged_at from escalation_steps where document_id = ${documentId}`,
    );
    return { id, documentId, acknowledgedAt: new Date(after!.acknowledged_at) };
  });
}

/** The letter's .docx, for whoever may see the step (the target's contact included). */
export async function readEscalationLetter(ctx: Ctx, id: string) {
  const step = await loadStep(ctx, id);
  if (!step.document_id) throw new AppError("escalation.not_a_letter");
  const [doc] = await ctx.db
    .select({ file: files })
    .from(documents)
    .innerJoin(files, eq(files.id, documents.fileId))
    .where(eq(documents.id, step.document_id));
  if (!doc) throw new AppError("file.not_found");
  return doc.file;
}

/**
 * The office runs the sweep for its committee now (立即执行督办): letters are issued in the name of
 * the office account that runs it. Returns what was taken; running it again the same day takes nothing.
 */
export async function sweepNow(ctx: Ctx) {
  const committeeId = actingCommittee(ctx.actor, ["officeStaff"]);
  const result = await runEscalationSweep(ctx.db, { committeeId, actor: ctx.actor });
  return result.committees[0]!;
}
