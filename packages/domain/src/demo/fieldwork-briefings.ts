import { randomUUID } from "node:crypto";
import type { PartnerDepartmentKind } from "../model/fieldwork";
import type { RoundRow, TargetRow } from "./demo-rows";
import { BRIEFING_TOPICS_OF, briefingAnswer } from "./fieldwork-bank";
import type {
  BriefingAnswerRow,
  FieldworkAccounts,
  FieldworkCtx,
  GroupCtx,
  PartnerDepartmentRow,
  SpecialSources,
  TipFindings,
} from "./fieldwork-rows";

const DEPARTMENTS: { kind: PartnerDepartmentKind; name: string; account: keyof FieldworkAccounts }[] = [
  { kind: "disciplineCommission", name: "县纪委监委", account: "jiwei" },
  { kind: "organizationDept", name: "县委组织部", account: "zuzhibu" },
  { kind: "audit", name: "县审计局", account: "shenji" },
  { kind: "petition", name: "县信访局", account: "xinfang" },
  { kind: "finance", name: "县财政局", account: "caizheng" },
];

/** 3. The partner departments of the main county, with their accounts. */
export function addPartnerDepartments(ctx: FieldworkCtx) {
  const { cal, input, out } = ctx;
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
  return departments;
}
export type Department = ReturnType<typeof addPartnerDepartments>[number];

/** The briefings the office asks of the departments for the fieldwork round and the round in preparation. */
export function requestBriefings(
  ctx: FieldworkCtx,
  departments: Department[],
  fieldworkRound: RoundRow | undefined,
  fieldworkGroups: GroupCtx[],
) {
  const { rng, cal, input, out, targets, offsetOf } = ctx;
  const { actors } = input;
  const main = input.counties[0];
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
  return { answersOn, itemTexts };
}
export type Briefings = ReturnType<typeof requestBriefings>;

/** The groups' pre-inspection lists from the briefings, and the findings the briefings led to. */
export function listBriefingItems(
  ctx: FieldworkCtx,
  groups: (GroupCtx | undefined)[],
  departments: Department[],
  { answersOn, itemTexts }: Briefings,
  special: SpecialSources,
  tipFinding: TipFindings,
) {
  const { rng, cal, out, accountOf, findingsOf } = ctx;
  // Briefing items: one promoted in each of the first two groups, the others still on the list.
  for (const g of groups) {
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
}
