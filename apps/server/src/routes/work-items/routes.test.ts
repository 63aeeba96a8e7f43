import { and, eq, groupTargets, rounds, workItems } from "@xuncha/db";
import { buildFeedback, buildGroup, buildRound, buildTarget } from "@xuncha/db/testing";
import { addDays, chinaDate, DEFAULT_CHECKLIST, daysBetween } from "@xuncha/domain";
import { describe, expect, it } from "vitest";
import { errorOf } from "../../../test/client";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;

const count = (scope: "round" | "group" | "target") =>
  DEFAULT_CHECKLIST.filter((c) => c.scope === scope).length;
const today = () => chinaDate();

interface Item {
  id: string;
  stage: string;
  code: string;
  title: string;
  owner: string;
  scope: string;
  groupId: string | null;
  targetId: string | null;
  dueOn: string | null;
  doneOn: string | null;
  doneBy: { id: string; name: string } | null;
  note: string;
  overdueDays: number | null;
  abilities: { mark: boolean };
}

/** The world with its round's work items created (the factories build rounds without them). */
async function world() {
  const w = await buildWorld(kit.t.database.db);
  const office = await as(w, "office");
  const res = await office.post(`/api/rounds/${w.round.id}/work-items/sync`);
  expect(res.statusCode, res.body).toBe(200);
  return w;
}

const itemsOf = async (w: World) =>
  (await kit.t.database.db
    .select()
    .from(workItems)
    .where(eq(workItems.roundId, w.round.id))) as (typeof workItems.$inferSelect)[];
const find = async (w: World, code: string, where: { groupId?: string; targetId?: string } = {}) =>
  (await itemsOf(w)).find(
    (i) =>
      i.code === code &&
      (where.groupId === undefined || i.groupId === where.groupId) &&
      (where.targetId === undefined || i.targetId === where.targetId),
  )!;

