import {
  briefingAnswers,
  briefingRequests,
  briefingRequestTargets,
  type Db,
  fieldworkRecordInspectors,
  fieldworkRecords,
  interviewInspectors,
  interviews,
  partnerDepartments,
  preInspectionItems,
  queryRows,
  sql,
  type Tx,
  workpaperEvents,
  workpaperSignatures,
  workpapers,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import { systemActor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { loadActor } from "../access/load-actor";
import { assignRole } from "../accounts/create-account";
import type { TipKeyring } from "../crypto/keyring";
import { createRegister, defaultRegister } from "../documents/manage-registers";
import { issueImmediateFix } from "../findings/immediate-fixes";
import { createReport, generateReportVersion } from "../reports/manage-reports";
import { createSurvey } from "../surveys/create-survey";
import { submitSurveyResponse } from "../surveys/public-survey";
import { registerTip, submitPublicTip } from "../tips/create-tip";
import { decideTip, recordHandOverAnswer, routeTip } from "../tips/handle-tip";
import { requestReveal } from "../tips/reveal-identity";
import type { FieldworkRows, TipPlan } from "./build-fieldwork";
import { insertRows } from "./bulk-insert";
import type { CommitteeRow, DemoActors, DemoCalendar } from "./demo-rows";

/** The fieldwork rows that go in with bulk inserts (after the findings they refer to). */
export async function insertFieldworkRows(tx: Tx, rows: FieldworkRows, committeeId: string) {
  await insertRows(tx, partnerDepartments, rows.partnerDepartments);
  // The 纪委监委 and 组织部 accounts also answer briefings for their departments; the others only that.
  const demo = systemActor("演示数据");
  for (const d of rows.departmentAccounts)
    await assignRole(tx, demo, d.accountId, {
      role: "partnerDept",
      committeeId,
      partnerDepartmentId: d.partnerDepartmentId,
    });
  await insertRows(tx, briefingRequests, rows.briefingRequests);
  await insertRows(tx, briefingRequestTargets, rows.briefingRequestTargets);
  await insertRows(tx, briefingAnswers, rows.briefingAnswers);
  await insertRows(tx, preInspectionItems, rows.preInspectionItems);
  await insertRows(tx, interviews, rows.interviews);
  await insertRows(tx, interviewInspectors, rows.interviewInspectors);
  await insertRows(tx, fieldworkRecords, rows.fieldworkRecords);
  await insertRows(tx, fieldworkRecordInspectors, rows.fieldworkRecordInspectors);
  await insertRows(tx, workpapers, rows.workpapers);
  await insertRows(tx, workpaperSignatures, rows.signatures);
  await insertRows(tx, workpaperEvents, rows.workpaperEvents);
}

export interface FieldworkUseCaseInput {
  cal: DemoCalendar;
  keys: TipKeyring;
  actors: DemoActors;
  main: CommitteeRow;
  rows: FieldworkRows;
  publicBaseUrl: string;
}

export interface FieldworkSummary {
  tips: number;
  surveyResponses: number;
  immediateFixes: number;
  reports: number;
}

/**
 * The fieldwork records whose content is sealed or numbered, written through the use cases as the
 * public, the office and the groups would have: tips (sealed with the installation's tip key), the
 * survey with its one-time codes and answers, the 立行立改 notice (numbered from its register) and
 * the midterm report. The days they happened on are set afterwards (the use cases date them today).
 */
export async function runFieldworkUseCases(tx: Tx, input: FieldworkUseCaseInput): Promise<FieldworkSummary> {
  const { cal, rows, actors } = input;
  const db = tx as unknown as Db;
  const actorCache = new Map<string, Actor>();
  const as = async (accountId: string): Promise<Ctx> => {
    let actor = actorCache.get(accountId);
    if (!actor) {
      actor = await loadActor(tx, accountId);
      if (!actor) throw new Error(`demo: no actor for account ${accountId}`);
      actorCache.set(accountId, actor);
    }
    return { db, actor };
  };
  const summary: FieldworkSummary = { tips: 0, surveyResponses: 0, immediateFixes: 0, reports: 0 };
  const roundId = rows.fieldworkRoundId;
  if (!roundId) return summary;

  // 1. Tips, then what the office and the groups did with them.
  const dated: { id: string; received: string; decided: string | null; answered: string | null }[] = [];
  const sources: { findingId: string; recordId: string }[] = [];
  for (const plan of rows.tips) {
    const id = await createTip(tx, input.keys, await as(actors.office), roundId, plan);
    summary.tips++;
    const outcome = plan.outcome;
    if (outcome.kind === "routeTo") await routeTip(await as(actors.office), id, { groupId: outcome.groupId });
    const leader = async () => {
      const [row] = await queryRows<{ account_id: string }>(
        tx,
        sql`select p.account_id from tips t join group_members m on m.group_id = t.group_id and m.role = 'leader'
            join people p on p.id = m.person_id where t.id = ${id}`,
      );
      return as(row!.account_id);
    };
    let decided: number | null = null;
    let answered: number | null = null;
    if (outcome.kind === "use") {
      await decideTip(await leader(), id, {
        decision: "use",
        findingId: outcome.findingId,
        note: outcome.note,
        publicAnswer: outcome.publicAnswer,
      });
      decided = outcome.decidedOn;
      if (outcome.findingId) sources.push({ findingId: outcome.findingId, recordId: id });
    } else if (outcome.kind === "handOver") {
      const ctx = await leader();
      await decideTip(ctx, id, {
        decision: "handOver",
        targetId: outcome.targetId,
        deadline: cal.day(outcome.deadline),
        note: outcome.note,
      });
      decided = outcome.decidedOn;
      if (outcome.answer) {
        await recordHandOverAnswer(ctx, id, {
          answer: outcome.answer.text,
          answeredOn: cal.day(outcome.answer.answeredOn),
          publicAnswer: outcome.answer.publicAnswer,
        });
        answered = outcome.answer.answeredOn;
      }
    } else if (outcome.kind === "file") {
      await decideTip(await leader(), id, {
        decision: "file",
        reason: outcome.reason,
        publicAnswer: outcome.publicAnswer,
      });
      decided = outcome.decidedOn;
    }
    if (plan.revealReason) await requestReveal(await leader(), id, { reason: plan.revealReason });
    dated.push({
      id,
      received: cal.day(plan.receivedOn),
      decided: decided === null ? null : cal.day(decided),
      answered: answered === null ? null : cal.day(answered),
    });
  }
  if (dated.length)
    await tx.execute(sql`
      update tips t set received_on = d.received, decided_on = coalesce(d.decided, t.decided_on),
        hand_over_answered_on = coalesce(d.answered, t.hand_over_answered_on)
      from unnest(${sql.param(dated.map((d) => d.id))}::uuid[], ${sql.param(dated.map((d) => d.received))}::date[],
        ${sql.param(dated.map((d) => d.decided))}::date[], ${sql.param(dated.map((d) => d.answered))}::date[])
        as d(id, received, decided, answered)
      where t.id = d.id`);

  // 2. The survey: created by the group with its codes; some codes were used to answer.
  const survey = rows.survey;
  if (survey) {
    const created = await createSurvey(await as(actors.group1), {
      groupId: survey.groupId,
      targetId: survey.targetId,
      builtIn: survey.builtIn,
      opensOn: survey.opensOn,
      closesOn: survey.closesOn,
      codeCount: survey.codeCount,
      publicBaseUrl: input.publicBaseUrl,
    });
    const codes = created.codes?.codes ?? [];
    for (const [i, response] of survey.responses.entries())
      await submitSurveyResponse(db, { code: codes[i]!, answers: response.answers });
    summary.surveyResponses = survey.responses.length;
    // Answered over the days the survey has been open (a sheet does not say which code it used).
    const days = survey.responses.map((r) => r.answeredOn).sort();
    await tx.execute(sql`
      update survey_responses s set answered_on = d.day
      from (select id, row_number() over (order by id) as n from survey_responses where survey_id = ${created.id}) r,
        unnest(${sql.param(days)}::date[]) with ordinality as d(day, n)
      where s.id = r.id and r.n = d.n`);
    await tx.execute(sql`
      update survey_codes c set used_at = d.day::timestamptz
      from (select id, row_number() over (order by id) as n from survey_codes
            where survey_id = ${created.id} and used_at is not null) r,
        unnest(${sql.param(days)}::date[]) with ordinality as d(day, n)
      where c.id = r.id and r.n = d.n`);
    await tx.execute(
      sql`update surveys set created_at = ${survey.opensOn}::date - interval '14 hours' where id = ${created.id}`,
    );
    if (survey.findingId) sources.push({ findingId: survey.findingId, recordId: created.id });
  }

  // The workpapers that came from a tip or the survey point to it.
  if (sources.length)
    await tx.execute(sql`
      update workpapers w set source_record_id = s.record_id
      from unnest(${sql.param(sources.map((s) => s.findingId))}::uuid[], ${sql.param(sources.map((s) => s.recordId))}::uuid[])
        as s(finding_id, record_id)
      where w.finding_id = s.finding_id`);

  // 3. 立行立改: the office sets up a register for the notices; the group leader issues one.
  if (rows.immediateFix) {
    await createRegister(await as(actors.officeHead), {
      issuer: defaultRegister(input.main.name).issuer,
      prefix: "青巡立改",
      kinds: ["immediateFix"],
    });
    const fix = rows.immediateFix;
    const issued = await issueImmediateFix(await as(actors.group1), fix.findingId, {
      requirement: fix.requirement,
      deadline: fix.deadline,
      date: fix.date,
    });
    await tx.execute(
      sql`update immediate_fixes set created_at = ${fix.date}::date + interval '16 hours',
          updated_at = ${fix.date}::date + interval '16 hours' where id = ${issued.id}`,
    );
    summary.immediateFixes = 1;
  }

  // 4. The midterm report of the demo accounts' group, assembled from its approved findings.
  const group = rows.survey?.groupId;
  if (group) {
    const report = await createReport(await as(actors.group1), { roundId, groupId: group, kind: "midterm" });
    await generateReportVersion(await as(actors.member1), report.id);
    summary.reports = 1;
  }
  return summary;
}

/** A tip from the group's page (码上巡察) or registered by the office; returns its id. */
async function createTip(tx: Tx, keys: TipKeyring, office: Ctx, roundId: string, plan: TipPlan) {
  const tip = {
    roundId,
    groupId: plan.groupId,
    targetId: plan.targetId,
    otherTarget: plan.otherTarget,
    category: plan.category,
    text: plan.text,
    identity: plan.identity,
    files: [],
  };
  if (plan.channel !== "web") {
    const registered = await registerTip({ ...office, keys }, { ...tip, channel: plan.channel });
    return registered.id;
  }
  await submitPublicTip({ db: office.db, keys }, tip);
  // The public form answers with the receipt only: the newest tip of the round is this one.
  const [row] = await queryRows<{ id: string }>(
    tx,
    sql`select id from tips where round_id = ${roundId} order by number desc limit 1`,
  );
  return row!.id;
}
