import { findings, measures, progressUpdates, queryRows, sql } from "@xuncha/db";
import { buildFeedback } from "@xuncha/db/testing";
import { findingStatesSql, rectificationState } from "@xuncha/domain";
import type { Completion } from "@xuncha/domain/model";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld } from "../../../test/world";

const kit = routeTestKit();
const TODAY = "2026-11-23";
const DAYS = ["2026-11-20", "2026-11-22", "2026-11-23", "2026-11-24", "2026-12-31"];
const COMPLETIONS: Completion[] = ["unfinished", "basicallyDone", "done"];

const update = fc.record({
  reportedOn: fc.constantFrom(...DAYS),
  completion: fc.constantFrom(...COMPLETIONS),
});
const measure = fc.record({
  deadline: fc.constantFrom(...DAYS),
  // Several updates, some on the same day (the later entry is the latest).
  updates: fc.array(update, { maxLength: 4 }),
});
const problem = fc.record({ closed: fc.boolean(), measures: fc.array(measure, { maxLength: 4 }) });

describe("the ledger's state in SQL", () => {
  it("equals rectificationState() over generated problems (measures, dated updates, deadlines around today)", async () => {
    const db = kit.t.database.db;
    const w = await buildWorld(db);
    const fb = await buildFeedback(db, {
      committeeId: w.committee.id,
      roundId: w.round.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.office.id,
    });
    const cases = fc.sample(problem, { numRuns: 300, seed: 20261123 });
    const base = {
      committeeId: w.committee.id,
      roundId: w.round.id,
      groupId: w.groupA.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.memberA.id,
      scheme: "sixDisciplines",
      category: "sixDisciplines.3",
      title: "生成的问题",
      description: "生成的问题",
      status: "approved",
      route: "rectify",
      feedbackId: fb.id,
    };
    const rows = await db
      .insert(findings)
      .values(cases.map((c, i) => ({ ...base, number: 500_000 + i, closedAt: c.closed ? new Date() : null })))
      .returning({ id: findings.id, number: findings.number });
    const idOf = new Map(rows.map((r) => [r.number, r.id]));
    const expected = new Map<string, string>();
    for (const [i, c] of cases.entries()) {
      const findingId = idOf.get(500_000 + i)!;
      let t = Date.UTC(2026, 10, 1);
      const latest: { deadline: string; latest: Completion | undefined }[] = [];
      for (const m of c.measures) {
        const [row] = await db
          .insert(measures)
          .values({
            committeeId: w.committee.id,
            findingId,
            targetId: w.targetA.id,
            content: "措施",
            responsiblePerson: "张三",
            deadline: m.deadline,
            createdBy: w.accounts.contactA.id,
          })
          .returning({ id: measures.id });
        if (m.updates.length) {
          await db.insert(progressUpdates).values(
            m.updates.map((u, k) => ({
              committeeId: w.committee.id,
              measureId: row!.id,
              reportedOn: u.reportedOn,
              content: "进展",
              completion: u.completion,
              createdBy: w.accounts.contactA.id,
              createdAt: new Date(t + k * 60_000),
            })),
          );
        }
        t += 3_600_000;
        // The latest: the last by report date, entries of one day in the order they were made.
        const sorted = m.updates
          .map((u, k) => ({ ...u, k }))
          .sort((a, b) => a.reportedOn.localeCompare(b.reportedOn) || a.k - b.k);
        latest.push({ deadline: m.deadline, latest: sorted.at(-1)?.completion });
      }
      expected.set(findingId, rectificationState(c.closed, latest, TODAY));
    }
    const states = await queryRows<{ id: string; state: string }>(
      db,
      sql`select st.id, st.state from (${findingStatesSql(sql`findings.feedback_id = ${fb.id}`, TODAY)}) st`,
    );
    expect(states).toHaveLength(cases.length);
    const mismatches = states.filter((s) => s.state !== expected.get(s.id));
    expect(mismatches).toEqual([]);
    // Every state occurs among the generated cases.
    expect(new Set(states.map((s) => s.state))).toEqual(
      new Set(["noPlan", "inProgress", "overdue", "reported", "closed"]),
    );
  });
});