describe("creating work items", () => {
  it("gives a new round its round-wide items, due dates from its dates and the default deadlines", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const res = await office.post("/api/rounds", {
      termId: w.round.termId,
      kind: "regular",
      startsOn: "2027-03-01",
      endsOn: "2027-03-31",
    });
    expect(res.statusCode, res.body).toBe(200);
    const roundId = res.json().id as string;
    const list = await office.get(`/api/rounds/${roundId}/work-items`);
    expect(list.statusCode).toBe(200);
    const items = list.json().items as Item[];
    expect(items).toHaveLength(count("round"));
    expect(items.every((i) => i.scope === "round" && i.doneOn === null)).toBe(true);
    expect(items.find((i) => i.code === "prep.plan")!.dueOn).toBe("2027-02-09");
    // within 1 month after fieldwork: 03-31 → 04-30
    expect(items.find((i) => i.code === "report.leadingGroup")!.dueOn).toBe("2027-04-30");
    // stages in order
    expect(items[0]!.stage).toBe("preparation");
    expect(items.at(-1)!.stage).toBe("archiving");
  });

  it("syncs per group and per target, idempotently, never duplicating", async () => {
    const w = await world();
    const expected = count("round") + 2 * count("group") + 2 * count("target");
    expect(await itemsOf(w)).toHaveLength(expected);
    const office = await as(w, "office");
    const again = await office.post(`/api/rounds/${w.round.id}/work-items/sync`);
    expect(again.json()).toEqual({ added: 0, updated: 0, removed: 0 });
    expect(await itemsOf(w)).toHaveLength(expected);
    expect(await audited("work_item.sync", w.round.id)).toHaveLength(2);

    // A new target in group A gets all its items, those of past stages included.
    const targetC = await buildTarget(kit.t.database.db, {
      committeeId: w.committee.id,
      name: `丙单位${w.committee.id.slice(0, 6)}`,
    });
    await kit.t.database.db.insert(groupTargets).values({
      groupId: w.groupA.id,
      targetId: targetC.id,
      roundId: w.round.id,
      committeeId: w.committee.id,
    });
    const added = await office.post(`/api/rounds/${w.round.id}/work-items/sync`);
    expect(added.json().added).toBe(count("target"));
    const notice = await find(w, "prep.notice", { targetId: targetC.id });
    expect(notice.groupId).toBe(w.groupA.id);
    expect(notice.dueOn).toBe(addDays(w.round.startsOn, -10));
  });

  it("adds a group's and its targets' items when the office forms a group or assigns targets", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    await office.post(`/api/rounds/${w.round.id}/work-items/sync`);
    const { buildPerson } = await import("@xuncha/db/testing");
    const leader = await buildPerson(kit.t.database.db, { committeeId: w.committee.id, pool: "leader" });
    const targetC = await buildTarget(kit.t.database.db, {
      committeeId: w.committee.id,
      name: `丙单位${w.committee.id.slice(0, 6)}`,
    });
    const formed = await office.post(`/api/rounds/${w.round.id}/groups`, {
      members: [{ personId: leader.id, role: "leader" }],
    });
    expect(formed.statusCode, formed.body).toBeLessThan(300);
    const groupId = formed.json().id as string;
    expect((await itemsOf(w)).filter((i) => i.groupId === groupId && !i.targetId)).toHaveLength(
      count("group"),
    );
    const assigned = await office.post(`/api/groups/${groupId}/targets`, { targetIds: [targetC.id] });
    expect(assigned.statusCode, assigned.body).toBeLessThan(300);
    expect((await itemsOf(w)).filter((i) => i.targetId === targetC.id)).toHaveLength(count("target"));
  });

  it("removes the open items of a target that left the round but keeps the done ones", async () => {
    const w = await world();
    const leader = await as(w, "leaderA");
    const done = await find(w, "field.interviews", { targetId: w.targetA.id });
    expect((await leader.patch(`/api/work-items/${done.id}`, { done: true })).statusCode).toBe(200);
    await kit.t.database.db
      .delete(groupTargets)
      .where(and(eq(groupTargets.groupId, w.groupA.id), eq(groupTargets.targetId, w.targetA.id)));
    const office = await as(w, "office");
    const res = await office.post(`/api/rounds/${w.round.id}/work-items/sync`);
    expect(res.json().removed).toBe(count("target") - 1);
    const left = (await itemsOf(w)).filter((i) => i.targetId === w.targetA.id);
    expect(left.map((i) => i.id)).toEqual([done.id]);
  });

  it("refuses to sync for anyone but the round's office", async () => {
    const w = await buildWorld(kit.t.database.db);
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(`/api/rounds/${w.round.id}/work-items/sync`),
      404,
      "round.not_found",
    );
    await refused(
      await as(w, "leaderA"),
      (s) => s.post(`/api/rounds/${w.round.id}/work-items/sync`),
      403,
      "auth.forbidden",
    );
    await refused(
      await as(w, "leadership"),
      (s) => s.post(`/api/rounds/${w.round.id}/work-items/sync`),
      403,
      "auth.forbidden",
    );
  });
});

