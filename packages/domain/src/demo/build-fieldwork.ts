import { randomUUID } from "node:crypto";
import type {
  accounts,
  briefingAnswers,
  briefingRequests,
  briefingRequestTargets,
  fieldworkRecordInspectors,
  fieldworkRecords,
  interviewInspectors,
  interviews,
  partnerDepartments,
  preInspectionItems,
  workpaperEvents,
  workpaperSignatures,
  workpapers,
} from "@xuncha/db";
import type { PartnerDepartmentKind } from "../model/fieldwork";
import type { TipChannel } from "../model/tips";
import type { WorkpaperSource } from "../model/workpapers";
import { isClosedQuestion, type SurveyAnswers } from "../surveys/questions";
import { isStraightLined } from "../surveys/straight-lining";
import { builtInQuestionnaire } from "../surveys/templates";
import type {
  DemoActors,
  DemoCalendar,
  FindingRow,
  GroupRow,
  PersonRow,
  RoundRow,
  TargetRow,
  WorkRows,
} from "./demo-rows";
import {
  BRIEFING_TOPICS_OF,
  briefingAnswer,
  INTERVIEW_REMARKS,
  postsOf,
  RETURN_REASONS,
  REVIEW_NOTES,
  REVIEW_OPINIONS,
  reviewSubjectFor,
  reviewSubjects,
  TIP_TEXTS,
  unitName,
  VISIT_NOTES,
  visitSubjects,
  workpaperSummary,
} from "./fieldwork-bank";
import { personName } from "./names";
import { createRng, type Rng } from "./prng";

type WithId<T> = T & { id: string };
export type InspectorAccountRow = Omit<WithId<typeof accounts.$inferInsert>, "passwordHash">;
export type PartnerDepartmentRow = WithId<typeof partnerDepartments.$inferInsert>;
export type BriefingRequestRow = WithId<typeof briefingRequests.$inferInsert>;
export type BriefingRequestTargetRow = typeof briefingRequestTargets.$inferInsert;
export type BriefingAnswerRow = WithId<typeof briefingAnswers.$inferInsert>;
export type PreInspectionItemRow = WithId<typeof preInspectionItems.$inferInsert>;
export type InterviewRow = WithId<typeof interviews.$inferInsert>;
export type InterviewInspectorRow = typeof interviewInspectors.$inferInsert;
export type FieldworkRecordRow = WithId<typeof fieldworkRecords.$inferInsert>;
export type RecordInspectorRow = typeof fieldworkRecordInspectors.$inferInsert;
export type WorkpaperRow = WithId<typeof workpapers.$inferInsert>;
export type SignatureRow = WithId<typeof workpaperSignatures.$inferInsert>;
export type WorkpaperEventRow = WithId<typeof workpaperEvents.$inferInsert>;

/** The partner departments' and the custodian's demo accounts. */
export interface FieldworkAccounts {
  jiwei: string;
  zuzhibu: string;
  shenji: string;
  xinfang: string;
  caizheng: string;
}

export interface FieldworkCounty {
  committeeId: string;
  /** Usernames of its inspectors' accounts: qsxc001 … */
  usernamePrefix: string;
  targets: TargetRow[];
  people: PersonRow[];
}

export interface FieldworkInput {
  seed: number;
  cal: DemoCalendar;
  names: Set<string>;
  actors: DemoActors;
  accounts: FieldworkAccounts;
  work: WorkRows;
  /** The main county first: its fieldwork round gets the briefings, tips and survey. */
  counties: [FieldworkCounty, ...FieldworkCounty[]];
  /** The main county's round in preparation and the schools its group is formed with at load. */
  prepRound: RoundRow | undefined;
  prepSchoolIds: string[];
  /** The group of the group1 and member1 accounts. */
  accountGroupId: string | undefined;
}

/** A tip of the fieldwork round, sent through the tips use cases at load (its content is sealed). */
export interface TipPlan {
  channel: TipChannel;
  /** The group whose page (QR code) a web tip came from. */
  groupId?: string;
  /** null: "other", named in otherTarget. */
  targetId: string | null;
  otherTarget?: string;
  category: string;
  text: string;
  identity?: { name: string; phone: string };
  /** Days from today. */
  receivedOn: number;
  outcome:
    | { kind: "routed" }
    | { kind: "new" }
    | { kind: "routeTo"; groupId: string }
    | { kind: "use"; findingId?: string; note: string; publicAnswer: string; decidedOn: number }
    | {
        kind: "handOver";
        targetId: string;
        deadline: number;
        note: string;
        decidedOn: number;
        answer?: { text: string; answeredOn: number; publicAnswer: string };
      }
    | { kind: "file"; reason: string; publicAnswer: string; decidedOn: number };
  /** The group's leader or deputy asks the custodian to reveal the named submitter. */
  revealReason?: string;
}

export interface SurveyPlan {
  groupId: string;
  targetId: string;
  builtIn: string;
  opensOn: string;
  closesOn: string;
  codeCount: number;
  responses: { answers: SurveyAnswers; answeredOn: string }[];
  /** The finding whose workpaper names the survey as its source. */
  findingId: string | undefined;
}

