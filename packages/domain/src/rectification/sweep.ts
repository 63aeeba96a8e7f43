import { committees, type Db, eq, queryRows, sql, type Tx, targets } from "@xuncha/db";
import { type Actor, systemActor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { deadlinesSetting } from "../committee-settings/deadlines";
import { loadSetting } from "../committee-settings/setting";
import { renderGongwen } from "../documents/gongwen";
import { issueDocument } from "../documents/issue-document";
import { AppError } from "../model/errors";
import { ESCALATION_STEP_LABELS, ESCALATION_STEPS, type EscalationStep } from "../model/rectification";
import { accountsWithRole, notify } from "../notifications/notify";
import { enqueueOutbound } from "../notifications/outbound";
import { roundName } from "../rounds/round-name";
import { chinaDate } from "../work-items/due-date";
import { dueEscalationSteps, escalationSetting } from "./escalation";
import {
  ensureEscalationRegister,
  escalationLetterContent,
  isLetterStep,
  LETTER_KINDS,
  type LetterItem,
} from "./escalation-letters";
import { notifyDueRevisits } from "./revisits";
import {
  type EscalationItemKind,
  itemStillOpenSql,
  loadEscalationItems,
  type SweepItem,
} from "./sweep-items";

export interface SweepOptions {
  /** The China calendar day to sweep for (YYYY-MM-DD); today in China by default. */
  today?: string;
  /** One committee (its failure is thrown); every committee by default. */
  committeeId?: string;
  /** These committees (failures are reported, as for every committee). */
  committeeIds?: readonly string[];
  /**
   * Who runs it: the system (the scheduler, by default) or an office account (the manual trigger).
   * Letters are issued in the name of that account, or of the office head when the system runs it.
   */
  actor?: Actor;
}

/** One letter or reminder batch taken by a sweep: a target's items at one step. */
export interface TakenBatch {
  targetId: string;
  targetName: string;
  step: EscalationStep;
  items: number;
  document: { id: string; number: string; title: string } | null;
  notified: number;
}

export interface CommitteeSweepResult {
  committeeId: string;
  today: string;
  /** Items looked at, steps taken. */
  items: number;
  steps: number;
  byStep: Record<EscalationStep, number>;
  batches: TakenBatch[];
}

export interface SweepResult {
  today: string;
  committees: CommitteeSweepResult[];
  failures: { committeeId: string; error: string }[];
}

export const ESCALATIONS_PATH = "/rectification/escalations";
export const MY_ESCALATIONS_PATH = "/rectification/my-escalations";

/**
 * The escalation sweep (督办): for each committee, loads its items (plans and final reports per
 * feedback, measures), asks the ladder (escalation.ts) which step is due today for each, and records
 * the steps with `insert … on conflict do nothing` (unique per item and step) — so running it twice,
 * or in two processes at once, takes nothing twice. Per target and step it then sends one numbered
 * letter listing every item newly taken (the reminder is a notification only), notifies the target's
 * contacts and principal (and the office for letters), and hands a message to the outbound channels.
 *
 * Each letter (a target's items at one step) is taken in one short transaction: its steps, the
 * numbered document, the notifications, the outbox and the audit entry commit together or not at
 * all. A committee that cannot issue letters (no office account) takes no step; a failure is
 * reported and the other committees are swept.
 */
export async function runEscalationSweep(db: Db, options: SweepOptions = {}): Promise<SweepResult> {
  const today = options.today ?? chinaDate(new Date());
  const actor = options.actor ?? systemActor("督办定时任务");
  const ids = options.committeeId
    ? [options.committeeId]
    : (options.committeeIds ??
      (await db.select({ id: committees.id }).from(committees).orderBy(committees.createdAt)).map(
        (c) => c.id,
      ));
  const result: SweepResult = { today, committees: [], failures: [] };
  for (const committeeId of ids) {
    try {
      result.committees.push(await sweepCommittee(db, actor, committeeId, today));
    } catch (e) {
      if (options.committeeId) throw e;
      result.failures.push({ committeeId, error: e instanceof Error ? e.message : String(e) });
    }
  }
  return result;
}

const emptyByStep = () =>
  Object.fromEntries(ESCALATION_STEPS.map((s) => [s, 0])) as Record<EscalationStep, number>;

async function sweepCommittee(
  db: Db,
  actor: Actor,
  committeeId: string,
  today: string,
): Promise<CommitteeSweepResult> {
  // The same daily run tells the office and the parties of the revisits coming up (or overdue).
  await notifyDueRevisits(db, committeeId, today);
  const { ladder, items } = await db.transaction(async (tx) => {
    const ladder = (await loadSetting(tx, committeeId, escalationSetting)).value;
    const deadlines = (await loadSetting(tx, committeeId, deadlinesSetting)).value;
    return { ladder, items: await loadEscalationItems(tx, committeeId, deadlines) };
  });
  const result: CommitteeSweepResult = {
    committeeId,
    today,
    items: items.length,
    steps: 0,
    byStep: emptyByStep(),
    batches: [],
  };
  // Per target and step: one letter (or one reminder) listing all of its items due today.
  const batches = new Map<string, DueItem[]>();
  for (const item of items) {
    for (const d of dueEscalationSteps(item, ladder, today)) {
      const key = `${item.targetId}:${d.step}`;
      const list = batches.get(key) ?? [];
      list.push({ item, step: d.step });
      batches.set(key, list);
    }
  }
  if (batches.size === 0) return result;

  const due = [...batches.values()].flat();
  const context = await loadLetterContext(db, committeeId, due);
  // Checked before anything is written: a committee that cannot issue letters takes no step at all.
  const issuer = due.some((d) => isLetterStep(d.step)) ? await letterIssuer(db, actor, committeeId) : null;
  const office = await accountsWithRole(db, committeeId, "officeStaff");
  const ordered = [...batches.values()].sort(
    (a, b) =>
      (context.targetNames.get(a[0]!.item.targetId) ?? "").localeCompare(
        context.targetNames.get(b[0]!.item.targetId) ?? "",
        "zh-CN",
      ) ||
      a[0]!.item.targetId.localeCompare(b[0]!.item.targetId) ||
      ESCALATION_STEPS.indexOf(a[0]!.step) - ESCALATION_STEPS.indexOf(b[0]!.step),
  );
  // One short transaction per letter, so the audit chain's lock is never held for the whole sweep.
  // Steps are unique per item and step: a concurrent sweep inserts nothing already taken and sends
  // no letter for it (batches are taken in the same order, so two sweeps wait rather than deadlock).
  for (const batch of ordered) {
    const taken = await db.transaction(async (tx) => {
      const rows = await insertSteps(tx, committeeId, today, batch);
      if (rows.length === 0) return null;
      return takeBatch(tx, actor, { committeeId, today, rows, context, issuer, office });
    });
    if (!taken) continue;
    result.batches.push(taken);
    result.steps += taken.items;
    result.byStep[taken.step] += taken.items;
  }
  return result;
}

interface DueItem {
  item: SweepItem;
  step: EscalationStep;
}

interface InsertedStep {
  id: string;
  target_id: string;
  item_kind: EscalationItemKind;
  item_id: string;
  step: EscalationStep;
  deadline: string;
}

/**
 * Records the steps due (one statement per 5,000 through unnest); returns only those not taken before
 * and whose item is still not done (itemStillOpenSql).
 */
async function insertSteps(
  tx: Tx,
  committeeId: string,
  today: string,
  due: DueItem[],
): Promise<InsertedStep[]> {
  const out: InsertedStep[] = [];
  for (let offset = 0; offset < due.length; offset += 5000) {
    const part = due.slice(offset, offset + 5000);
    out.push(
      ...(await queryRows<InsertedStep>(
        tx,
        sql`insert into escalation_steps
              (committee_id, target_id, item_kind, item_id, step, taken_on, deadline, source)
            select ${committeeId}::uuid, u.target_id, u.item_kind, u.item_id, u.step, ${today}::date,
                   u.deadline, 'sweep'
            from unnest(${sql.param(part.map((d) => d.item.targetId))}::uuid[],
                        ${sql.param(part.map((d) => d.item.kind))}::text[],
                        ${sql.param(part.map((d) => d.item.id))}::uuid[],
                        ${sql.param(part.map((d) => d.step))}::text[],
                        ${sql.param(part.map((d) => d.item.deadline))}::date[])
              as u(target_id, item_kind, item_id, step, deadline)
            where ${itemStillOpenSql}
            on conflict (item_kind, item_id, step) do nothing
            returning id, target_id, item_kind, item_id, step, deadline::text as deadline`,
      )),
    );
  }
  return out;
}

interface LetterContext {
  committeeName: string;
  targetNames: Map<string, string>;
  /** What each item is called in a letter and a notification. */
  labels: Map<string, string>;
}

/** Names for the letters: the committee, the targets, and each item (rounds and findings), in three queries. */
async function loadLetterContext(tx: Tx, committeeId: string, due: DueItem[]): Promise<LetterContext> {
  const rows = due.map((d) => ({ target_id: d.item.targetId, item_kind: d.item.kind, item_id: d.item.id }));
  const [committee] = await tx
    .select({ name: committees.name })
    .from(committees)
    .where(eq(committees.id, committeeId));
  const targetIds = [...new Set(rows.map((r) => r.target_id))];
  const targetRows = await tx
    .select({ id: targets.id, name: targets.name })
    .from(targets)
    .where(sql`${targets.id} = any(${sql.param(targetIds)}::uuid[])`);
  const feedbackIds = [...new Set(rows.filter((r) => r.item_kind !== "measure").map((r) => r.item_id))];
  const measureIds = rows.filter((r) => r.item_kind === "measure").map((r) => r.item_id);
  const feedbackRows = feedbackIds.length
    ? await queryRows<{ id: string; given_on: string; term_name: string; round_number: number }>(
        tx,
        sql`select f.id, f.given_on::text as given_on, t.name as term_name, r.number as round_number
            from feedbacks f join rounds r on r.id = f.round_id join terms t on t.id = r.term_id
            where f.id = any(${sql.param(feedbackIds)}::uuid[])`,
      )
    : [];
  const measureRows = measureIds.length
    ? await queryRows<{ id: string; title: string; content: string }>(
        tx,
        sql`select m.id, fi.title, m.content from measures m join findings fi on fi.id = m.finding_id
            where m.id = any(${sql.param(measureIds)}::uuid[])`,
      )
    : [];
  const labels = new Map<string, string>();
  for (const f of feedbackRows) {
    const round = roundName(f.term_name, f.round_number);
    labels.set(`plan:${f.id}`, `${round}反馈问题的整改方案（${f.given_on}反馈）`);
    labels.set(`finalReport:${f.id}`, `${round}反馈问题的整改情况报告（${f.given_on}反馈）`);
  }
  for (const m of measureRows) {
    labels.set(`measure:${m.id}`, `“${m.title.replace(/[“”]/g, "")}”问题的整改措施：${m.content}`);
  }
  return {
    committeeName: committee?.name ?? "",
    targetNames: new Map(targetRows.map((t) => [t.id, t.name])),
    labels,
  };
}

/**
 * The account the letters are issued in the name of (documents.issued_by, ADR 0011): the office
 * account that runs the sweep by hand, else the committee's office head, else its first office account.
 */
async function letterIssuer(tx: Tx, actor: Actor, committeeId: string): Promise<string> {
  if (actor.accountId) return actor.accountId;
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select a.id from role_assignments r join accounts a on a.id = r.account_id
        where r.committee_id = ${committeeId} and r.role = 'officeStaff' and not a.disabled
        order by r.is_head desc, r.created_at, a.id limit 1`,
  );
  if (!row) throw new AppError("escalation.no_issuer");
  return row.id;
}

async function takeBatch(
  tx: Tx,
  actor: Actor,
  b: {
    committeeId: string;
    today: string;
    rows: InsertedStep[];
    context: LetterContext;
    issuer: string | null;
    office: string[];
  },
): Promise<TakenBatch> {
  const { committeeId, today, rows, context } = b;
  const step = rows[0]!.step;
  const targetId = rows[0]!.target_id;
  const targetName = context.targetNames.get(targetId) ?? "";
  const items: LetterItem[] = rows
    .map((r) => ({
      label: context.labels.get(`${r.item_kind}:${r.item_id}`) ?? "整改事项",
      deadline: r.deadline,
    }))
    .sort((x, y) => x.deadline.localeCompare(y.deadline) || x.label.localeCompare(y.label, "zh-CN"));
  const stepIds = rows.map((r) => r.id);
  let document: TakenBatch["document"] = null;
  if (isLetterStep(step)) {
    const kind = LETTER_KINDS[step];
    await ensureEscalationRegister(tx, committeeId, kind);
    const roundIds = await queryRows<{ round_id: string }>(
      tx,
      sql`select distinct coalesce(f.round_id, fi.round_id) as round_id
          from escalation_steps e
          left join feedbacks f on e.item_kind <> 'measure' and f.id = e.item_id
          left join measures m on e.item_kind = 'measure' and m.id = e.item_id
          left join findings fi on fi.id = m.finding_id
          where e.id = any(${sql.param(stepIds)}::uuid[])`,
    );
    const content = escalationLetterContent({
      step,
      committeeName: context.committeeName,
      targetName,
      items,
      date: today,
    });
    const issued = await issueDocument(tx, actor, {
      committeeId,
      kind,
      title: content.title,
      date: today,
      roundId: roundIds.length === 1 ? roundIds[0]!.round_id : null,
      targetId,
      fields: { step, items, escalationStepIds: stepIds },
      issuedBy: b.issuer!,
      render: (numbered) => renderGongwen(content.gongwen(numbered)),
    });
    document = { id: issued.id, number: issued.number, title: issued.title };
    await tx.execute(
      sql`update escalation_steps set document_id = ${issued.id}
          where id = any(${sql.param(stepIds)}::uuid[])`,
    );
  }

  const label = ESCALATION_STEP_LABELS[step];
  const title =
    step === "reminder"
      ? `整改提醒：${targetName}有 ${items.length} 项整改事项临近完成时限`
      : `${label}：${targetName}有 ${items.length} 项整改事项逾期未完成`;
  const body = [
    document ? `${document.title}（${document.number}）。` : "以下整改事项临近完成时限，请抓紧办理：",
    ...items.map((i, n) => `${n + 1}. ${i.label}（完成时限：${i.deadline}）`),
  ].join("\n");
  // Per batch: its step rows are new and never taken twice, so a second batch for the same target and
  // step on the same day (an item that fell due later that day) is still delivered.
  const dedupeKey = `escalation:${targetId}:${step}:${today}:${[...stepIds].sort()[0]}`;
  const contacts = await accountsWithRole(tx, committeeId, "targetContact", { targetId });
  let notified = await notify(tx, contacts, {
    committeeId,
    kind: `escalation.${step}`,
    title,
    body,
    link: MY_ESCALATIONS_PATH,
    dedupeKey,
  });
  const officeToo = document ? b.office.filter((a) => !contacts.includes(a)) : [];
  notified += await notify(tx, officeToo, {
    committeeId,
    kind: `escalation.${step}`,
    title,
    body,
    link: ESCALATIONS_PATH,
    dedupeKey,
  });
  await enqueueOutbound(tx, [...contacts, ...officeToo], {
    committeeId,
    subject: title,
    body,
    dedupeKey,
  });
  await recordAudit(tx, actor, {
    action: "escalation.take",
    entity: "target",
    entityId: targetId,
    committeeId,
    summary: {
      step,
      takenOn: today,
      items: rows.map((r) => ({ kind: r.item_kind, id: r.item_id, deadline: r.deadline })),
      documentId: document?.id ?? null,
      number: document?.number ?? null,
    },
  });
  return { targetId, targetName, step, items: rows.length, document, notified };
}
