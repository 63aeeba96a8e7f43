import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TARGET_CATEGORIES } from "../model/enums";
import { findCategory } from "../model/taxonomy";
import { rectificationState } from "../rectification/rectification-state";
import { type RecusalPerson, recusalConflicts } from "../recusal/rules";
import { isStraightLined } from "../surveys/straight-lining";
import { builtInQuestionnaire } from "../surveys/templates";
import { buildDemoExtras, buildDemoRegistry, buildDemoWork } from "./build-demo";
import { buildDemoFieldwork } from "./build-fieldwork";
import type { DemoActors } from "./demo-rows";

const today = new Date("2026-11-23T08:00:00Z");
const chinaDate = "2026-11-23";

function build(seed = 7) {
  const registry = buildDemoRegistry(seed, today);
  const actors: DemoActors = {
    officeHead: randomUUID(),
    office: randomUUID(),
    leader: randomUUID(),
    group1: randomUUID(),
    member1: randomUUID(),
    target1: randomUUID(),
  };
  return { registry, actors, work: buildDemoWork(registry, actors) };
}

function buildAll(seed = 7) {
  const built = build(seed);
  return { ...built, extras: buildDemoExtras(built.registry, built.actors, built.work) };
}

function buildFieldwork(seed = 7) {
  const built = buildAll(seed);
  const { registry, actors, work, extras } = built;
  const county = (c: typeof registry.main, usernamePrefix: string) => ({
    committeeId: c.committee.id,
    usernamePrefix,
    targets: c.targets,
    people: c.people,
  });
  const accountGroup = work.groupMembers.find((m) => m.personId === registry.accountLeader.id);
  registry.accountLeader.accountId = actors.group1;
  registry.accountMember.accountId = actors.member1;
  const fieldwork = buildDemoFieldwork({
    seed,
    cal: registry.cal,
    names: registry.names,
    actors,
    accounts: {
      jiwei: randomUUID(),
      zuzhibu: randomUUID(),
      shenji: randomUUID(),
      xinfang: randomUUID(),
      caizheng: randomUUID(),
    },
    work,
    counties: [county(registry.main, "qsxc"), county(registry.second, "yxxc")],
    prepRound: extras.prepRound,
    prepSchoolIds: extras.prepSchoolIds,
    accountGroupId: accountGroup?.groupId,
  });
  return { ...built, fieldwork, accountGroupId: accountGroup!.groupId };
}

const namesOf = (b: ReturnType<typeof build>) => [
  ...b.registry.main.targets.map((t) => `${t.name}/${t.principal}`),
  ...b.registry.main.people.map((p) => p.name),
  ...b.work.findings.map((f) => f.title),
  ...b.work.measures.map((m) => m.responsiblePerson),
];

