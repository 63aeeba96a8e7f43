import { createHash, randomUUID } from "node:crypto";
import {
  commitments,
  type Db,
  eq,
  groupMembers,
  numberingRegisters,
  queryRows,
  sql,
  type Tx,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { loadActor } from "../access/load-actor";
import { renderGongwen } from "../documents/gongwen";
import { issueAnnouncement } from "../documents/issue-announcement";
import { issueAuthorization } from "../documents/issue-authorization";
import { issueDocument } from "../documents/issue-document";
import { createRegister, defaultRegister } from "../documents/manage-registers";
import { ROUND_STAGES, type RoundStage } from "../model/enums";
import { acceptProposal, createProposal } from "../planning/proposals";
import { recordRecusalOverride } from "../recusal/manage-overrides";
import { drawMembers } from "../rounds/draw-members";
import { addGroupMember, createGroup } from "../rounds/manage-groups";
import { syncRoundWorkItems } from "../work-items/sync-work-items";
import type { DemoExtras } from "./build-demo";
import { PREP_ROUND } from "./build-planning";
import { insertRows } from "./bulk-insert";
import type { CommitteeRow, DemoActors, DemoCalendar, TargetRow, WorkRows } from "./demo-rows";

export interface UseCaseInput {
  cal: DemoCalendar;
  actors: DemoActors;
  main: { committee: CommitteeRow; targets: TargetRow[] };
  second: { committee: CommitteeRow };
  work: WorkRows;
  extras: DemoExtras;
  /** The account group (group1, member1) and the target1 account's target: who marks their items. */
  accountGroupId: string | undefined;
  showcaseTargetId: string;
  publicBaseUrl: string;
}

export interface UseCaseSummary {
  /** Groups and members formed here (the round in preparation's). */
  groups: number;
  groupMembers: number;
  groupTargets: number;
  draws: number;
  documents: number;
  workItems: number;
  workItemsDone: number;
  planEntries: number;
}

async function actorOf(tx: Tx, accountId: string): Promise<Actor> {
  const actor = await loadActor(tx, accountId);
  if (!actor) throw new Error(`demo: no actor for account ${accountId}`);
  return actor;
}

/**
 * The part of the demo written through the domain's own use cases, as the office and the leading
 * group would have done it: the recusal override, the preparation round's group formed from two
 * seeded draws, an accepted coverage plan, numbered documents (real .docx), and the rounds' work
 * items synced from the checklist and marked done as the rounds went.
 */
export async function runDemoUseCases(tx: Tx, input: UseCaseInput): Promise<UseCaseSummary> {
  const { cal, actors, extras } = input;
  const office = await actorOf(tx, actors.officeHead);
  const leader = await actorOf(tx, actors.leader);
  const as = (actor: Actor): Ctx => ({ db: tx as unknown as Db, actor });

  // 1. The leading group lets a past job stand, with its reason.
  const o = extras.showcase.override;
  await recordRecusalOverride(as(leader), o.roundId, {
    personId: o.personId,
    targetId: o.targetId,
    reason:
      "该同志已于2023年6月调离该单位，任职期间未分管财务、项目和人事工作；本轮不安排其参与对该单位的个别谈话和相关底稿审核。经领导小组研究，同意其继续参加本组巡察。",
  });

  // 2. The preparation round's group: the leader drawn, the group formed with its schools, the
  //    members drawn for the group (recusal leaves out who works in or has family at a school).
  let draws = 0;
  let formed = { groups: 0, groupMembers: 0 };
  const prep = extras.prepRound;
  if (prep) {
    const leaderDraw = await drawMembers(as(office), prep.id, {
      pool: "leader",
      count: 1,
      expertise: PREP_ROUND.leaderExpertise,
    });
    const group = await createGroup(as(office), prep.id, {
      members: [{ personId: leaderDraw.picked[0]!.personId, role: "leader" }],
      targetIds: extras.prepSchoolIds,
    });
    const memberDraw = await drawMembers(as(office), prep.id, {
      pool: "talent",
      count: 4,
      groupId: group.id,
      expertise: PREP_ROUND.memberExpertise,
    });
    draws = 2;
    const roles = ["member", "member", "member", "liaison"] as const;
    for (const [i, p] of memberDraw.picked.entries())
      await addGroupMember(as(office), group.id, { personId: p.personId, role: roles[i]! });
    // Both pledges signed at the group's first meeting.
    const members = await tx
      .select({ personId: groupMembers.personId })
      .from(groupMembers)
      .where(eq(groupMembers.groupId, group.id));
    formed = { groups: 1, groupMembers: members.length };
    await insertRows(
      tx,
      commitments,
      members.flatMap((m) =>
        (["confidentiality", "integrity"] as const).map((kind) => ({
          committeeId: prep.committeeId,
          roundId: prep.id,
          personId: m.personId,
          kind,
          signedOn: cal.day(-1),
          recordedBy: actors.officeHead,
        })),
      ),
    );
  }

  // 3. The planner's proposal for the rest of the term, accepted: later rounds show 已规划.
  let planEntries = 0;
  const term = input.work.terms.find((t) => t.committeeId === input.main.committee.id)!;
  const proposal = await createProposal(as(office), term.id);
  const accepted = await acceptProposal(as(office), proposal.id);
  planEntries = accepted.entries.length;
  const [assigned] = prep
    ? await queryRows<{ n: number }>(
        tx,
        sql`select count(*)::int as n from group_targets where round_id = ${prep.id}`,
      )
    : [];

  // 4. Numbering registers and documents.
  const documents = await issueDemoDocuments(tx, input, office, as(office));

  // 5. Work items of every round, done as the rounds went (a few overdue).
  const roundIds = input.work.rounds.map((r) => r.id);
  for (const id of roundIds) await syncRoundWorkItems(tx, id);
  const settled = await settleWorkItems(tx, input);

  return { ...formed, groupTargets: assigned?.n ?? 0, draws, documents, planEntries, ...settled };
}

async function issueDemoDocuments(tx: Tx, input: UseCaseInput, office: Actor, ctx: Ctx): Promise<number> {
  const main = input.main.committee;
  const issuer = defaultRegister(main.name).issuer;
  await createRegister(ctx, {
    issuer,
    prefix: "青巡组发",
    kinds: ["authorization", "announcement", "urgingLetter"],
  });
  const second = defaultRegister(input.second.committee.name);
  await insertRows(tx, numberingRegisters, [
    {
      id: randomUUID(),
      committeeId: input.second.committee.id,
      issuer: second.issuer,
      prefix: "云巡组发",
      kinds: ["authorization", "announcement"],
    },
  ]);

  const rounds = input.work.rounds
    .filter((r) => r.committeeId === main.id && r.stage !== "preparation")
    .sort((a, b) => a.number - b.number);
  const offset = (iso: string, days: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  let issued = 0;

  // A letter of the year before the first round, so the register shows its serials restart.
  const firstDate = offset(rounds[0]!.startsOn, -7);
  const letterDate = `${Number(firstDate.slice(0, 4)) - 1}-12-18`;
  const earlier = input.main.targets.find((t) => t.category === "department" && t.lastRoundLabel);
  if (earlier) {
    const title = `关于督促${earlier.name}抓好${earlier.lastRoundLabel}反馈问题整改的函`;
    await issueDocument(tx, office, {
      committeeId: main.id,
      kind: "urgingLetter",
      title,
      date: letterDate,
      targetId: earlier.id,
      fields: { addressee: earlier.name },
      render: (numbered) =>
        renderGongwen({
          issuerMark: `${numbered.issuer}文件`,
          number: numbered.number,
          title,
          addressee: earlier.name,
          body: [
            {
              type: "paragraph",
              text: `${earlier.lastRoundLabel}反馈意见已于去年印发。经督查，你单位尚有部分问题整改进度滞后，整改措施不够具体，个别已报销号问题存在反弹。`,
            },
            {
              type: "paragraph",
              text: "请你单位党组（党委）切实履行整改主体责任，对照反馈问题逐项核查，于30日内将整改进展情况书面报送县委巡察办。逾期未报或整改不力的，将按有关规定严肃问责。",
            },
          ],
          signature: numbered.issuer,
          date: letterDate,
          printedBy: `${numbered.issuer.replace(/^中共/, "")}办公室`,
        }),
    });
    issued++;
  }

  for (const round of rounds) {
    await issueAuthorization(ctx, round.id, { date: offset(round.startsOn, -7), copyTo: ["市委巡察办"] });
    await issueAnnouncement(ctx, round.id, {
      phone: "0739-7212345",
      mailbox: "青山县邮政局第12号信箱",
      email: "qsxcb@example.gov.cn",
      deadline: round.endsOn,
      date: offset(round.startsOn, -1),
      publicBaseUrl: input.publicBaseUrl,
    });
    issued += 2;
  }
  return issued;
}

const stageIndex = (stage: string) => ROUND_STAGES.keys.indexOf(stage as RoundStage);
/** A stable number in [0, 1) for an item: the same items are late on every load of the same day. */
const roll = (key: string) => createHash("sha256").update(key).digest().readUInt32BE(0) / 2 ** 32;

/**
 * Marks the work items done as the rounds went: items of past stages mostly done (a few left
 * overdue), items of the current stage done when due some days ago (about a third still open, so
 * overdue), a few of the current stage done early. Done by the owner side's demo account.
 */
async function settleWorkItems(tx: Tx, input: UseCaseInput) {
  const { cal, actors } = input;
  const items = await queryRows<{
    id: string;
    code: string;
    owner: string;
    stage: string;
    due_on: string | null;
    round_stage: string;
    round_start: string;
    round_end: string;
    round_number: number;
    committee_id: string;
    group_id: string | null;
    group_number: number | null;
    target_id: string | null;
    target_name: string | null;
  }>(
    tx,
    sql`select w.id, w.code, w.owner, w.stage, w.due_on::text as due_on, r.stage as round_stage,
          r.starts_on::text as round_start, r.ends_on::text as round_end, r.number as round_number,
          w.committee_id, w.group_id, g.number as group_number, w.target_id, t.name as target_name
        from work_items w join rounds r on r.id = w.round_id
        left join groups g on g.id = w.group_id left join targets t on t.id = w.target_id
        where w.round_id = any(${sql.param(input.work.rounds.map((r) => r.id))}::uuid[])`,
  );
  const today = cal.day(0);
  const addDays = (iso: string, days: number) =>
    new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const done: { id: string; on: string; by: string }[] = [];
  for (const item of items) {
    const key = `${item.committee_id === input.main.committee.id ? "m" : "s"}|${item.round_number}|${item.code}|${item.group_number ?? ""}|${item.target_name ?? ""}`;
    const r = roll(key);
    const current = stageIndex(item.round_stage);
    const stage = stageIndex(item.stage);
    const due = item.due_on;
    let isDone: boolean;
    if (stage < current) isDone = r >= 0.06 || !due || due >= today;
    else if (stage === current) isDone = due !== null && due < addDays(today, -3) ? r >= 0.15 : r < 0.2;
    else isDone = false;
    if (!isDone) continue;
    const late = roll(`${key}|late`);
    const base = due ?? (stage < current ? item.round_end : today);
    let on = addDays(base, late < 0.15 ? Math.ceil(late * 20) : -Math.floor(late * 7));
    if (on > today) on = today;
    const by =
      item.owner === "group"
        ? item.group_id === input.accountGroupId
          ? actors.group1
          : actors.office
        : item.owner === "target"
          ? item.target_id === input.showcaseTargetId
            ? actors.target1
            : actors.office
          : item.owner === "leadingGroup"
            ? actors.leader
            : r < 0.5
              ? actors.officeHead
              : actors.office;
    done.push({ id: item.id, on, by });
  }
  if (done.length)
    await tx.execute(sql`
      update work_items w set done_on = t.done_on, done_by = t.done_by
      from unnest(${sql.param(done.map((d) => d.id))}::uuid[], ${sql.param(done.map((d) => d.on))}::date[],
        ${sql.param(done.map((d) => d.by))}::uuid[]) as t(id, done_on, done_by)
      where w.id = t.id`);
  return { workItems: items.length, workItemsDone: done.length };
}
