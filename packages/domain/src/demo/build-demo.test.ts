import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { TARGET_CATEGORIES } from "../model/enums";
import { findCategory } from "../model/taxonomy";
import { rectificationState } from "../rectification/rectification-state";
import { buildDemoRegistry, buildDemoWork } from "./build-demo";
import type { DemoActors } from "./demo-rows";

const today = new Date("2026-11-23T08:00:00Z");
const todayIso = "2026-11-23";

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
    for (const p of work.progressUpdates) expect(p.reportedOn <= todayIso).toBe(true);
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
        return rectificationState(f.closedAt != null, measures, todayIso);
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
});
