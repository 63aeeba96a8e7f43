import { randomUUID } from "node:crypto";
import type { TargetRow } from "./demo-rows";
import {
  INTERVIEW_REMARKS,
  postsOf,
  REVIEW_NOTES,
  reviewSubjects,
  unitName,
  VISIT_NOTES,
  visitSubjects,
} from "./fieldwork-bank";
import type { FieldworkCtx, GroupCtx } from "./fieldwork-rows";
import { personName } from "./names";

/** Writers of interviews and of document reviews and visits, with the group's people present. */
export function fieldworkRecorder(ctx: FieldworkCtx) {
  const { rng, cal, out, input, accountOf } = ctx;
  const { actors } = input;
  /** Two to three of the group's people present, and who enters the record. */
  const present = (g: GroupCtx, n = rng.chance(0.3) ? 3 : 2) => {
    const pool = [g.leader, ...(g.deputy ? [g.deputy] : []), ...g.members];
    const chosen = rng.shuffle(pool).slice(0, n);
    const recorder = g.inAccountGroup
      ? (chosen.find((p) => p.accountId === actors.member1) ?? chosen[0]!)
      : chosen[chosen.length - 1]!;
    return { chosen, recorder };
  };
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

  return { addInterview, addRecord, leadersOf };
}
export type FieldworkRecorder = ReturnType<typeof fieldworkRecorder>;

/**
 * 2. Interviews, document reviews and visits of each target: the ones every group holds (the ones
 *    for each finding that came from them are written with its workpaper).
 */
export function holdFieldwork(ctx: FieldworkCtx, { addInterview, addRecord, leadersOf }: FieldworkRecorder) {
  const { rng, cal, input, groupCtx, between } = ctx;
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
}