describe("seeing a round's work items", () => {
  it("shows the office everything, with each group's and target's standing per stage", async () => {
    const w = await world();
    for (const key of ["office", "leadership", "discipline", "organization"] as const) {
      const res = await (await as(w, key)).get(`/api/rounds/${w.round.id}/work-items`);
      expect(res.statusCode, key).toBe(200);
      expect(res.json().items).toHaveLength(count("round") + 2 * count("group") + 2 * count("target"));
    }
    const body = (await (await as(w, "office")).get(`/api/rounds/${w.round.id}/work-items`)).json();
    expect(body.progress.groups.map((g: { name: string }) => g.name)).toEqual([w.groupA.name, w.groupB.name]);
    expect(body.progress.targets).toHaveLength(2);
    const prepA = body.progress.targets.find((t: { targetId: string }) => t.targetId === w.targetA.id).stages
      .preparation;
    const perTargetPrep = DEFAULT_CHECKLIST.filter(
      (c) => c.scope === "target" && c.stage === "preparation",
    ).length;
    expect(prepA.total).toBe(perTargetPrep);
    expect(prepA.done).toBe(0);
    // the world's round (2026-03-01 … 04-30) is behind us: its preparation items are all overdue
    expect(prepA.overdue).toBe(perTargetPrep);
    const notice = (body.items as Item[]).find(
      (i) => i.code === "prep.notice" && i.targetId === w.targetA.id,
    )!;
    expect(notice.overdueDays).toBe(daysBetween(notice.dueOn!, today()));
    expect(prepA.maxOverdueDays).toBeGreaterThanOrEqual(notice.overdueDays!);
    expect(body.abilities).toEqual({ sync: true, moveStage: true });
  });

  it("shows a group its own items and the round's, never another group's", async () => {
    const w = await world();
    for (const key of ["leaderA", "memberA"] as const) {
      const res = await (await as(w, key)).get(`/api/rounds/${w.round.id}/work-items`);
      expect(res.statusCode).toBe(200);
      const items = res.json().items as Item[];
      expect(items).toHaveLength(count("round") + count("group") + count("target"));
      expect(items.some((i) => i.groupId === w.groupB.id || i.targetId === w.targetB.id)).toBe(false);
      expect(res.json().abilities).toEqual({ sync: false, moveStage: false });
    }
  });

  it("shows a target's contact only its own target's items", async () => {
    const w = await world();
    const res = await (await as(w, "contactA")).get(`/api/rounds/${w.round.id}/work-items`);
    expect(res.statusCode).toBe(200);
    const items = res.json().items as Item[];
    expect(items).toHaveLength(count("target"));
    expect(items.every((i) => i.targetId === w.targetA.id)).toBe(true);
    // its own items are the ones it may mark
    expect(items.filter((i) => i.abilities.mark).every((i) => i.owner === "target")).toBe(true);
  });

  it("is not found for another committee, or a contact whose target is not in the round", async () => {
    const w = await world();
    for (const key of ["otherOffice", "otherLeadership"] as const) {
      const res = await (await as(w, key)).get(`/api/rounds/${w.round.id}/work-items`);
      expect(res.statusCode).toBe(404);
      expect(errorOf(res).code).toBe("round.not_found");
    }
    const later = await buildRound(kit.t.database.db, {
      committeeId: w.committee.id,
      termId: w.round.termId,
      number: 2,
    });
    await buildGroup(kit.t.database.db, {
      committeeId: w.committee.id,
      roundId: later.id,
      targetIds: [w.targetB.id],
    });
    const res = await (await as(w, "contactA")).get(`/api/rounds/${later.id}/work-items`);
    expect(res.statusCode).toBe(404);
    const sys = await (await as(w, "sysAdmin")).get(`/api/rounds/${w.round.id}/work-items`);
    expect(sys.statusCode).toBe(404);
  });

  it("computes feedback-anchored due dates once feedback is given", async () => {
    const w = await world();
    const office = await as(w, "office");
    const planOf = async () =>
      ((await office.get(`/api/rounds/${w.round.id}/work-items`)).json().items as Item[]).find(
        (i) => i.code === "rect.plan" && i.targetId === w.targetA.id,
      )!;
    expect((await planOf()).dueOn).toBeNull();
    await buildFeedback(kit.t.database.db, {
      committeeId: w.committee.id,
      roundId: w.round.id,
      targetId: w.targetA.id,
      createdBy: w.accounts.office.id,
      givenOn: "2026-07-31",
    });
    expect((await planOf()).dueOn).toBe("2026-08-31");
    // the committee's deadline setting moves it
    const put = await office.request("PUT", "/api/committee-settings/deadlines", {
      value: {
        noticeBeforeEntry: { amount: 15, unit: "days" },
        reportAfterFieldwork: { amount: 1, unit: "months" },
        rectificationPlanAfterFeedback: { amount: 15, unit: "days" },
        finalReportAfterFeedback: { amount: 3, unit: "months" },
        clueResultsAfterTransfer: { amount: 3, unit: "months" },
      },
    });
    expect(put.statusCode, put.body).toBe(200);
    expect((await planOf()).dueOn).toBe("2026-08-15");
    const notice = await find(w, "prep.notice", { targetId: w.targetA.id });
    expect(notice.dueOn).toBe("2026-02-14");
  });
});