export interface FieldworkRows {
  inspectorAccounts: InspectorAccountRow[];
  partnerDepartments: PartnerDepartmentRow[];
  /** Partner department of each department account. */
  departmentAccounts: { accountId: string; partnerDepartmentId: string }[];
  briefingRequests: BriefingRequestRow[];
  briefingRequestTargets: BriefingRequestTargetRow[];
  briefingAnswers: BriefingAnswerRow[];
  preInspectionItems: PreInspectionItemRow[];
  interviews: InterviewRow[];
  interviewInspectors: InterviewInspectorRow[];
  fieldworkRecords: FieldworkRecordRow[];
  fieldworkRecordInspectors: RecordInspectorRow[];
  workpapers: WorkpaperRow[];
  signatures: SignatureRow[];
  workpaperEvents: WorkpaperEventRow[];
  /** Findings whose workpaper's source record (a tip) is created at load. */
  tips: TipPlan[];
  tipFindings: string[];
  survey: SurveyPlan | undefined;
  immediateFix: { findingId: string; requirement: string; date: string; deadline: string } | undefined;
  /** The fieldwork round and its group of the demo accounts, for the midterm report. */
  fieldworkRoundId: string | undefined;
}

const DEPARTMENTS: { kind: PartnerDepartmentKind; name: string; account: keyof FieldworkAccounts }[] = [
  { kind: "disciplineCommission", name: "县纪委监委", account: "jiwei" },
  { kind: "organizationDept", name: "县委组织部", account: "zuzhibu" },
  { kind: "audit", name: "县审计局", account: "shenji" },
  { kind: "petition", name: "县信访局", account: "xinfang" },
  { kind: "finance", name: "县财政局", account: "caizheng" },
];

/** What happens to a workpaper's signoff, by the finding's state. */
type Signoff = "approved" | "returned" | "draft0" | "draft1" | "draft2" | "reviewed";

/** The statuses of the demo accounts' group, in the order of its findings: every step shows. */
const ACCOUNT_GROUP_SIGNOFFS: Signoff[] = [
  "approved",
  "returned",
  "draft1",
  "reviewed",
  "approved",
  "draft2",
  "approved",
  "draft0",
];
const DRAFT_SIGNOFFS: Signoff[] = ["draft1", "draft2", "reviewed", "draft0", "draft1"];

interface GroupCtx {
  group: GroupRow;
  round: RoundRow;
  committeeId: string;
  start: number;
  /** The last day of fieldwork that has passed. */
  last: number;
  leader: PersonRow;
  deputy: PersonRow | undefined;
  members: PersonRow[];
  targets: TargetRow[];
  inAccountGroup: boolean;
  fieldwork: boolean;
}

const DAY = 86_400_000;

/**
 * The fourth phase (its own generator, so the earlier phases keep their names): accounts for the
 * inspectors who sign, review and approve; the workpapers of every finding with their signatures,
 * review and approval; interviews, document reviews and visits of every round that reached
 * fieldwork; the partner departments with their briefings and the groups' pre-inspection lists;
 * and the plans of what is written through the use cases at load (tips, survey, 立行立改).
 */
