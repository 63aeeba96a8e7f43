import { documents, escalationSteps, inArray } from "@xuncha/db";
import { buildAccount, buildCommittee, buildFeedback, buildRound, buildTarget } from "@xuncha/db/testing";
import { runEscalationSweep } from "@xuncha/domain";
import { describe, expect, it } from "vitest";
import { routeTestKit } from "../test/route-kit";
import { describeSweep, startScheduler } from "./scheduler";

const kit = routeTestKit();
const db = () => kit.t.database.db;

/** A committee with a target whose plan is long overdue; with an office head or without any office account. */
async function lateCommittee(withOffice: boolean) {
  const committee = await buildCommittee(db());
  const target = await buildTarget(db(), {
    committeeId: committee.id,
    name: `迟报单位${committee.id.slice(0, 6)}`,
  });
  const round = await buildRound(db(), { committeeId: committee.id });
  const office = withOffice
    ? await buildAccount(db(), { committeeId: committee.id, role: "officeStaff", isHead: true })
    : undefined;
  const author = office ?? (await buildAccount(db(), { committeeId: committee.id, role: "leadership" }));
  await buildFeedback(db(), {
    committeeId: committee.id,
    roundId: round.id,
    targetId: target.id,
    createdBy: author.id,
    givenOn: "2026-01-05",
  });
  return { committee, target };
}

describe("the scheduler", () => {
  it("sweeps every committee; one that fails is rolled back and reported, the others are swept", async () => {
    const ok = await lateCommittee(true);
    const broken = await lateCommittee(false);
    const result = await runEscalationSweep(db(), {
      today: "2026-03-01",
      committeeIds: [broken.committee.id, ok.committee.id],
    });
    expect(result.failures).toEqual([
      { committeeId: broken.committee.id, error: "本党委没有巡察办账号，不能以巡察办名义印发督办文书" },
    ]);
    expect(result.committees.map((c) => [c.committeeId, c.byStep.urgingLetter])).toEqual([
      [ok.committee.id, 1],
    ]);
    const steps = await db()
      .select()
      .from(escalationSteps)
      .where(inArray(escalationSteps.committeeId, [ok.committee.id, broken.committee.id]));
    // The plan (due 02-05) gets its urging letter, the final report (due 03-05) its reminder.
    expect(steps.map((s) => [s.committeeId, s.itemKind, s.step]).sort()).toEqual([
      [ok.committee.id, "finalReport", "reminder"],
      [ok.committee.id, "plan", "urgingLetter"],
    ]);
    expect(
      await db()
        .select()
        .from(documents)
        .where(inArray(documents.committeeId, [broken.committee.id])),
    ).toEqual([]);
    expect(describeSweep(result)).toBe(
      `督办巡查 2026-03-01：1 个党委，新办 2 步（提醒 1，督办函 1），发文 1 件；1 个党委失败（${broken.committee.id}: 本党委没有巡察办账号，不能以巡察办名义印发督办文书）`,
    );
  });

  it("runs at start, logs one line per run, runs again on demand taking nothing twice, and stops", async () => {
    const ok = await lateCommittee(true);
    const lines: string[] = [];
    const log = {
      info: (m: string) => lines.push(`info ${m}`),
      error: (m: string) => lines.push(`error ${m}`),
    };
    const scheduler = startScheduler({
      db: db(),
      log,
      committeeIds: [ok.committee.id],
      intervalMs: 3_600_000,
    });
    await scheduler.runNow(); // waits for the run started at start
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^info 督办巡查 \d{4}-\d{2}-\d{2}：1 个党委，新办 [1-9]\d* 步/);
    await scheduler.runNow();
    expect(lines[1]).toMatch(/新办 0 步，发文 0 件$/);
    await scheduler.stop();
  });
});