describe("marking work items done", () => {
  it("lets a group's leader mark its group's items, not a member, not another group", async () => {
    const w = await world();
    const item = await find(w, "field.midterm", { groupId: w.groupA.id });
    await refused(
      await as(w, "memberA"),
      (s) => s.patch(`/api/work-items/${item.id}`, { done: true }),
      403,
      "work_item.forbidden",
    );
    await refused(
      await as(w, "leaderB"),
      (s) => s.patch(`/api/work-items/${item.id}`, { done: true }),
      404,
      "work_item.not_found",
    );
    await refused(
      await as(w, "otherOffice"),
      (s) => s.patch(`/api/work-items/${item.id}`, { done: true }),
      404,
      "work_item.not_found",
    );
    await refused(
      await as(w, "office"),
      (s) => s.patch(`/api/work-items/${item.id}`, { done: true }),
      403,
      "work_item.forbidden",
    );

    const leader = await as(w, "leaderA");
    const res = await leader.patch(`/api/work-items/${item.id}`, {
      done: true,
      doneOn: "2026-03-30",
      note: "已向领导小组汇报",
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: item.id,
      doneOn: "2026-03-30",
      doneBy: { id: leader.id },
      note: "已向领导小组汇报",
      overdueDays: null,
    });
    const [entry] = await audited("work_item.done", item.id);
    expect(entry!.actorId).toBe(leader.id);

    const undo = await leader.patch(`/api/work-items/${item.id}`, { done: false });
    expect(undo.json()).toMatchObject({ doneOn: null, doneBy: null, note: "已向领导小组汇报" });
    expect(await audited("work_item.reopen", item.id)).toHaveLength(1);
  });

  it("lets a group's liaison mark its group's items", async () => {
    const w = await buildWorld(kit.t.database.db);
    const { buildAccount, buildPerson } = await import("@xuncha/db/testing");
    const account = await buildAccount(kit.t.database.db, {
      committeeId: w.committee.id,
      name: "甲组联络员",
    });
    const person = await buildPerson(kit.t.database.db, {
      committeeId: w.committee.id,
      accountId: account.id,
    });
    const { groupMembers } = await import("@xuncha/db");
    await kit.t.database.db
      .insert(groupMembers)
      .values({ groupId: w.groupA.id, personId: person.id, committeeId: w.committee.id, role: "liaison" });
    await (await as(w, "office")).post(`/api/rounds/${w.round.id}/work-items/sync`);
    const item = await find(w, "field.tips", { groupId: w.groupA.id });
    const { loginAs } = await import("../../../test/client");
    const liaison = await loginAs(kit.t.app, account.username);
    const res = await liaison.patch(`/api/work-items/${item.id}`, { done: true });
    expect(res.statusCode, res.body).toBe(200);
  });

  it("lets a target's contact mark its target's items only", async () => {
    const w = await world();
    const own = await find(w, "rect.plan", { targetId: w.targetA.id });
    const other = await find(w, "rect.plan", { targetId: w.targetB.id });
    const contact = await as(w, "contactA");
    const res = await contact.patch(`/api/work-items/${own.id}`, { done: true, note: "已报送" });
    expect(res.statusCode, res.body).toBe(200);
    await refused(
      contact,
      (s) => s.patch(`/api/work-items/${other.id}`, { done: true }),
      404,
      "work_item.not_found",
    );
    // a group item of its own target is visible to it but not its to mark
    const groupItem = await find(w, "field.interviews", { targetId: w.targetA.id });
    await refused(
      contact,
      (s) => s.patch(`/api/work-items/${groupItem.id}`, { done: true }),
      403,
      "work_item.forbidden",
    );
  });

  it("lets the office mark office and leading-group items; refuses future dates and closed rounds", async () => {
    const w = await world();
    const office = await as(w, "office");
    const plan = await find(w, "prep.plan");
    expect((await office.patch(`/api/work-items/${plan.id}`, { done: true })).json().doneOn).toBe(today());
    const lg = await find(w, "report.leadingGroup");
    expect((await office.patch(`/api/work-items/${lg.id}`, { done: true })).statusCode).toBe(200);
    const leadership = await as(w, "leadership");
    expect((await leadership.patch(`/api/work-items/${lg.id}`, { done: false })).statusCode).toBe(200);
    await refused(
      leadership,
      (s) => s.patch(`/api/work-items/${plan.id}`, { done: false }),
      403,
      "work_item.forbidden",
    );
    await refused(
      office,
      (s) => s.patch(`/api/work-items/${lg.id}`, { done: true, doneOn: "2999-01-01" }),
      422,
      "work_item.done_in_future",
    );
    const bad = await office.patch(`/api/work-items/${lg.id}`, { done: true, extra: 1 });
    expect(bad.statusCode).toBe(400);

    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    await refused(office, (s) => s.patch(`/api/work-items/${lg.id}`, { done: true }), 409, "round.closed");
  });
});

