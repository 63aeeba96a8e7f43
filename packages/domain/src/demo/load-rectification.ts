import { randomUUID } from "node:crypto";
import { accounts, type Db, queryRows, roleAssignments, sql, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { loadActor } from "../access/load-actor";
import type { ReviewParty } from "../model/rectification";
import { saveDraft, updateMeasure } from "../rectification/edit-plan";
import { acknowledgeEscalation, listEscalations } from "../rectification/escalations";
import type { Verdict } from "../rectification/joint-review";
import { openPlan, openReport } from "../rectification/open-subject";
import { getSubject } from "../rectification/present-subject";
import { reviewSubject } from "../rectification/review-version";
import { signOffSubject, submitSubject } from "../rectification/submit-version";
import { runEscalationSweep } from "../rectification/sweep";
import { insertRows } from "./bulk-insert";
import type { DemoCalendar } from "./demo-rows";
import { loadFollowUpDemo } from "./load-follow-up";

/**
 * The second half of the demo's inspections, driven through the real use cases so that every row is
 * one the application would write: each fed-back target of the main county gets a contact and a
 * principal account; plans and reports go through the joint review (some returned once, some under
 * review now); then the escalation sweep is run for past days, so reminders, numbered letters and
 * later steps stand where a running installation would have left them.
 */

export interface RectificationDemoInput {
  cal: DemoCalendar;
  committeeId: string;
  /** The second county: its office gets an account, so the scheduler's sweep can issue its letters. */
  second: { committeeId: string; name: string };
  passwordHash: string;
  /** The showcase target's contact (target1) and principal (target1head). */
  showcase: { targetId: string; contact: string; principal: string };
  office: string;
  leader: string;
  jiwei: string;
  zuzhibu: string;
}

export interface RectificationDemoSummary {
  contactAccounts: number;
  subjects: number;
  versions: number;
  partyReviews: number;
  escalationSteps: number;
  letters: number;
  revisits: number;
  evaluations: number;
  disclosures: number;
}

interface FeedbackRow {
  id: string;
  target_id: string;
  target_name: string;
  principal: string;
  given_on: string;
  round_number: number;
  group_leader: string | null;
  has_measures: boolean;
}

/** What happens to a target's plan and reports, in the demo's story. */
type Story =
  | "allPassed"
  | "returnedThenPassed"
  | "finalReturned"
  | "noFinalReport"
  | "finalUnderReview"
  | "planUnderReview"
  | "planDraft";

const ROUND1_STORIES: Story[] = [
  "returnedThenPassed",
  "allPassed",
  "noFinalReport",
  "finalReturned",
  "finalUnderReview",
];

const OPINIONS = {
  measure: "措施不够具体，请明确完成时限和可检验的成果。",
  whole: "整改方案总体可行，请按意见修改后重新报送。",
  pass: "同意。",
};

const CONTACT_NAMES = [
  "吴静",
  "黄磊",
  "林晓",
  "何敏",
  "高峰",
  "罗娟",
  "梁勇",
  "宋佳",
  "唐伟",
  "韩雪",
  "冯涛",
  "曹丽",
  "彭浩",
  "董芳",
  "袁斌",
  "邓琳",
];

export async function loadRectificationDemo(
  tx: Tx,
  input: RectificationDemoInput,
): Promise<RectificationDemoSummary> {
  const db = tx as unknown as Db;
  const feedbacks = await queryRows<FeedbackRow>(
    tx,
    sql`select f.id, f.target_id, t.name as target_name, t.principal, f.given_on::text as given_on,
          r.number as round_number,
          (select p.account_id from group_targets gt join group_members m on m.group_id = gt.group_id
             join people p on p.id = m.person_id
           where gt.round_id = f.round_id and gt.target_id = f.target_id and m.role = 'leader' limit 1) as group_leader,
          exists (select 1 from findings x join measures m on m.finding_id = x.id where x.feedback_id = f.id)
            as has_measures
        from feedbacks f join targets t on t.id = f.target_id join rounds r on r.id = f.round_id
        where f.committee_id = ${input.committeeId}
        order by r.number, t.name`,
  );
  const { people, created } = await createContacts(tx, input, feedbacks);
  const openMeasures = new Set(
    (
      await queryRows<{ id: string }>(
        tx,
        sql`select m.id from measures m join findings f on f.id = m.finding_id
            where m.committee_id = ${input.committeeId} and f.closed_at is null`,
      )
    ).map((r) => r.id),
  );
  const actorCache = new Map<string, Actor>();
  const as = async (accountId: string): Promise<Ctx> => {
    let actor = actorCache.get(accountId);
    if (!actor) {
      actor = (await loadActor(tx, accountId)) ?? undefined;
      if (!actor) throw new Error(`demo: no actor for ${accountId}`);
      actorCache.set(accountId, actor);
    }
    return { db, actor };
  };
  const partyAccounts = (f: FeedbackRow): Record<ReviewParty, string | null> => ({
    office: input.office,
    disciplineCommission: input.jiwei,
    organizationDept: input.zuzhibu,
    group: f.group_leader,
  });

  /** Every party on the version under review answers, except `skip`; `returns` return their first measure. */
  async function review(f: FeedbackRow, subjectId: string, returns: ReviewParty[], skip: ReviewParty[] = []) {
    const office = await as(input.office);
    const detail = await getSubject(office, subjectId);
    const version = detail.state.version!;
    for (const p of detail.state.parties) {
      const accountId = partyAccounts(f)[p.party];
      if (p.answered || skip.includes(p.party) || !accountId) continue;
      const returning = returns.includes(p.party);
      const measures: Record<string, Verdict> = {};
      // A return asks for a change of the first measure of a problem still open.
      const returned = p.toReview.find((id) => openMeasures.has(id));
      p.toReview.forEach((id) => {
        measures[id] =
          returning && id === returned
            ? { decision: "return", opinion: OPINIONS.measure }
            : { decision: "pass", opinion: "" };
      });
      const whole: Verdict = returning
        ? { decision: "return", opinion: OPINIONS.whole }
        : { decision: "pass", opinion: p.party === "office" ? OPINIONS.pass : "" };
      await reviewSubject(await as(accountId), subjectId, { party: p.party, version, whole, measures });
    }
  }

  async function signAndSubmit(f: FeedbackRow, subjectId: string) {
    const who = people.get(f.target_id)!;
    await signOffSubject(await as(who.principal), subjectId, {});
    await submitSubject(await as(who.contact), subjectId);
  }

  let subjects = 0;
  let laterRound = 0;
  for (const [index, f] of feedbacks.entries()) {
    const who = people.get(f.target_id)!;
    const contact = await as(who.contact);
    const story: Story =
      f.round_number === 1
        ? f.target_id === input.showcase.targetId
          ? "finalUnderReview"
          : ROUND1_STORIES[index % ROUND1_STORIES.length]!
        : f.has_measures && laterRound++ === 0
          ? "planUnderReview"
          : "planDraft";
    const plan = await openPlan(contact, f.id);
    subjects++;
    await saveDraft(contact, plan.subject.id, {
      summary: `${f.target_name}党组织高度重视巡察反馈意见，逐条制定整改措施，明确责任领导、责任部门、责任人和整改时限，确保件件有着落、事事有回音。`,
    });
    if (story === "planDraft") continue;
    await signAndSubmit(f, plan.subject.id);
    if (story === "planUnderReview") {
      await review(f, plan.subject.id, [], ["disciplineCommission", "organizationDept", "group"]);
      continue;
    }
    if (story === "returnedThenPassed" || story === "finalUnderReview") {
      await review(f, plan.subject.id, ["disciplineCommission"]);
      const returned = await getSubject(contact, plan.subject.id);
      const measureId = returned.gathered?.measures[0]?.measureId;
      if (measureId) {
        await updateMeasure(contact, measureId, {
          goal: "按期全面完成整改，形成制度成果，举一反三堵塞漏洞。",
        });
      }
      await signAndSubmit(f, plan.subject.id);
    }
    await review(f, plan.subject.id, []);

    // A progress report, then the final report (or none yet).
    const progress = await openReport(contact, f.id, { kind: "progressReport" });
    subjects++;
    await saveDraft(contact, progress.subject.id, {
      text: "集中整改期内，已召开专题民主生活会，逐项推进整改，现将进展情况报告如下。",
      entries: entriesOf(progress.draft),
    });
    await signAndSubmit(f, progress.subject.id);
    await review(f, progress.subject.id, []);
    if (story === "noFinalReport") continue;
    const final = await openReport(contact, f.id, { kind: "finalReport" });
    subjects++;
    await saveDraft(contact, final.subject.id, {
      text: "巡察反馈的问题已逐项整改，建立健全制度，形成长效机制，现将整改情况报告如下。",
      entries: entriesOf(final.draft),
    });
    await signAndSubmit(f, final.subject.id);
    if (story === "finalUnderReview") {
      await review(f, final.subject.id, [], ["disciplineCommission", "group"]);
    } else if (story === "finalReturned") {
      await review(f, final.subject.id, ["organizationDept"]);
    } else {
      await review(f, final.subject.id, []);
    }
  }
  await backdate(tx, input.committeeId);

  // The sweep as a running installation would have run it: every day since the first feedback (a day
  // with nothing due costs three queries).
  const first = feedbacks[0]?.given_on;
  if (first) {
    const today = input.cal.day(0);
    for (let day = first; day <= today; day = addDaysIso(day, 1)) {
      await runEscalationSweep(db, { today: day, committeeId: input.committeeId });
    }
  }
  // Each target acknowledged its earlier letters in the app; the latest one awaits acknowledgement.
  for (const [targetId, who] of people) {
    const contact = await as(who.contact);
    const letters = (await listEscalations(contact, { targetId })).items.filter((s) => s.document !== null);
    const sorted = [...letters].sort((a, b) => a.takenOn.localeCompare(b.takenOn));
    for (const letter of sorted.slice(0, -1)) await acknowledgeEscalation(contact, letter.id);
  }

  const followUp = await loadFollowUpDemo(tx, {
    cal: input.cal,
    committeeId: input.committeeId,
    office: await as(input.office),
    leader: await as(input.leader),
  });
  // And today's, in China time, after the revisits (one reopened a problem whose deadline has passed,
  // so it is urged): the sweep the scheduler runs at start finds nothing more to do.
  if (first) await runEscalationSweep(db, { committeeId: input.committeeId });

  const [counts] = await queryRows<{
    versions: number;
    partyReviews: number;
    escalationSteps: number;
    letters: number;
  }>(
    tx,
    sql`select (select count(*)::int from review_versions v join review_subjects s on s.id = v.subject_id
                 where s.committee_id = ${input.committeeId}) as versions,
               (select count(*)::int from party_reviews r join review_subjects s on s.id = r.subject_id
                 where s.committee_id = ${input.committeeId}) as "partyReviews",
               (select count(*)::int from escalation_steps where committee_id = ${input.committeeId}) as "escalationSteps",
               (select count(distinct document_id)::int from escalation_steps
                 where committee_id = ${input.committeeId}) as letters`,
  );
  return { contactAccounts: created, subjects, ...counts!, ...followUp };
}

type ReportDraft = { entries?: Record<string, { progress: string; completion: string }> };

function entriesOf(draft: unknown) {
  const entries = (draft as ReportDraft).entries ?? {};
  return Object.fromEntries(
    Object.entries(entries).map(([id, e]) => [
      id,
      {
        progress: e.progress || "已按整改措施推进，相关佐证材料已归档。",
        completion: (e.completion || "basicallyDone") as "unfinished" | "basicallyDone" | "done",
      },
    ]),
  );
}

const addDaysIso = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * Each fed-back target's contact (联系人) and principal (主要负责人) sign in with the demo password;
 * the showcase target keeps target1 and target1head. The second county's office gets an account too.
 */
async function createContacts(tx: Tx, input: RectificationDemoInput, feedbacks: FeedbackRow[]) {
  const people = new Map<string, { contact: string; principal: string }>();
  const accountRows: (typeof accounts.$inferInsert)[] = [];
  const roleRows: (typeof roleAssignments.$inferInsert)[] = [];
  let n = 0;
  for (const f of feedbacks) {
    if (people.has(f.target_id)) continue;
    if (f.target_id === input.showcase.targetId) {
      people.set(f.target_id, { contact: input.showcase.contact, principal: input.showcase.principal });
      continue;
    }
    n++;
    const code = String(n).padStart(2, "0");
    const contact = randomUUID();
    const principal = randomUUID();
    accountRows.push(
      {
        id: contact,
        committeeId: input.committeeId,
        username: `lxr${code}`,
        displayName: CONTACT_NAMES[(n - 1) % CONTACT_NAMES.length]!,
        passwordHash: input.passwordHash,
      },
      {
        id: principal,
        committeeId: input.committeeId,
        username: `fzr${code}`,
        displayName: f.principal || `${f.target_name}主要负责人`,
        passwordHash: input.passwordHash,
      },
    );
    for (const [accountId, isHead] of [
      [contact, false],
      [principal, true],
    ] as const) {
      roleRows.push({
        accountId,
        role: "targetContact",
        committeeId: input.committeeId,
        targetId: f.target_id,
        partnerDepartmentId: null,
        isHead,
      });
    }
    people.set(f.target_id, { contact, principal });
  }
  const secondOffice = randomUUID();
  accountRows.push({
    id: secondOffice,
    committeeId: input.second.committeeId,
    username: "yxoffice",
    displayName: `${input.second.name}巡察办`,
    passwordHash: input.passwordHash,
  });
  roleRows.push({
    accountId: secondOffice,
    role: "officeStaff",
    committeeId: input.second.committeeId,
    targetId: null,
    partnerDepartmentId: null,
    isHead: true,
  });
  await insertRows(tx, accounts, accountRows);
  await insertRows(tx, roleAssignments, roleRows);
  return { people, created: accountRows.length };
}

/**
 * The use cases stamp everything with the load time; the story happened after each feedback: plans
 * about three weeks after it, resubmissions a week later, reports after the plan, reviews a few days
 * after each submission.
 */
async function backdate(tx: Tx, committeeId: string) {
  await tx.execute(sql`
    update review_versions v
    set created_at = (f.given_on + (case s.kind when 'plan' then 20 when 'progressReport' then 45 else 58 end)
                        + (v.number - 1) * 7 + (s.sequence - 1) * 30) + time '10:00' - interval '8 hours'
    from review_subjects s join feedbacks f on f.id = s.feedback_id
    where v.subject_id = s.id and s.committee_id = ${committeeId}
      and f.given_on < current_date - 60`);
  await tx.execute(sql`
    update party_reviews r
    set created_at = v.created_at + (array_position(array['office','disciplineCommission','organizationDept','group'], r.party) + 1) * interval '1 day'
    from review_versions v join review_subjects s on s.id = v.subject_id
    where r.subject_id = v.subject_id and r.version = v.number and s.committee_id = ${committeeId}
      and v.created_at < now() - interval '30 days'`);
  await tx.execute(sql`
    update review_subjects s
    set passed_at = (select max(r.created_at) from party_reviews r where r.subject_id = s.id)
    where s.committee_id = ${committeeId} and s.passed_at is not null`);
}