export function buildDemoFieldwork(input: FieldworkInput): FieldworkRows {
  const rng = createRng(input.seed + 2);
  const { cal, work, actors } = input;
  const base = Date.parse(`${cal.day(0)}T00:00:00Z`);
  const offsetOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - base) / DAY);
  const dayOf = (at: Date) => Math.floor((at.getTime() - base) / DAY);
  const out: FieldworkRows = {
    inspectorAccounts: [],
    partnerDepartments: [],
    departmentAccounts: [],
    briefingRequests: [],
    briefingRequestTargets: [],
    briefingAnswers: [],
    preInspectionItems: [],
    interviews: [],
    interviewInspectors: [],
    fieldworkRecords: [],
    fieldworkRecordInspectors: [],
    workpapers: [],
    signatures: [],
    workpaperEvents: [],
    tips: [],
    tipFindings: [],
    survey: undefined,
    immediateFix: undefined,
    fieldworkRoundId: undefined,
  };

  const people = new Map(input.counties.flatMap((c) => c.people).map((p) => [p.id, p]));
  const targets = new Map(input.counties.flatMap((c) => c.targets).map((t) => [t.id, t]));
  const rounds = new Map(work.rounds.map((r) => [r.id, r]));

  // 1. Every inspector who signs, reviews or approves has an account (the liaison does not sign).
  for (const county of input.counties) {
    let seq = 0;
    for (const group of work.groups.filter((g) => g.committeeId === county.committeeId)) {
      for (const m of work.groupMembers.filter((x) => x.groupId === group.id && x.role !== "liaison")) {
        const person = people.get(m.personId)!;
        if (person.accountId) continue;
        person.accountId = randomUUID();
        out.inspectorAccounts.push({
          id: person.accountId,
          committeeId: county.committeeId,
          username: `${county.usernamePrefix}${String(++seq).padStart(3, "0")}`,
          displayName: person.name,
          createdAt: cal.at(-320, 9),
        });
      }
    }
  }
  const accountOf = (p: PersonRow) => p.accountId!;

  const groupCtx = new Map<string, GroupCtx>();
  for (const group of work.groups) {
    const round = rounds.get(group.roundId)!;
    const members = work.groupMembers.filter((m) => m.groupId === group.id);
    const byRole = (role: string) =>
      members.filter((m) => m.role === role).map((m) => people.get(m.personId)!);
    const start = offsetOf(round.startsOn);
    groupCtx.set(group.id, {
      group,
      round,
      committeeId: group.committeeId,
      start,
      last: Math.min(offsetOf(round.endsOn), -1),
      leader: byRole("leader")[0]!,
      deputy: byRole("deputy")[0],
      members: byRole("member"),
      targets: work.groupTargets.filter((t) => t.groupId === group.id).map((t) => targets.get(t.targetId)!),
      inAccountGroup: group.id === input.accountGroupId,
      fieldwork: round.stage === "fieldwork",
    });
  }
  /** Two to three of the group's people present, and who enters the record. */
  const present = (g: GroupCtx, n = rng.chance(0.3) ? 3 : 2) => {
    const pool = [g.leader, ...(g.deputy ? [g.deputy] : []), ...g.members];
    const chosen = rng.shuffle(pool).slice(0, n);
    const recorder = g.inAccountGroup
      ? (chosen.find((p) => p.accountId === actors.member1) ?? chosen[0]!)
      : chosen[chosen.length - 1]!;
    return { chosen, recorder };
  };
  const between = (from: number, to: number) => rng.int(from, Math.max(from, to));

  // 2. Interviews, document reviews and visits of each target: the ones every group holds, and
  //    below, one for each finding that came from them.
  const addInterview = (
    g: GroupCtx,
    target: TargetRow,
    on: number,
    who: { name: string; post: string; principal: boolean },
    record: string,
    status: "held" | "scheduled" | "cancelled" = "held",
  ) => {
    const { chosen, recorder } = present(g);
    const id = randomUUID();
    const hour = rng.pick(["09:00", "10:30", "14:30", "16:00"]);
    const place = `${unitName(target)}${rng.pick(["小会议室", "巡察组谈话室", "党员活动室"])}`;
    const header = `谈话时间：${cal.day(on)} ${hour}\n谈话地点：${place}\n谈话对象：${who.name}（${who.post}）\n在场巡察人员：${chosen.map((p) => p.name).join("、")}\n记录人：${recorder.name}\n\n`;
    out.interviews.push({
      id,
      committeeId: g.committeeId,
      roundId: g.round.id,
      groupId: g.group.id,
      targetId: target.id,
      scheduledOn: cal.day(on),
      scheduledAt: hour,
      place,
      intervieweeName: who.name,
      intervieweePost: who.post,
      principal: who.principal,
      status,
      record: status === "held" ? header + record : "",
      createdBy: accountOf(recorder),
      createdAt: cal.at(Math.min(on - 2, -1), 9),
      updatedAt: cal.at(status === "held" ? on : Math.min(on - 2, -1), 18),
    });
    for (const p of chosen) out.interviewInspectors.push({ interviewId: id, personId: p.id });
    return id;
  };
  const addRecord = (
    g: GroupCtx,
    target: TargetRow,
    kind: "docReview" | "visit",
    on: number,
    subject: string,
    notes: string,
  ) => {
    const { chosen, recorder } = present(g, 2);
    const id = randomUUID();
    out.fieldworkRecords.push({
      id,
      committeeId: g.committeeId,
      roundId: g.round.id,
      groupId: g.group.id,
      targetId: target.id,
      kind,
      heldOn: cal.day(on),
      subject,
      notes,
      createdBy: accountOf(recorder),
      createdAt: cal.at(on, 18),
      updatedAt: cal.at(on, 18),
    });
    for (const p of chosen) out.fieldworkRecordInspectors.push({ recordId: id, personId: p.id });
    return id;
  };
  const leadersOf = (target: TargetRow) =>
    (target.leaders ?? target.principal ?? "").split("、").filter(Boolean);

  for (const g of groupCtx.values()) {
    if (g.round.stage === "preparation") continue;
    for (const target of g.targets) {
      const posts = postsOf(target);
      const [principal, ...others] = leadersOf(target);
      const year = cal.year(g.start);
      addInterview(
        g,
        target,
        g.start + rng.int(1, 2),
        { name: principal ?? personName(rng, input.names), post: posts.principal, principal: true },
        `谈话对象介绍了${unitName(target)}领导班子及本人履行第一责任人职责情况，${rng.pick(INTERVIEW_REMARKS)}`,
      );
      if (others[0])
        addInterview(
          g,
          target,
          between(g.start + 2, g.last),
          { name: others[0], post: posts.deputy, principal: false },
          `谈话对象介绍了分管工作和落实“一岗双责”情况，${rng.pick(INTERVIEW_REMARKS)}`,
        );
      addRecord(
        g,
        target,
        "docReview",
        g.start + rng.int(1, 4),
        rng.pick(reviewSubjects(target, year)),
        rng.pick(REVIEW_NOTES),
      );
      if (rng.chance(0.5))
        addRecord(
          g,
          target,
          "visit",
          between(g.start + 3, g.last),
          rng.pick(visitSubjects(target)),
          `走访干部群众${rng.int(5, 20)}人。${rng.pick(VISIT_NOTES)}`,
        );
      if (g.fieldwork) {
        // Talks still to come, and one called off.
        const staff = posts.staff;
        addInterview(
          g,
          target,
          rng.int(1, 6),
          { name: personName(rng, input.names), post: rng.pick(staff), principal: false },
          "",
          "scheduled",
        );
        if (g.group.number === 2 && target === g.targets[0])
          addInterview(
            g,
            target,
            g.start + 6,
            { name: personName(rng, input.names), post: rng.pick(staff), principal: false },
            "",
            "cancelled",
          );
      }
    }
  }

  // 3. The partner departments of the main county, with their accounts.
  const main = input.counties[0];
  const departments = DEPARTMENTS.map((d) => ({
    ...d,
    row: {
      id: randomUUID(),
      committeeId: main.committeeId,
      name: d.name,
      kind: d.kind,
      createdAt: cal.at(-330, 9),
    } satisfies PartnerDepartmentRow,
  }));
  out.partnerDepartments = departments.map((d) => d.row);
  out.departmentAccounts = departments.map((d) => ({
    accountId: input.accounts[d.account],
    partnerDepartmentId: d.row.id,
  }));

  // 4. The main county's fieldwork round: its briefings, pre-inspection lists, tips and survey.
  const fieldworkRound = work.rounds.find(
    (r) => r.committeeId === main.committeeId && r.stage === "fieldwork",
  );
  out.fieldworkRoundId = fieldworkRound?.id;
  const fieldworkGroups = [...groupCtx.values()]
    .filter((g) => g.round.id === fieldworkRound?.id)
    .sort((a, b) => a.group.number - b.group.number);
  const findingsOf = (groupId: string) =>
    work.findings.filter((f) => f.groupId === groupId).sort((a, b) => a.number - b.number);

  /** Special sources of the fieldwork round's findings (tip, survey, briefing), by finding id. */
  const special = new Map<
    string,
    { source: WorkpaperSource; recordId: string | null; department?: string }
  >();
  /** Answers that may go on a group's pre-inspection list, by round and target. */
  const answersOn = new Map<string, BriefingAnswerRow[]>();
  const itemTexts = new Map<string, { title: string; description: string } | undefined>();

  const request = (
    round: RoundRow,
    department: (typeof departments)[number],
    targetList: TargetRow[],
    createdOn: number,
    dueOn: number,
    answer: (target: TargetRow, i: number) => number | null,
  ) => {
    if (!targetList.length) return;
    const id = randomUUID();
    out.briefingRequests.push({
      id,
      committeeId: main.committeeId,
      roundId: round.id,
      partnerDepartmentId: department.row.id,
      topics: BRIEFING_TOPICS_OF[department.kind] ?? ["other"],
      note: `请于${cal.day(dueOn)}前通过巡察工作系统报送${round.theme ? `“${round.theme}”涉及单位` : "本轮被巡察单位"}的有关情况，涉及问题线索的请一并提供有关材料。`,
      dueOn: cal.day(dueOn),
      createdBy: actors.office,
      createdAt: cal.at(createdOn, 10),
    });
    targetList.forEach((target, i) => {
      out.briefingRequestTargets.push({ requestId: id, targetId: target.id, committeeId: main.committeeId });
      const on = answer(target, i);
      if (on === null) return;
      const text = briefingAnswer(department.kind, target, rng, cal.year(on));
      const row: BriefingAnswerRow = {
        id: randomUUID(),
        committeeId: main.committeeId,
        requestId: id,
        targetId: target.id,
        content: text.content,
        answeredBy: input.accounts[department.account],
        answeredAt: cal.at(on, 15),
        late: on > dueOn,
      };
      out.briefingAnswers.push(row);
      const key = `${round.id}:${target.id}`;
      if (text.item) answersOn.set(key, [...(answersOn.get(key) ?? []), row]);
      itemTexts.set(row.id, text.item);
    });
  };

  if (fieldworkRound) {
    const start = offsetOf(fieldworkRound.startsOn);
    const roundTargets = fieldworkGroups.flatMap((g) => g.targets);
    for (const d of departments) {
      const asked =
        d.kind === "audit"
          ? roundTargets.filter((t) => ["department", "stateEnterprise", "hospital"].includes(t.category))
          : d.kind === "finance"
            ? roundTargets.filter((t) => t.category === "department")
            : roundTargets;
      const due = start - 16;
      request(fieldworkRound, d, asked, start - 26, due, (_t, i) => {
        // The finance bureau was late on one target; the petition bureau never answered one.
        if (d.kind === "petition" && i === asked.length - 1) return null;
        if (d.kind === "finance" && i === 0) return due + 2;
        return due - rng.int(0, 8);
      });
    }
  }
  const prep = input.prepRound;
  if (prep) {
    const schools = input.prepSchoolIds.map((id) => targets.get(id)!);
    for (const d of departments) {
      const asked = d.kind === "finance" ? [] : schools;
      request(prep, d, asked, -3, 7, (_t, i) => {
        // 纪委监委 and 组织部 answered first; the others still have a week.
        if (d.kind === "organizationDept") return -1;
        if (d.kind === "disciplineCommission" && i < asked.length - 1) return -1;
        return null;
      });
    }
  }

  // Tips and the survey of the fieldwork round, and which findings they led to.
  const tipFinding = new Map<string, { channel: TipChannel; named: boolean }>();
  let surveyFindingId: string | undefined;
  if (fieldworkRound) {
    const start = offsetOf(fieldworkRound.startsOn);
    const [g1, g2, g3] = fieldworkGroups;
    const early = (f: FindingRow) => dayOf(f.createdAt as Date) >= start + 5;
    if (g1) {
      const surveyTarget = g1.targets[0]!;
      const fs = findingsOf(g1.group.id);
      surveyFindingId = fs.find((f) => f.targetId === surveyTarget.id && early(f))?.id;
      if (surveyFindingId) special.set(surveyFindingId, { source: "survey", recordId: null });
      const tipped = fs.find((f) => f.id !== surveyFindingId && early(f));
      if (tipped) tipFinding.set(tipped.id, { channel: "web", named: true });
    }
    if (g2) {
      const tipped = findingsOf(g2.group.id).find(early);
      if (tipped) tipFinding.set(tipped.id, { channel: "letter", named: false });
    }
    // Briefing items: one promoted in each of the first two groups, the others still on the list.
    for (const g of [g1, g2, g3]) {
      if (!g) continue;
      let promoted = g.group.number > 2;
      for (const target of g.targets) {
        const answers = answersOn.get(`${g.round.id}:${target.id}`) ?? [];
        for (const answer of answers.slice(0, 2)) {
          const text = itemTexts.get(answer.id);
          if (!text) continue;
          const candidate = !promoted
            ? findingsOf(g.group.id).find(
                (f) => f.targetId === target.id && !special.has(f.id) && !tipFinding.has(f.id),
              )
            : undefined;
          const department = departments.find((d) =>
            out.briefingRequests.some((r) => r.id === answer.requestId && r.partnerDepartmentId === d.row.id),
          )!;
          out.preInspectionItems.push({
            id: randomUUID(),
            committeeId: g.committeeId,
            roundId: g.round.id,
            groupId: g.group.id,
            targetId: target.id,
            source: "briefing",
            briefingAnswerId: answer.id,
            title: candidate ? candidate.title : text.title,
            description: candidate ? `${department.name}通报：${candidate.description}` : text.description,
            findingId: candidate?.id ?? null,
            createdBy: accountOf(g.leader),
            createdAt: cal.at(g.start - rng.int(1, 3), 16),
          });
          if (candidate) {
            // The department's answer told of it; the group confirmed it in fieldwork.
            answer.content = `${answer.content}另据掌握的情况，${candidate.description}`;
            promoted = true;
            special.set(candidate.id, {
              source: "briefing",
              recordId: answer.id,
              department: department.name,
            });
          }
        }
      }
    }

    // The tips, by the way they came in and what became of them.
    const phone = () => `1${rng.pick(["33", "35", "38", "39", "58", "77"])}${rng.digits(8)}`;
    const named = () => ({ name: personName(rng, input.names), phone: phone() });
    const text = (category: string) => TIP_TEXTS.find((t) => t.category === category)!;
    for (const [findingId, how] of tipFinding) {
      const f = work.findings.find((x) => x.id === findingId)!;
      const target = targets.get(f.targetId)!;
      const decided = dayOf(f.createdAt as Date);
      out.tips.push({
        channel: how.channel,
        targetId: target.id,
        category: f.scheme === "sixDisciplines" ? f.category : "sixDisciplines.5",
        text: `反映${unitName(target)}的问题：${f.description.replace(/。$/, "")}。希望巡察组认真查一查。`,
        ...(how.named ? { identity: named() } : {}),
        receivedOn: decided - rng.int(2, 4),
        outcome: {
          kind: "use",
          findingId,
          note: "经核实，反映问题属实，已作为问题底稿来源。",
          publicAnswer:
            "您反映的问题已被巡察组采用，经核实情况属实，巡察组将督促有关单位整改。感谢您的监督。",
          decidedOn: decided,
        },
      });
      out.tipFindings.push(findingId);
    }
    if (g1 && g2 && g3) {
      const t1 = g1.targets;
      const t3 = g3.targets;
      const township = t3.find((t) => t.category === "township") ?? t3[0]!;
      const community = t3.find((t) => t.parentTargetId === township.id) ?? t3[t3.length - 1]!;
      const day = (from: number) => between(start + from, -2);
      const handedOn = day(4);
      const school = t1.find((t) => t.category === "school") ?? t1[0]!;
      const schoolOn = day(5);
      const schoolDecided = Math.min(schoolOn + 1, -1);
      out.tips.push(
        {
          channel: "web",
          targetId: t1[1]?.id ?? t1[0]!.id,
          category: "sixDisciplines.3",
          text: text("sixDisciplines.3").text(unitName(t1[1] ?? t1[0]!)),
          identity: named(),
          receivedOn: -2,
          outcome: { kind: "routed" },
          revealReason: "反映情况较为具体，需要与举报人当面核实就餐时间和地点，进一步了解有关问题。",
        },
        {
          channel: "phone",
          targetId: community.id,
          category: "sixDisciplines.4",
          text: text("sixDisciplines.4").text(unitName(community)),
          receivedOn: handedOn - 2,
          outcome: {
            kind: "handOver",
            targetId: township.id,
            deadline: handedOn + 10,
            note: "属社区日常管理问题，交街道党工委调查处理并限期回复。",
            decidedOn: handedOn,
            answer: {
              text: `经${unitName(township)}调查核实，反映的低保评审问题部分属实：1户家庭经营门面收入未如实申报，已停发低保并追回资金；社区经办人员受到批评教育。`,
              answeredOn: Math.min(handedOn + 8, -1),
              publicAnswer: "您反映的问题已交街道党工委办理，经核实部分属实，已依规处理。感谢您的监督。",
            },
          },
        },
        {
          channel: "letter",
          targetId: t3[0]!.id,
          category: "sixDisciplines.5",
          text: text("sixDisciplines.5").text(unitName(t3[0]!)),
          identity: named(),
          receivedOn: -6,
          outcome: {
            kind: "handOver",
            targetId: t3[0]!.id,
            deadline: 8,
            note: "交被巡察单位党组织核查，结果报巡察组。",
            decidedOn: -4,
          },
        },
        {
          channel: "visit",
          targetId: g2.targets[0]!.id,
          category: "sixDisciplines.2",
          text: text("sixDisciplines.2").text(unitName(g2.targets[0]!)),
          identity: named(),
          receivedOn: day(2),
          outcome: {
            kind: "use",
            note: "列入干部选拔任用专项检查，在个别谈话中重点了解。",
            publicAnswer: "您反映的情况已被巡察组采用，作为巡察工作的参考。",
            decidedOn: -1,
          },
        },
        {
          channel: "web",
          targetId: t1[0]!.id,
          category: "sixDisciplines.6",
          text: text("sixDisciplines.6").text(unitName(t1[0]!)),
          receivedOn: day(3),
          outcome: {
            kind: "file",
            reason: "反映内容不具体，未提供人员姓名和具体时间，经初步了解无法查证，予以存档。",
            publicAnswer: "您反映的情况经研究后予以存档。如有具体线索，可凭查询码补充。",
            decidedOn: -1,
          },
        },
        {
          channel: "web",
          groupId: g1.group.id,
          targetId: null,
          otherTarget: "城东某在建小区工地",
          category: "other",
          text: text("other").text(""),
          receivedOn: day(1),
          outcome: {
            kind: "file",
            reason: "反映的施工噪音问题不属于本轮巡察范围，已告知向县住建局、生态环境分局反映。",
            publicAnswer:
              "您反映的问题不属于本轮巡察范围，建议向县住建局或县生态环境分局反映，也可拨打12345热线。",
            decidedOn: -1,
          },
        },
        {
          channel: "web",
          targetId: null,
          otherTarget: "县城某学校",
          category: "sixDisciplines.4",
          text: "反映县城有学校在假期组织有偿补课，每人收费两千元，家长不敢不报名。",
          receivedOn: -1,
          outcome: { kind: "new" },
        },
        {
          channel: "letter",
          targetId: null,
          otherTarget: `${unitName(township)}所属村`,
          category: "sixDisciplines.3",
          text: `${unitName(township)}有村干部优亲厚友，把村里的公益性岗位安排给自己亲属，请巡察组调查。`,
          receivedOn: -3,
          outcome: { kind: "routeTo", groupId: g3.group.id },
        },
        {
          channel: "email",
          targetId: g2.targets[1]?.id ?? g2.targets[0]!.id,
          category: "sixDisciplines.3",
          text: `反映${unitName(g2.targets[1] ?? g2.targets[0]!)}采购办公用品长期指定一家商店，价格明显高于市场价，疑有利益输送。`,
          identity: named(),
          receivedOn: -2,
          outcome: { kind: "routed" },
        },
        {
          channel: "web",
          targetId: school.id,
          category: "sixDisciplines.3",
          text: `反映${unitName(school)}食堂采购价格偏高，学生家长反映伙食质量与收费不相符。`,
          receivedOn: schoolOn,
          outcome: {
            kind: "handOver",
            targetId: school.id,
            deadline: schoolDecided + 7,
            note: "交学校党组织自查，重点核查食材采购台账。",
            decidedOn: schoolDecided,
            answer: {
              text: "经学校自查，食堂存在部分食材未集中采购、价格偏高的问题，已终止与原供应商合作，改为公开招标采购，并在校内公示食堂收支情况。",
              answeredOn: Math.min(schoolDecided + 5, -1),
              publicAnswer: "您反映的问题已交学校党组织办理并整改：食材改为公开招标采购，食堂收支定期公示。",
            },
          },
        },
      );
    }

    // The survey: a group 1 questionnaire on its first target, with one straight-liner.
    if (g1) {
      const questions = builtInQuestionnaire("integrity")!.questions;
      const opensOn = start + 2;
      const responses: SurveyPlan["responses"] = [];
      for (let i = 0; i < 18; i++) {
        const answers: SurveyAnswers = {};
        for (const q of questions) {
          if (q.kind === "scale") answers[q.id] = rng.pick([0, 0, 1, 1, 1, 2, 2, 3]);
          else if (q.kind === "single") answers[q.id] = rng.pick([0, 0, 0, 1, 1, 2, 3]) % q.options.length;
          else if (q.kind === "multiple") {
            if (rng.chance(0.7)) answers[q.id] = rng.shuffle([0, 1, 2, 3, 4, 5]).slice(0, rng.int(1, 2));
          } else if (rng.chance(0.4)) answers[q.id] = rng.pick(SURVEY_COMMENTS);
        }
        // Only one sheet ticks the same column all the way down.
        if (i === 7) for (const q of questions.filter(isClosedQuestion)) answers[q.id] = 0;
        else if (isStraightLined(questions, answers)) answers.q2 = 2;
        responses.push({ answers, answeredOn: cal.day(between(opensOn, -1)) });
      }
      out.survey = {
        groupId: g1.group.id,
        targetId: g1.targets[0]!.id,
        builtIn: "integrity",
        opensOn: cal.day(opensOn),
        closesOn: cal.day(5),
        codeCount: 40,
        responses,
        findingId: surveyFindingId,
      };
    }
  }

  // 5. Workpapers of every finding, signed, reviewed and approved as far as the finding went.
  const accountGroupFindings = input.accountGroupId ? findingsOf(input.accountGroupId) : [];
  const draftIndex = new Map<string, number>();
  for (const f of [...work.findings].sort((a, b) => a.number - b.number)) {
    const g = groupCtx.get(f.groupId)!;
    const target = targets.get(f.targetId)!;
    const createdOn = dayOf(f.createdAt as Date);
    const signers = signersOf(rng, g, actors.member1);
    const reviewer = g.deputy ?? g.leader;
    f.returnReason = "";

    // The finding's state, settled first (the demo accounts' group shows every step).
    let signoff: Signoff;
    if (g.inAccountGroup) {
      signoff = ACCOUNT_GROUP_SIGNOFFS[accountGroupFindings.indexOf(f)] ?? "draft1";
      if (signoff === "approved" && f.status !== "approved") {
        f.status = "approved";
        f.approvedAt = cal.at(Math.min(createdOn + rng.int(1, 3), -1), 17);
        f.updatedAt = f.approvedAt;
      } else if (signoff !== "approved" && signoff !== "returned") {
        f.status = "draft";
        f.approvedAt = null;
      }
    } else if (f.status === "approved") signoff = "approved";
    else if (f.status === "returned") signoff = "returned";
    else {
      const n = draftIndex.get(g.group.id) ?? 0;
      draftIndex.set(g.group.id, n + 1);
      signoff = DRAFT_SIGNOFFS[n % DRAFT_SIGNOFFS.length]!;
    }
    // The drafter enters the finding; the leader approves it. In the demo accounts' group member1
    // drafts, and leaves one workpaper signed by a colleague only, to sign it herself.
    f.createdBy = accountOf(signers[0]!);
    if (g.inAccountGroup && signoff === "draft1") signers.reverse();
    f.approvedBy = f.status === "approved" ? accountOf(g.leader) : null;
    if (f.status !== "approved") f.approvedAt = null;

    // Where it came from, with the record it came from.
    let source: WorkpaperSource;
    let recordId: string | null = null;
    let recordLabel: string | undefined;
    let department: string | undefined;
    const sp = special.get(f.id);
    const from = Math.max(g.start + 1, createdOn - rng.int(1, 3));
    if (tipFinding.has(f.id)) source = "tip";
    else if (sp) {
      source = sp.source;
      recordId = sp.recordId;
      department = sp.department;
    } else {
      const roll = rng.next();
      source = roll < 0.38 ? "interview" : roll < 0.72 ? "document" : roll < 0.92 ? "visit" : "other";
    }
    const problem = f.description.replace(/。$/, "");
    if (source === "interview") {
      const posts = postsOf(target);
      const [, ...others] = leadersOf(target);
      const who =
        rng.chance(0.5) && others.length ? others[others.length - 1]! : personName(rng, input.names);
      const post = others.includes(who) ? posts.deputy : rng.pick(posts.staff);
      recordLabel = `与${who}（${post}）谈话`;
      recordId = addInterview(
        g,
        target,
        from,
        { name: who, post, principal: false },
        `谈话对象反映：${problem}。巡察组已要求其提供相关资料，并将调阅${reviewSubjectFor(problem, cal.year(from))}核实。`,
      );
    } else if (source === "document" || source === "visit") {
      const subject =
        source === "document" ? reviewSubjectFor(problem, cal.year(from)) : rng.pick(visitSubjects(target));
      recordLabel = subject;
      recordId = addRecord(
        g,
        target,
        source === "document" ? "docReview" : "visit",
        from,
        subject,
        `发现：${problem}。已复印相关资料作为底稿附件。`,
      );
    }

    const persons = personsOf(rng, target, f.severity ?? "general", input.names);
    const wp: WorkpaperRow = {
      id: randomUUID(),
      committeeId: f.committeeId,
      roundId: f.roundId,
      groupId: f.groupId,
      findingId: f.id,
      number: 0,
      source,
      sourceRecordId: recordId,
      summary: workpaperSummary(source, { description: f.description, record: recordLabel, department }),
      persons,
      reviewedBy: null,
      reviewedAt: null,
      reviewOpinion: "",
      createdBy: f.createdBy,
      createdAt: f.createdAt,
      updatedAt: f.createdAt,
    };
    out.workpapers.push(wp);

    // Signatures, review and approval, dated between the finding's drafting and its approval.
    const created = (f.createdAt as Date).getTime();
    const end =
      signoff === "approved"
        ? (f.approvedAt as Date).getTime()
        : Math.min(created + rng.int(20, 40) * 3_600_000, cal.at(-1, 22).getTime());
    const at = (share: number) => new Date(created + Math.round((end - created) * share));
    let lastEvent = wp.createdAt as Date;
    const event = (action: string, p: PersonRow, when: Date, note = "") => {
      lastEvent = when;
      out.workpaperEvents.push({
        id: randomUUID(),
        workpaperId: wp.id,
        action,
        accountId: accountOf(p),
        name: p.name,
        note,
        createdAt: when,
      });
    };
    const sign = (p: PersonRow, when: Date) => {
      out.signatures.push({
        id: randomUUID(),
        workpaperId: wp.id,
        accountId: accountOf(p),
        name: p.name,
        signedAt: when,
        revokedAt: null,
      });
      event("sign", p, when);
    };
    const count = { approved: 2, returned: 2, draft0: 0, draft1: 1, draft2: 2, reviewed: 2 }[signoff];
    if (count >= 1) sign(signers[0]!, at(0.25));
    if (count >= 2) sign(signers[1]!, at(0.45));
    if (signoff === "approved" || signoff === "reviewed") {
      const when = at(0.7);
      const opinion = rng.pick(REVIEW_OPINIONS);
      wp.reviewedBy = accountOf(reviewer);
      wp.reviewedAt = when;
      wp.reviewOpinion = opinion;
      event("review", reviewer, when, opinion);
    }
    if (signoff === "approved") event("approve", g.leader, f.approvedAt as Date);
    if (signoff === "returned") {
      const reason = rng.pick(RETURN_REASONS);
      f.returnReason = reason;
      f.updatedAt = at(0.8);
      event("return", g.leader, at(0.8), reason);
    }
    wp.updatedAt = lastEvent;
  }
  // Numbered per group in the order the findings were drafted, as ensureWorkpaper numbers them.
  const byFinding = new Map(work.findings.map((f) => [f.id, f]));
  const perGroup = new Map<string, WorkpaperRow[]>();
  for (const wp of out.workpapers) perGroup.set(wp.groupId, [...(perGroup.get(wp.groupId) ?? []), wp]);
  for (const list of perGroup.values()) {
    const key = (wp: WorkpaperRow) => byFinding.get(wp.findingId)!;
    list.sort(
      (a, b) =>
        (key(a).createdAt as Date).getTime() - (key(b).createdAt as Date).getTime() ||
        key(a).number - key(b).number,
    );
    list.forEach((wp, i) => {
      wp.number = i + 1;
    });
  }

  // 6. 立行立改: the first approved finding of the demo accounts' group, sent to its target.
  const fix = accountGroupFindings.find((f) => f.status === "approved");
  if (fix) {
    const approvedOn = dayOf(fix.approvedAt as Date);
    const date = Math.min(approvedOn + 1, -1);
    out.immediateFix = {
      findingId: fix.id,
      requirement:
        "立即对照问题开展自查，逐项列出整改清单，明确责任人和完成时限。\n对问题涉及的事项按规定立即纠正，该清退的清退，该规范的规范。\n举一反三完善相关制度，堵塞管理漏洞，整改情况及佐证材料按时报送巡察组。",
      date: cal.day(date),
      deadline: cal.day(Math.max(date + 12, 4)),
    };
  }
  // The register numbers tips in the order they came in.
  out.tips.sort((a, b) => a.receivedOn - b.receivedOn);
  return out;
}