describe("overdue items across the committee", () => {
  it("lists every open round's overdue items, most overdue first, for the office only", async () => {
    const w = await world();
    const office = await as(w, "office");
    const res = await office.get("/api/work-items/overdue");
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.rounds).toHaveLength(1);
    expect(body.rounds[0]).toMatchObject({ roundId: w.round.id, overdue: body.total });
    const items = body.items as (Item & { roundName: string })[];
    expect(items.length).toBe(body.total);
    expect(items.every((i) => i.overdueDays! > 0 && i.doneOn === null)).toBe(true);
    expect(items[0]!.overdueDays).toBeGreaterThanOrEqual(items.at(-1)!.overdueDays!);
    // feedback-anchored items have no due date yet, so they are not overdue
    expect(items.some((i) => i.code === "rect.plan")).toBe(false);

    // done items drop out
    const plan = items.find((i) => i.code === "prep.plan")!;
    await office.patch(`/api/work-items/${plan.id}`, { done: true });
    expect((await office.get("/api/work-items/overdue")).json().total).toBe(body.total - 1);

    const other = await (await as(w, "otherOffice")).get("/api/work-items/overdue");
    expect(other.json().items.some((i: Item) => items.some((x) => x.id === i.id))).toBe(false);
    await refused(await as(w, "leaderA"), (s) => s.get("/api/work-items/overdue"), 403, "auth.forbidden");
    await refused(await as(w, "contactA"), (s) => s.get("/api/work-items/overdue"), 403, "auth.forbidden");

    // a closed round's items are no longer listed
    await kit.t.database.db.update(rounds).set({ status: "closed" }).where(eq(rounds.id, w.round.id));
    expect(
      (await office.get("/api/work-items/overdue"))
        .json()
        .items.some((i: Item) => items.some((x) => x.id === i.id)),
    ).toBe(false);
  });
});

describe("moving a round to the next stage", () => {
  it("warns with the open items left behind, and moves once the office confirms", async () => {
    const w = await world();
    const office = await as(w, "office");
    const warned = await office.post(`/api/rounds/${w.round.id}/stage`, { stage: "reporting" });
    expect(warned.statusCode).toBe(409);
    const error = errorOf(warned);
    expect(error.code).toBe("round.stage_open_items");
    const open = (error.details as { openItems: { stage: string }[] }).openItems;
    expect(open.length).toBeGreaterThan(0);
    expect(open.every((i) => i.stage === "preparation" || i.stage === "fieldwork")).toBe(true);
    const [round] = await kit.t.database.db.select().from(rounds).where(eq(rounds.id, w.round.id));
    expect(round!.stage).toBe("fieldwork");

    const moved = await office.post(`/api/rounds/${w.round.id}/stage`, {
      stage: "reporting",
      confirmOpenItems: true,
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toEqual({ id: w.round.id, stage: "reporting", openItemsLeft: open.length });
    const [entry] = await audited("round.stage", w.round.id);
    expect(entry!.actorId).toBe(office.id);
    expect(entry!.summary).toMatchObject({ from: "fieldwork", to: "reporting", openItems: open.length });

    // going back warns about nothing
    const back = await office.post(`/api/rounds/${w.round.id}/stage`, { stage: "fieldwork" });
    expect(back.statusCode).toBe(200);
  });

  it("moves without a warning when the stage's items are done", async () => {
    const w = await buildWorld(kit.t.database.db);
    await kit.t.database.db.update(rounds).set({ stage: "preparation" }).where(eq(rounds.id, w.round.id));
    const office = await as(w, "office");
    await office.post(`/api/rounds/${w.round.id}/work-items/sync`);
    await kit.t.database.db
      .update(workItems)
      .set({ doneOn: "2026-02-01" })
      .where(and(eq(workItems.roundId, w.round.id), eq(workItems.stage, "preparation")));
    const res = await office.post(`/api/rounds/${w.round.id}/stage`, { stage: "fieldwork" });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().openItemsLeft).toBe(0);
  });

  it("is the office's alone", async () => {
    const w = await world();
    await refused(
      await as(w, "otherOffice"),
      (s) => s.post(`/api/rounds/${w.round.id}/stage`, { stage: "reporting", confirmOpenItems: true }),
      404,
      "round.not_found",
    );
    await refused(
      await as(w, "leaderA"),
      (s) => s.post(`/api/rounds/${w.round.id}/stage`, { stage: "reporting", confirmOpenItems: true }),
      403,
      "auth.forbidden",
    );
  });
});
