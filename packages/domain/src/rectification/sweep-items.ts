import { queryRows, sql, type Tx } from "@xuncha/db";
import type { Deadlines } from "../committee-settings/deadlines";
import type { EscalationStep } from "../model/rectification";
import { type EscalationItem, rectificationDueDates, type TakenStep } from "./escalation";

/** What an escalation step is taken on: a feedback's plan or final report, or a measure. */
export type EscalationItemKind = "plan" | "finalReport" | "measure";

export interface SweepItem extends EscalationItem {
  kind: EscalationItemKind;
  /** feedbacks.id for the plan and the final report, measures.id for a measure. */
  id: string;
  targetId: string;
  roundId: string;
}

/**
 * Every escalation item of a committee with its deadline, its done state and the steps already
 * taken, loaded with four set-based queries whatever the number of items (no query per item):
 *  - per feedback, the plan (due rectificationPlanAfterFeedback after it) and the final report
 *    (finalReportAfterFeedback): done once the subject of that kind is under review or passed; once
 *    the subject is opened, its own due date (fixed then, and shown to the target) is the deadline,
 *    so a later change of the settings does not move a date the target was given;
 *  - per measure, its own deadline: done once its latest progress says done or its finding is closed.
 */
export async function loadEscalationItems(
  tx: Tx,
  committeeId: string,
  deadlines: Deadlines,
): Promise<SweepItem[]> {
  const [feedbackRows, measureRows, takenRows] = [
    await queryRows<{
      id: string;
      target_id: string;
      round_id: string;
      given_on: string;
      plan_done: boolean;
      final_done: boolean;
      plan_due_on: string | null;
      final_due_on: string | null;
    }>(
      tx,
      sql`select f.id, f.target_id, f.round_id, f.given_on::text as given_on,
            max(s.due_on) filter (where s.kind = 'plan')::text as plan_due_on,
            max(s.due_on) filter (where s.kind = 'finalReport')::text as final_due_on,
            coalesce(bool_or(s.kind = 'plan' and s.status in ('underReview', 'passed')), false) as plan_done,
            coalesce(bool_or(s.kind = 'finalReport' and s.status in ('underReview', 'passed')), false)
              as final_done
          from feedbacks f
          left join review_subjects s on s.feedback_id = f.id and s.kind in ('plan', 'finalReport')
          where f.committee_id = ${committeeId}
          group by f.id`,
    ),
    await queryRows<{ id: string; target_id: string; round_id: string; deadline: string; done: boolean }>(
      tx,
      sql`select m.id, m.target_id, fi.round_id, m.deadline::text as deadline,
            (fi.closed_at is not null or coalesce(lp.completion = 'done', false)) as done
          from measures m
          join findings fi on fi.id = m.finding_id
          left join (
            select distinct on (p.measure_id) p.measure_id, p.completion
            from progress_updates p
            where p.committee_id = ${committeeId}
            order by p.measure_id, p.reported_on desc, p.created_at desc
          ) lp on lp.measure_id = m.id
          where m.committee_id = ${committeeId}`,
    ),
    await queryRows<{ item_kind: string; item_id: string; step: EscalationStep; taken_on: string }>(
      tx,
      sql`select item_kind, item_id, step, taken_on::text as taken_on
          from escalation_steps where committee_id = ${committeeId}`,
    ),
  ];
  const taken = new Map<string, TakenStep[]>();
  for (const r of takenRows) {
    const key = `${r.item_kind}:${r.item_id}`;
    const list = taken.get(key) ?? [];
    list.push({ step: r.step, on: r.taken_on });
    taken.set(key, list);
  }
  const takenOf = (kind: EscalationItemKind, id: string) => taken.get(`${kind}:${id}`) ?? [];
  const items: SweepItem[] = [];
  for (const f of feedbackRows) {
    const due = rectificationDueDates(f.given_on, deadlines);
    const base = { id: f.id, targetId: f.target_id, roundId: f.round_id };
    items.push({
      ...base,
      kind: "plan",
      deadline: f.plan_due_on ?? due.planDueOn,
      done: f.plan_done,
      taken: takenOf("plan", f.id),
    });
    items.push({
      ...base,
      kind: "finalReport",
      deadline: f.final_due_on ?? due.finalReportDueOn,
      done: f.final_done,
      taken: takenOf("finalReport", f.id),
    });
  }
  for (const m of measureRows) {
    items.push({
      kind: "measure",
      id: m.id,
      targetId: m.target_id,
      roundId: m.round_id,
      deadline: m.deadline,
      done: m.done,
      taken: takenOf("measure", m.id),
    });
  }
  return items;
}

/**
 * The same "done" rule as loadEscalationItems, for one item in SQL (u.item_kind, u.item_id): the
 * steps are inserted only for items still not done when the insert runs, so an item finished after
 * the sweep loaded it (a plan submitted, a measure reported done, a problem closed) gets no letter.
 */
export const itemStillOpenSql = sql`not (
  (u.item_kind = 'measure' and exists (
    select 1 from measures m join findings fi on fi.id = m.finding_id
    where m.id = u.item_id and (fi.closed_at is not null or (
      select p.completion from progress_updates p where p.measure_id = m.id
      order by p.reported_on desc, p.created_at desc limit 1) = 'done')))
  or (u.item_kind in ('plan', 'finalReport') and exists (
    select 1 from review_subjects s
    where s.feedback_id = u.item_id and s.kind = u.item_kind and s.status in ('underReview', 'passed')))
)`;