/** The two drafters who sign: members of the group (member1 first in the demo accounts' group). */
function signersOf(rng: Rng, g: GroupCtx, member1: string): PersonRow[] {
  const members =
    g.members.length >= 2 ? g.members : [...g.members, ...(g.deputy ? [g.deputy] : []), g.leader];
  if (g.inAccountGroup) {
    const own = members.find((p) => p.accountId === member1);
    const others = rng.shuffle(members.filter((p) => p !== own));
    return own ? [own, others[0]!] : others.slice(0, 2);
  }
  return rng.shuffle(members).slice(0, 2);
}

/** The persons concerned: the principal or the deputy in charge, and for serious ones someone else. */
function personsOf(rng: Rng, target: TargetRow, severity: string, names: Set<string>) {
  const posts = postsOf(target);
  const [principal, ...others] = (target.leaders ?? "").split("、").filter(Boolean);
  const persons: { name: string; post: string }[] = [];
  if (severity !== "general" && principal) persons.push({ name: principal, post: posts.principal });
  if (others.length && rng.chance(0.6)) persons.push({ name: rng.pick(others), post: posts.deputy });
  if (!persons.length || rng.chance(0.35))
    persons.push({ name: personName(rng, names), post: rng.pick(posts.staff) });
  return persons;
}

const SURVEY_COMMENTS = [
  "希望单位进一步规范公务接待和公车使用管理。",
  "建议加强财务审批把关，做到公开透明。",
  "领导班子作风总体较好，希望多深入基层了解情况。",
  "建议定期公开“三重一大”事项决策情况。",
  "个别干部上班时间办私事，希望加强考勤管理。",
];