describe("demo builder", () => {
  it("is deterministic: the same seed gives the same names, another seed other names", () => {
    expect(namesOf(build(7))).toEqual(namesOf(build(7)));
    expect(namesOf(build(8))).not.toEqual(namesOf(build(7)));
  });

  it("gives the main county every target category, villages under townships, and full pools", () => {
    const { registry } = build();
    const targets = registry.main.targets;
    expect(targets.length).toBeGreaterThanOrEqual(100);
    for (const category of TARGET_CATEGORIES.keys)
      expect(targets.some((t) => t.category === category)).toBe(true);
    const townships = new Set(targets.filter((t) => t.category === "township").map((t) => t.id));
    expect(townships.size).toBe(10);
    for (const t of targets.filter((x) => x.category === "village" || x.category === "community")) {
      expect(townships.has(t.parentTargetId ?? "")).toBe(true);
    }
    expect(new Set(targets.map((t) => t.name)).size).toBe(targets.length);
    const pools = registry.main.people;
    expect(pools.filter((p) => p.pool === "leader")).toHaveLength(8);
    expect(pools.filter((p) => p.pool === "talent")).toHaveLength(32);
  });

  it("keeps findings, clues, feedback and close-outs consistent", () => {
    const { work } = build();
    const feedbacks = new Map(work.feedbacks.map((f) => [f.id, f]));
    const cluesByFinding = new Map(work.clues.map((c) => [c.findingId, c]));
    for (const f of work.findings) {
      expect(findCategory(f.scheme, f.category)).toBeDefined();
      if (f.route === "clue") {
        expect(f.feedbackId).toBeNull();
        expect(cluesByFinding.get(f.id)?.targetId).toBe(f.targetId);
      } else {
        expect(cluesByFinding.has(f.id)).toBe(false);
      }
      if (f.feedbackId) {
        const feedback = feedbacks.get(f.feedbackId);
        expect(feedback?.targetId).toBe(f.targetId);
        expect(feedback?.roundId).toBe(f.roundId);
        expect(f.route === "rectify" || f.route === "department").toBe(true);
      }
      if (f.route) expect(f.status).toBe("approved");
      const history = work.closeOuts.filter((c) => c.findingId === f.id);
      expect(f.closedAt != null).toBe(history.at(-1)?.action === "close");
    }
    const fedBack = new Set(work.findings.filter((f) => f.feedbackId).map((f) => f.id));
    for (const m of work.measures) expect(fedBack.has(m.findingId)).toBe(true);
    for (const p of work.progressUpdates) expect(p.reportedOn <= chinaDate).toBe(true);
  });

  it("assigns a target at most once per round, to groups with one leader each", () => {
    const { work } = build();
    for (const round of work.rounds) {
      const assigned = work.groupTargets.filter((g) => g.roundId === round.id).map((g) => g.targetId);
      expect(new Set(assigned).size).toBe(assigned.length);
      const groupIds = work.groups.filter((g) => g.roundId === round.id).map((g) => g.id);
      expect(groupIds.length).toBeGreaterThanOrEqual(2);
      const members = work.groupMembers.filter((m) => groupIds.includes(m.groupId));
      expect(new Set(members.map((m) => m.personId)).size).toBe(members.length);
      for (const id of groupIds)
        expect(members.filter((m) => m.groupId === id && m.role === "leader")).toHaveLength(1);
    }
    for (const f of work.findings) {
      expect(work.groupTargets.some((g) => g.groupId === f.groupId && g.targetId === f.targetId)).toBe(true);
    }
  });

  it("puts the showcase target's findings through every rectification state", () => {
    const { registry, work } = build();
    const states = work.findings
      .filter((f) => f.targetId === registry.showcaseTarget.id && f.feedbackId)
      .map((f) => {
        const measures = work.measures
          .filter((m) => m.findingId === f.id)
          .map((m) => {
            const updates = work.progressUpdates
              .filter((p) => p.measureId === m.id)
              .sort((a, b) => a.reportedOn.localeCompare(b.reportedOn));
            return { deadline: m.deadline, latest: updates.at(-1)?.completion as "done" | undefined };
          });
        return rectificationState(f.closedAt != null, measures, chinaDate);
      });
    expect(new Set(states)).toEqual(new Set(["noPlan", "inProgress", "overdue", "reported", "closed"]));
    const reopened = work.closeOuts.filter((c) => c.action === "reopen");
    expect(reopened.length).toBeGreaterThan(0);
    expect(reopened.every((c) => (c.reason ?? "").length > 0)).toBe(true);
  });

  it("makes the group1 person the leader, and member1 a member, of group 1 of the fieldwork round", () => {
    const { registry, work } = build();
    const fieldwork = work.rounds.find((r) => r.stage === "fieldwork")!;
    const group = work.groups.find((g) => g.roundId === fieldwork.id && g.number === 1)!;
    const members = work.groupMembers.filter((m) => m.groupId === group.id);
    expect(members.find((m) => m.role === "leader")?.personId).toBe(registry.accountLeader.id);
    expect(members.find((m) => m.personId === registry.accountMember.id)?.role).toBe("member");
    const statuses = work.findings.filter((f) => f.groupId === group.id).map((f) => f.status);
    expect(statuses).toContain("draft");
  });

  it("adds histories, trainings and plans deterministically", () => {
    const a = buildAll(7);
    const b = buildAll(7);
    const summary = (x: ReturnType<typeof buildAll>) => [
      ...x.extras.history.jobs.map((j) => `${j.unit}/${j.post}/${j.startMonth}/${j.endMonth}`),
      ...x.extras.history.relatives.map((r) => `${r.name}/${r.unit}`),
      ...x.extras.history.trainings.map((t) => t.title),
      ...x.extras.exclusions.map((e) => e.reason),
      ...x.extras.evaluations.evaluations.map((e) => `${e.total}/${e.grade}`),
    ];
    expect(summary(a)).toEqual(summary(b));
  });

  it("gives everyone a work history ending in their current post, months in order", () => {
    const { registry, extras } = buildAll();
    const people = [...registry.main.people, ...registry.second.people];
    for (const p of people) {
      const jobs = extras.history.jobs
        .filter((j) => j.personId === p.id)
        .sort((x, y) => x.startMonth.localeCompare(y.startMonth));
      expect(jobs.length).toBeGreaterThan(0);
      expect(jobs.filter((j) => j.endMonth === null)).toHaveLength(1);
      expect(jobs.at(-1)!.endMonth).toBeNull();
      for (const [i, j] of jobs.entries()) {
        if (j.endMonth) expect(j.endMonth >= j.startMonth).toBe(true);
        if (i > 0) expect(jobs[i - 1]!.endMonth! < j.startMonth).toBe(true);
      }
      if (p.unitTargetId) expect(jobs.at(-1)!.targetId).toBe(p.unitTargetId);
    }
    const trainings = extras.history.trainings;
    expect(trainings.filter((t) => t.committeeId === registry.main.committee.id)).toHaveLength(3);
    for (const t of trainings) {
      const n = extras.history.attendees.filter((x) => x.trainingId === t.id).length;
      expect(n).toBeGreaterThanOrEqual(10);
      expect(n).toBeLessThanOrEqual(22);
    }
    for (const county of [registry.main, registry.second]) {
      expect(county.people.filter((p) => p.pool === "leader").length).toBeGreaterThanOrEqual(8);
      expect(county.people.filter((p) => p.pool === "talent").length).toBeGreaterThanOrEqual(25);
      expect(county.people.filter((p) => !p.available)).toHaveLength(3);
    }
  });

  it.each([7, 11, 20260301])(
    "leaves exactly one recusal conflict in the formed groups: the one the leading group overrides (seed %i)",
    (seed) => {
      const { registry, work, extras } = buildAll(seed);
      const people = [...registry.main.people, ...registry.second.people];
      const targets = new Map([...registry.main.targets, ...registry.second.targets].map((t) => [t.id, t]));
      const person = (id: string, round: (typeof work.rounds)[number]): RecusalPerson => {
        const previous = work.rounds.find((r) => r.termId === round.termId && r.number === round.number - 1);
        const p = people.find((x) => x.id === id)!;
        return {
          id,
          name: p.name,
          unitTargetId: p.unitTargetId ?? null,
          jobs: extras.history.jobs
            .filter((j) => j.personId === id)
            .map((j) => ({
              ...j,
              targetId: j.targetId ?? null,
              post: j.post ?? "",
              endMonth: j.endMonth ?? null,
            })),
          relatives: extras.history.relatives
            .filter((r) => r.personId === id)
            .map((r) => ({
              ...r,
              targetId: r.targetId ?? null,
              post: r.post ?? "",
              inLeadership: !!r.inLeadership,
            })),
          ties: extras.history.ties
            .filter((t) => t.personId === id)
            .map((t) => ({
              ...t,
              targetId: t.targetId ?? null,
              post: t.post ?? "",
              endMonth: t.endMonth ?? null,
            })),
          previousRoundTargetIds: work.groupTargets
            .filter(
              (gt) =>
                gt.roundId === previous?.id &&
                work.groupMembers.some((m) => m.groupId === gt.groupId && m.personId === id),
            )
            .map((gt) => gt.targetId),
        };
      };
      const found: { personId: string; targetId: string; rule: string }[] = [];
      for (const group of work.groups) {
        const round = work.rounds.find((r) => r.id === group.roundId)!;
        for (const m of work.groupMembers.filter((x) => x.groupId === group.id))
          for (const gt of work.groupTargets.filter((x) => x.groupId === group.id)) {
            const t = targets.get(gt.targetId)!;
            const conflicts = recusalConflicts(
              person(m.personId, round),
              { id: t.id, name: t.name, category: t.category, parentTargetId: t.parentTargetId ?? null },
              { asOf: round.startsOn, role: m.role as "leader", rotation: true },
            );
            found.push(
              ...conflicts.map((c) => ({ personId: c.personId, targetId: c.targetId, rule: c.rule })),
            );
          }
      }
      const o = extras.showcase.override;
      expect(found.map(({ personId, targetId }) => ({ personId, targetId }))).toEqual([
        { personId: o.personId, targetId: o.targetId },
      ]);
    },
  );

  it("plans the terms: planned rounds, exclusions of unassigned targets with reasons, a thematic round in preparation", () => {
    const { registry, work, extras } = buildAll();
    const mainTerm = work.terms.find((t) => t.committeeId === registry.main.committee.id)!;
    expect(mainTerm.plannedRounds).toBe(8);
    const assigned = new Set(work.groupTargets.map((g) => g.targetId));
    expect(extras.exclusions.length).toBeGreaterThanOrEqual(3);
    for (const e of extras.exclusions) {
      expect(assigned.has(e.targetId)).toBe(false);
      expect(e.reason).not.toBe("");
    }
    const prep = extras.prepRound!;
    expect(prep.stage).toBe("preparation");
    expect(prep.kind).toBe("thematic");
    expect(prep.theme).toContain("教育");
    expect(work.rounds).toContain(prep);
    const schools = extras.prepSchoolIds.map((id) => registry.main.targets.find((t) => t.id === id)!);
    expect(schools.map((t) => t.category)).toEqual(["school", "school", "school"]);
    expect(schools.some((t) => assigned.has(t.id))).toBe(false);
  });

  it("scores every group of the rounds in rectification, with answers to the conduct questionnaire", () => {
    const { work, extras } = buildAll();
    const { evaluations, conductCodes, conductResponses } = extras.evaluations;
    const scoredRounds = work.rounds.filter((r) => r.stage === "rectification").map((r) => r.id);
    const groups = work.groups.filter((g) => scoredRounds.includes(g.roundId));
    expect(evaluations.map((e) => e.groupId).sort()).toEqual(groups.map((g) => g.id).sort());
    for (const e of evaluations) {
      const scores = e.scores as { score: number; max: number }[];
      expect(Number(e.total)).toBeCloseTo(scores.reduce((s, x) => s + x.score, 0));
      for (const s of scores) expect(s.score).toBeLessThanOrEqual(s.max);
    }
    for (const g of groups) {
      const used = conductCodes.filter((c) => c.groupId === g.id && c.usedAt).length;
      expect(conductResponses.filter((r) => r.groupId === g.id)).toHaveLength(used);
      expect(used).toBeGreaterThan(0);
    }
    for (const r of conductResponses) expect(r.answeredOn <= chinaDate).toBe(true);
  });

  it("writes the fieldwork deterministically: workpapers, interviews, briefings and the tips to send", () => {
    const summary = (x: ReturnType<typeof buildFieldwork>) => [
      ...x.fieldwork.inspectorAccounts.map((a) => `${a.username}/${a.displayName}`),
      ...x.fieldwork.workpapers.map(
        (w) => `${w.number}/${w.source}/${w.summary}/${JSON.stringify(w.persons)}`,
      ),
      ...x.fieldwork.interviews.map((i) => `${i.scheduledOn}/${i.intervieweeName}/${i.record}`),
      ...x.fieldwork.briefingAnswers.map((a) => a.content),
      ...x.fieldwork.tips.map((t) => `${t.channel}/${t.receivedOn}/${t.text}`),
    ];
    expect(summary(buildFieldwork(7))).toEqual(summary(buildFieldwork(7)));
  });

  it("gives every finding a workpaper numbered per group, signed by two of the group, reviewed and approved in order", () => {
    const { work, fieldwork, registry } = buildFieldwork();
    const people = new Map([...registry.main.people, ...registry.second.people].map((p) => [p.id, p]));
    const accountsOf = (groupId: string, roles: string[]) =>
      work.groupMembers
        .filter((m) => m.groupId === groupId && roles.includes(m.role))
        .map((m) => people.get(m.personId)!.accountId);
    const byFinding = new Map(fieldwork.workpapers.map((w) => [w.findingId, w]));
    expect(byFinding.size).toBe(work.findings.length);
    for (const f of work.findings) {
      const wp = byFinding.get(f.id)!;
      const signatures = fieldwork.signatures.filter((s) => s.workpaperId === wp.id);
      const signedAt = signatures.map((s) => (s.signedAt as Date).getTime());
      expect(new Set(signatures.map((s) => s.accountId)).size).toBe(signatures.length);
      for (const s of signatures)
        expect(accountsOf(f.groupId, ["member", "deputy", "leader"])).toContain(s.accountId);
      expect(f.createdBy).toBeTruthy();
      if (f.status === "approved") {
        expect(signatures).toHaveLength(2);
        expect(wp.reviewedBy).toBe(accountsOf(f.groupId, ["deputy"])[0]);
        expect((wp.reviewedAt as Date).getTime()).toBeGreaterThan(Math.max(...signedAt));
        expect((f.approvedAt as Date).getTime()).toBeGreaterThan((wp.reviewedAt as Date).getTime());
        expect(f.approvedBy).toBe(accountsOf(f.groupId, ["leader"])[0]);
      } else {
        expect(f.approvedBy).toBeNull();
        if (wp.reviewedAt) expect(signatures).toHaveLength(2);
        expect(f.returnReason !== "").toBe(f.status === "returned");
      }
      for (const at of signedAt) expect(at).toBeGreaterThanOrEqual((f.createdAt as Date).getTime());
      expect(wp.summary).toContain(f.description.replace(/。$/, ""));
      expect((wp.persons as unknown[]).length).toBeGreaterThan(0);
    }
    const groups = new Set(fieldwork.workpapers.map((w) => w.groupId));
    for (const g of groups) {
      const numbers = fieldwork.workpapers
        .filter((w) => w.groupId === g)
        .sort((a, b) => (a.createdAt as Date).getTime() - (b.createdAt as Date).getTime())
        .map((w) => w.number);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
    }
    // Waiting for approval, the fieldwork round's drafts are signed in part, or signed and reviewed.
    const drafts = work.findings.filter((f) => f.status === "draft").map((f) => byFinding.get(f.id)!);
    const signedCount = (id: string) => fieldwork.signatures.filter((s) => s.workpaperId === id).length;
    expect(drafts.some((w) => signedCount(w.id) === 1)).toBe(true);
    expect(drafts.some((w) => w.reviewedAt)).toBe(true);
  });

  it("leaves member1 a workpaper to sign and group1 one to approve in their group", () => {
    const { work, fieldwork, actors, accountGroupId } = buildFieldwork();
    const own = work.findings.filter((f) => f.groupId === accountGroupId);
    const wp = (f: (typeof own)[number]) => fieldwork.workpapers.find((w) => w.findingId === f.id)!;
    const signers = (f: (typeof own)[number]) =>
      fieldwork.signatures.filter((s) => s.workpaperId === wp(f).id).map((s) => s.accountId);
    expect(own.some((f) => f.status === "draft" && !signers(f).includes(actors.member1))).toBe(true);
    expect(own.some((f) => f.status === "draft" && wp(f).reviewedAt)).toBe(true);
    expect(own.filter((f) => f.status === "approved").length).toBeGreaterThanOrEqual(2);
  });

  it("holds interviews with two inspectors of the group at least, records dated, briefings answered after the request", () => {
    const { work, fieldwork, registry } = buildFieldwork();
    const today = registry.cal.day(0);
    for (const i of fieldwork.interviews) {
      const present = fieldwork.interviewInspectors.filter((x) => x.interviewId === i.id);
      expect(present.length).toBeGreaterThanOrEqual(2);
      for (const p of present)
        expect(work.groupMembers.some((m) => m.groupId === i.groupId && m.personId === p.personId)).toBe(
          true,
        );
      expect(i.status === "held" ? i.scheduledOn < today && i.record !== "" : i.record === "").toBe(true);
    }
    for (const r of fieldwork.fieldworkRecords) expect(r.heldOn < today).toBe(true);
    for (const a of fieldwork.briefingAnswers) {
      const request = fieldwork.briefingRequests.find((r) => r.id === a.requestId)!;
      expect((a.answeredAt as Date).getTime()).toBeGreaterThan((request.createdAt as Date).getTime());
      expect(a.late).toBe((a.answeredAt as Date).toISOString().slice(0, 10) > request.dueOn);
    }
    expect(fieldwork.briefingAnswers.some((a) => a.late)).toBe(true);
    expect(fieldwork.preInspectionItems.some((i) => i.findingId)).toBe(true);
  });

  it("plans a dozen tips in order of receipt by every channel and outcome, and a survey with one straight-liner", () => {
    const { fieldwork } = buildFieldwork();
    const tips = fieldwork.tips;
    expect(tips.length).toBeGreaterThanOrEqual(10);
    expect(new Set(tips.map((t) => t.channel))).toEqual(
      new Set(["web", "letter", "phone", "visit", "email"]),
    );
    expect(new Set(tips.map((t) => t.outcome.kind))).toEqual(
      new Set(["new", "routed", "routeTo", "use", "handOver", "file"]),
    );
    expect(tips.map((t) => t.receivedOn)).toEqual([...tips.map((t) => t.receivedOn)].sort((a, b) => a - b));
    for (const t of tips) {
      expect(t.receivedOn).toBeLessThan(0);
      if ("decidedOn" in t.outcome) {
        expect(t.outcome.decidedOn).toBeGreaterThanOrEqual(t.receivedOn);
        expect(t.outcome.decidedOn).toBeLessThan(0);
      }
    }
    const survey = fieldwork.survey!;
    const questions = builtInQuestionnaire(survey.builtIn)!.questions;
    expect(survey.responses.filter((r) => isStraightLined(questions, r.answers))).toHaveLength(1);
    expect(survey.responses.length).toBeLessThan(survey.codeCount);
  });
});
