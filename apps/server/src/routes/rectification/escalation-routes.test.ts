import {
  accounts,
  and,
  documents,
  eq,
  escalationSteps,
  files,
  findings,
  inArray,
  measures,
  notifications,
  outboundMessages,
  progressUpdates,
  queryRows,
  reviewSubjects,
  sql,
} from "@xuncha/db";
import { buildAccount, buildFeedback, buildFinding } from "@xuncha/db/testing";
import { dispatchOutbound, itemStillOpenSql, memoryChannel, runEscalationSweep } from "@xuncha/domain";
import { describe, expect, it } from "vitest";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld, type World } from "../../../test/world";

const kit = routeTestKit();
const { as, audited, refused } = kit;
const db = () => kit.t.database.db;

/** A feedback given to target A (or B) on `givenOn`: its plan is due a month later by default. */
const feedback = (w: World, givenOn: string, target: "A" | "B" = "A") =>
  buildFeedback(db(), {
    committeeId: w.committee.id,
    roundId: w.round.id,
    targetId: target === "A" ? w.targetA.id : w.targetB.id,
    createdBy: w.accounts.office.id,
    givenOn,
  });

/** A fed-back finding with measures due on the given days. */
async function findingWithMeasures(
  w: World,
  feedbackId: string,
  deadlines: string[],
  target: "A" | "B" = "A",
  title = "违规发放津补贴",
) {
  const targetId = target === "A" ? w.targetA.id : w.targetB.id;
  const f = await buildFinding(db(), {
    committeeId: w.committee.id,
    roundId: w.round.id,
    targetId,
    groupId: target === "A" ? w.groupA.id : w.groupB.id,
    createdBy: w.accounts.memberA.id,
    status: "approved",
    route: "rectify",
    feedbackId,
    title,
  });
  const ms = await db()
    .insert(measures)
    .values(
      deadlines.map((deadline, i) => ({
        committeeId: w.committee.id,
        findingId: f.id,
        targetId,
        content: `整改措施${i + 1}`,
        responsiblePerson: "张三",
        deadline,
        createdBy: w.accounts.contactA.id,
      })),
    )
    .returning();
  return { finding: f, measures: ms };
}

/** Target A's plan for a feedback, as opened (a draft) unless told otherwise. */
const planOf = (w: World, feedbackId: string, fields: { status?: string; dueOn?: string }) =>
  db()
    .insert(reviewSubjects)
    .values({
      committeeId: w.committee.id,
      feedbackId,
      roundId: w.round.id,
      targetId: w.targetA.id,
      kind: "plan",
      title: "整改方案",
      createdBy: w.accounts.contactA.id,
      ...fields,
    });

const sweep = (w: World, today: string) => runEscalationSweep(db(), { today, committeeId: w.committee.id });
const sweepOne = async (w: World, today: string) => (await sweep(w, today)).committees[0]!;
const stepsOf = (itemId: string) =>
  db()
    .select()
    .from(escalationSteps)
    .where(eq(escalationSteps.itemId, itemId))
    .orderBy(escalationSteps.takenOn);

describe("escalation sweep", () => {
  it("climbs a late plan's ladder one step at a time: reminder, urging letter, summons; nothing twice; nothing once done", async () => {
    const w = await buildWorld(db());
    // Plan due 2026-11-01 (a month after feedback), final report 2026-12-01.
    const fb = await feedback(w, "2026-10-01");

    expect((await sweepOne(w, "2026-10-20")).steps).toBe(0);

    // Reminder: 7 days before the deadline, an in-app notification only.
    const reminder = await sweepOne(w, "2026-10-26");
    expect(reminder.batches).toEqual([
      expect.objectContaining({ targetId: w.targetA.id, step: "reminder", items: 1, document: null }),
    ]);
    expect(await stepsOf(fb.id)).toEqual([
      expect.objectContaining({
        itemKind: "plan",
        step: "reminder",
        takenOn: "2026-10-26",
        deadline: "2026-11-01",
      }),
    ]);
    const contactNotes = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, w.accounts.contactA.id));
    expect(contactNotes).toEqual([
      expect.objectContaining({
        kind: "escalation.reminder",
        dedupeKey: `escalation:${w.targetA.id}:reminder:2026-10-26:${(await stepsOf(fb.id))[0]!.id}`,
        link: "/rectification/my-escalations",
      }),
    ]);
    // The office gets no notification for a reminder.
    expect(
      await db().select().from(notifications).where(eq(notifications.accountId, w.accounts.office.id)),
    ).toEqual([]);

    // Running again the same day (or in the window) takes nothing.
    expect((await sweepOne(w, "2026-10-26")).steps).toBe(0);
    expect((await sweepOne(w, "2026-11-01")).steps).toBe(0);

    // The day after the deadline: the urging letter, a numbered .docx in the name of the office head.
    const urging = await sweepOne(w, "2026-11-02");
    expect(urging.batches).toHaveLength(1);
    const letter = urging.batches[0]!;
    expect(letter).toMatchObject({ step: "urgingLetter", items: 1 });
    expect(letter.document!.number).toMatch(/^.巡办督〔2026〕1号$/);
    const [doc] = await db()
      .select({ d: documents, f: files })
      .from(documents)
      .innerJoin(files, eq(files.id, documents.fileId))
      .where(eq(documents.id, letter.document!.id));
    expect(doc!.d).toMatchObject({
      kind: "urgingLetter",
      targetId: w.targetA.id,
      roundId: w.round.id,
      issuedBy: w.accounts.officeHead.id,
    });
    expect(doc!.d.title).toContain("督办函");
    expect(Buffer.from(doc!.f.content).subarray(0, 2).toString()).toBe("PK");
    expect((await stepsOf(fb.id)).map((s) => [s.step, s.takenOn, s.documentId])).toEqual([
      ["reminder", "2026-10-26", null],
      ["urgingLetter", "2026-11-02", letter.document!.id],
    ]);
    // The office is told of letters; the sweep is audited as the system.
    const officeNotes = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, w.accounts.office.id));
    expect(officeNotes).toEqual([expect.objectContaining({ kind: "escalation.urgingLetter" })]);
    const [entry] = (await audited("escalation.take", w.targetA.id)).filter(
      (e) => (e.summary as { step: string }).step === "urgingLetter",
    );
    expect(entry).toMatchObject({ actorId: null, committeeId: w.committee.id });

    expect((await sweepOne(w, "2026-11-02")).steps).toBe(0);
    // The summons waits 15 days after the letter was taken.
    expect((await sweepOne(w, "2026-11-16")).steps).toBe(0);
    const summons = await sweepOne(w, "2026-11-17");
    expect(summons.batches.map((b) => [b.step, b.document?.number])).toEqual([
      ["summons", expect.stringMatching(/〔2026〕2号$/)],
    ]);

    // The plan is submitted: nothing more for it, however late the day.
    await planOf(w, fb.id, { status: "underReview" });
    const late = await sweepOne(w, "2027-03-01");
    expect((await stepsOf(fb.id)).filter((s) => s.itemKind === "plan").map((s) => s.step)).toEqual([
      "reminder",
      "urgingLetter",
      "summons",
    ]);
    // The final report (due 2026-12-01) was never swept in its reminder window: no late reminder,
    // and one step only however long the sweep did not run.
    expect(late.batches.map((b) => b.step)).toEqual(["urgingLetter"]);
    expect((await stepsOf(fb.id)).filter((s) => s.itemKind === "finalReport").map((s) => s.step)).toEqual([
      "urgingLetter",
    ]);
  });

  it("an opened plan is due on its own date (fixed when it was opened), not on today's settings", async () => {
    const w = await buildWorld(db());
    // The settings now say 2026-11-01; the draft plan was opened when they gave 2026-11-20.
    const fb = await feedback(w, "2026-10-01");
    await planOf(w, fb.id, { dueOn: "2026-11-20" });
    const plan = async () => (await stepsOf(fb.id)).filter((s) => s.itemKind === "plan");
    expect((await sweepOne(w, "2026-11-02")).steps).toBe(0);
    expect((await sweepOne(w, "2026-11-12")).steps).toBe(0);
    await sweep(w, "2026-11-13");
    expect((await plan()).map((s) => [s.step, s.takenOn, s.deadline])).toEqual([
      ["reminder", "2026-11-13", "2026-11-20"],
    ]);
    await sweep(w, "2026-11-21");
    expect((await plan()).map((s) => s.step)).toEqual(["reminder", "urgingLetter"]);
  });

  it("a second letter for the same target on the same day reaches the contact too", async () => {
    const w = await buildWorld(db());
    const fb = await feedback(w, "2026-10-01");
    await findingWithMeasures(w, fb.id, ["2026-10-20"]);
    const letters = async () =>
      (await db().select().from(notifications).where(eq(notifications.accountId, w.accounts.contactA.id)))
        .filter((n) => n.kind === "escalation.urgingLetter")
        .map((n) => n.body);
    await sweep(w, "2026-10-25");
    expect(await letters()).toHaveLength(1);
    // Later that day a measure is added whose deadline has already passed.
    await findingWithMeasures(w, fb.id, ["2026-10-22"], "A", "公车私用");
    await sweep(w, "2026-10-25");
    const bodies = await letters();
    expect(bodies).toHaveLength(2);
    expect(bodies.filter((b) => b.includes("公车私用"))).toHaveLength(1);
  });

  it("takes a step only for an item still not done when the step is written (finished since it was loaded)", async () => {
    const w = await buildWorld(db());
    const fb = await feedback(w, "2026-10-01");
    const { measures: ms } = await findingWithMeasures(w, fb.id, ["2026-10-20", "2026-10-20"]);
    const [done, open] = ms;
    const closedProblem = await findingWithMeasures(w, fb.id, ["2026-10-20"], "A", "公车私用");
    const still = async () =>
      (
        await queryRows<{ id: string }>(
          db(),
          sql`select u.item_id::text as id
              from (values ('measure', ${done!.id}::uuid), ('measure', ${open!.id}::uuid),
                           ('measure', ${closedProblem.measures[0]!.id}::uuid),
                           ('plan', ${fb.id}::uuid), ('finalReport', ${fb.id}::uuid)) as u(item_kind, item_id)
              where ${itemStillOpenSql}`,
        )
      ).map((r) => r.id);
    expect(await still()).toEqual([done!.id, open!.id, closedProblem.measures[0]!.id, fb.id, fb.id]);
    await db().insert(progressUpdates).values({
      committeeId: w.committee.id,
      measureId: done!.id,
      reportedOn: "2026-10-19",
      content: "已完成",
      completion: "done",
      createdBy: w.accounts.contactA.id,
    });
    await db()
      .update(findings)
      .set({ closedAt: new Date() })
      .where(eq(findings.id, closedProblem.finding.id));
    await planOf(w, fb.id, { status: "underReview" });
    // Left: the open measure and the final report (a plan under review is done; a draft would not be).
    expect(await still()).toEqual([open!.id, fb.id]);
  });

  it("one letter per target lists all of its late measures; done and closed ones are left out", async () => {
    const w = await buildWorld(db());
    const fbA = await feedback(w, "2026-11-01");
    const fbB = await feedback(w, "2026-11-01", "B");
    const a = await findingWithMeasures(w, fbA.id, ["2026-11-10", "2026-11-10", "2026-11-08", "2026-11-10"]);
    const closed = await findingWithMeasures(w, fbA.id, ["2026-11-09"], "A", "已销号的问题");
    await db().update(findings).set({ closedAt: new Date() }).where(eq(findings.id, closed.finding.id));
    await db().insert(progressUpdates).values({
      committeeId: w.committee.id,
      measureId: a.measures[3]!.id,
      reportedOn: "2026-11-05",
      content: "已完成",
      completion: "done",
      createdBy: w.accounts.contactA.id,
    });
    const b = await findingWithMeasures(w, fbB.id, ["2026-11-10"], "B");

    const result = await sweepOne(w, "2026-11-11");
    const letters = result.batches.filter((x) => x.step === "urgingLetter");
    expect(letters.map((l) => [l.targetId, l.items])).toEqual(
      expect.arrayContaining([
        [w.targetA.id, 3],
        [w.targetB.id, 1],
      ]),
    );
    expect(letters).toHaveLength(2);
    const letterA = letters.find((l) => l.targetId === w.targetA.id)!;
    const steps = await db()
      .select()
      .from(escalationSteps)
      .where(eq(escalationSteps.documentId, letterA.document!.id));
    expect(steps.map((s) => s.itemId).sort()).toEqual(
      a.measures
        .slice(0, 3)
        .map((m) => m.id)
        .sort(),
    );
    const [doc] = await db().select().from(documents).where(eq(documents.id, letterA.document!.id));
    expect((doc!.fields as { items: { label: string }[] }).items.map((i) => i.label)).toEqual([
      "“违规发放津补贴”问题的整改措施：整改措施3",
      "“违规发放津补贴”问题的整改措施：整改措施1",
      "“违规发放津补贴”问题的整改措施：整改措施2",
    ]);
    // The two letters take consecutive numbers of the same register.
    const numbers = letters.map((l) => l.document!.number).sort();
    expect(numbers[0]!.replace(/\d+号$/, "")).toBe(numbers[1]!.replace(/\d+号$/, ""));
    expect(await stepsOf(b.measures[0]!.id)).toHaveLength(1);
    expect(await stepsOf(closed.measures[0]!.id)).toEqual([]);
    expect(await stepsOf(a.measures[3]!.id)).toEqual([]);
    // Two sweeps at once take each step once.
    await Promise.all([sweepOne(w, "2026-11-12"), sweepOne(w, "2026-11-12")]);
    expect(await stepsOf(a.measures[0]!.id)).toHaveLength(1);
  });
});

describe("escalation letters: list, download, acknowledgement", () => {
  async function lettered() {
    const w = await buildWorld(db());
    const fbA = await feedback(w, "2026-11-01");
    const fbB = await feedback(w, "2026-11-01", "B");
    await findingWithMeasures(w, fbA.id, ["2026-11-10", "2026-11-10"]);
    await findingWithMeasures(w, fbB.id, ["2026-11-10"], "B");
    await sweep(w, "2026-11-05"); // reminders
    await sweep(w, "2026-11-11"); // urging letters
    return w;
  }
  interface Row {
    id: string;
    target: { id: string };
    step: string;
    takenOn: string;
    document: { id: string; number: string } | null;
    acknowledgedAt: string | null;
    items: unknown[];
    abilities: { acknowledge: boolean; download: boolean };
  }
  const list = async (s: Awaited<ReturnType<typeof as>>, query = "") => {
    const res = await s.get(`/api/rectification/escalations${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return (res.json() as { items: Row[] }).items;
  };

  it("the office lists the letters unacknowledged first; the contact acknowledges its own; others are not found", async () => {
    const w = await lettered();
    const office = await as(w, "office");
    const all = await list(office);
    expect(all.map((r) => [r.target.id, r.step, r.items.length])).toEqual(
      expect.arrayContaining([
        [w.targetA.id, "urgingLetter", 2],
        [w.targetB.id, "urgingLetter", 1],
        [w.targetA.id, "reminder", 2],
        [w.targetB.id, "reminder", 1],
      ]),
    );
    expect(all.slice(0, 2).every((r) => r.step === "urgingLetter")).toBe(true);
    expect(all.every((r) => !r.abilities.acknowledge)).toBe(true);
    const unacked = await list(office, "?acknowledged=false");
    expect(unacked).toHaveLength(2);
    expect(await list(office, `?acknowledged=false&targetId=${w.targetB.id}&step=urgingLetter`)).toHaveLength(
      1,
    );
    expect(await list(office, `?roundId=${w.round.id}&step=reminder`)).toHaveLength(2);

    const contactA = await as(w, "contactA");
    const mine = await list(contactA);
    expect(mine.every((r) => r.target.id === w.targetA.id)).toBe(true);
    const letterA = mine.find((r) => r.step === "urgingLetter")!;
    expect(letterA.abilities).toEqual({ acknowledge: true, download: true });
    const file = await contactA.get(`/api/rectification/escalations/${letterA.id}/letter`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toContain("wordprocessingml");

    // Another target's contact, the other committee's office: not found; the office cannot acknowledge.
    const contactB = await as(w, "contactB");
    await refused(
      contactB,
      (s) => s.post(`/api/rectification/escalations/${letterA.id}/acknowledge`),
      404,
      "escalation.not_found",
    );
    await refused(
      contactB,
      (s) => s.get(`/api/rectification/escalations/${letterA.id}/letter`),
      404,
      "escalation.not_found",
    );
    const otherOffice = await as(w, "otherOffice");
    expect(await list(otherOffice, `?targetId=${w.targetA.id}`)).toEqual([]);
    await refused(
      office,
      (s) => s.post(`/api/rectification/escalations/${letterA.id}/acknowledge`),
      403,
      "auth.forbidden",
    );
    // A reminder is not a letter.
    const reminderA = mine.find((r) => r.step === "reminder")!;
    await refused(
      contactA,
      (s) => s.post(`/api/rectification/escalations/${reminderA.id}/acknowledge`),
      409,
      "escalation.not_a_letter",
    );

    const ack = await contactA.post(`/api/rectification/escalations/${letterA.id}/acknowledge`);
    expect(ack.statusCode, ack.body).toBe(200);
    const [entry] = await audited("escalation.acknowledge", letterA.document!.id);
    expect(entry).toMatchObject({ actorId: contactA.id, committeeId: w.committee.id });
    const steps = await db()
      .select()
      .from(escalationSteps)
      .where(eq(escalationSteps.documentId, letterA.document!.id));
    expect(steps.every((s) => s.acknowledgedBy === contactA.id && s.acknowledgedAt)).toBe(true);
    // Again: nothing changes, no second entry.
    expect((await contactA.post(`/api/rectification/escalations/${letterA.id}/acknowledge`)).statusCode).toBe(
      200,
    );
    expect(await audited("escalation.acknowledge", letterA.document!.id)).toHaveLength(1);

    expect((await list(office, "?acknowledged=false")).map((r) => r.target.id)).toEqual([w.targetB.id]);
    expect((await list(office, "?acknowledged=true")).map((r) => r.target.id)).toEqual([w.targetA.id]);
  });

  it("the office runs the sweep now for its committee; a contact cannot", async () => {
    const w = await buildWorld(db());
    await feedback(w, "2026-01-05");
    const contactA = await as(w, "contactA");
    await refused(contactA, (s) => s.post("/api/rectification/sweep"), 403, "auth.forbidden");
    const office = await as(w, "office");
    const first = await office.post("/api/rectification/sweep");
    expect(first.statusCode, first.body).toBe(200);
    const result = first.json() as {
      committeeId: string;
      steps: number;
      batches: { document: { id: string } | null }[];
    };
    expect(result.committeeId).toBe(w.committee.id);
    expect(result.steps).toBeGreaterThan(0);
    // By hand, the letters are issued in the name of the office account that ran it.
    const docIds = result.batches.flatMap((b) => (b.document ? [b.document.id] : []));
    expect(docIds.length).toBeGreaterThan(0);
    const docs = await db().select().from(documents).where(inArray(documents.id, docIds));
    expect(docs.every((d) => d.issuedBy === office.id)).toBe(true);
    const again = (await office.post("/api/rectification/sweep")).json() as { steps: number };
    expect(again.steps).toBe(0);
  });
});

describe("notifications", () => {
  it("an account reads its own notifications, newest first with the unread count; another's are not found", async () => {
    const w = await buildWorld(db());
    // The target's principal (主要负责人) is told too.
    const principal = await buildAccount(db(), {
      committeeId: w.committee.id,
      role: "targetContact",
      targetId: w.targetA.id,
      isHead: true,
      name: "甲单位主要负责人",
    });
    const fb = await feedback(w, "2026-11-01");
    await findingWithMeasures(w, fb.id, ["2026-11-10"]);
    await sweep(w, "2026-11-05");
    await sweep(w, "2026-11-11");
    const principalNotes = await db()
      .select()
      .from(notifications)
      .where(eq(notifications.accountId, principal.id));
    expect(principalNotes.map((n) => n.kind).sort()).toEqual([
      "escalation.reminder",
      "escalation.urgingLetter",
    ]);
    const contactA = await as(w, "contactA");
    const res = await contactA.get("/api/notifications");
    expect(res.statusCode).toBe(200);
    const body = res.json() as {
      items: { id: string; kind: string; readAt: string | null }[];
      unread: number;
    };
    expect(body.unread).toBe(2);
    expect(body.items.map((n) => n.kind)).toEqual(["escalation.urgingLetter", "escalation.reminder"]);

    const read = await contactA.post(`/api/notifications/${body.items[0]!.id}/read`);
    expect(read.statusCode).toBe(200);
    expect((read.json() as { readAt: string }).readAt).toBeTruthy();
    expect(((await contactA.get("/api/notifications")).json() as { unread: number }).unread).toBe(1);
    expect(
      ((await contactA.get("/api/notifications?unread=true")).json() as { items: unknown[] }).items,
    ).toHaveLength(1);

    const contactB = await as(w, "contactB");
    const other = await contactB.post(`/api/notifications/${body.items[1]!.id}/read`);
    expect(other.statusCode).toBe(404);
    expect(((await contactA.get("/api/notifications")).json() as { unread: number }).unread).toBe(1);

    const all = await contactA.post("/api/notifications/read-all");
    expect(all.json()).toEqual({ read: 1 });
    expect(((await contactA.get("/api/notifications")).json() as { unread: number }).unread).toBe(0);
  });
});

describe("outbound messages", () => {
  it("are handed over per account and channel, skipped without an address, retried on failure, failed after the last attempt", async () => {
    const w = await buildWorld(db());
    // Addresses of this test's own, so that on a shared database it looks only at its messages.
    const emailAddress = `contact-a-${w.committee.id.slice(0, 8)}@example.gov.cn`;
    const mobile = `138${Number.parseInt(w.committee.id.slice(0, 7), 16).toString().padStart(8, "0").slice(-8)}`;
    await db().update(accounts).set({ email: emailAddress }).where(eq(accounts.id, w.accounts.contactA.id));
    await db().update(accounts).set({ mobile: mobile }).where(eq(accounts.id, w.accounts.office.id));
    const fb = await feedback(w, "2026-11-01");
    await findingWithMeasures(w, fb.id, ["2026-11-10"]);
    await sweep(w, "2026-11-11");
    const rows = await db()
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.committeeId, w.committee.id));
    const byKey = (accountId: string, channel: string) =>
      rows.find((r) => r.channel === channel && r.dedupeKey.endsWith(`:${accountId}`));
    expect(byKey(w.accounts.contactA.id, "email")).toMatchObject({
      status: "pending",
      recipient: emailAddress,
    });
    expect(byKey(w.accounts.contactA.id, "sms")).toMatchObject({ status: "skipped", recipient: "" });
    expect(byKey(w.accounts.office.id, "sms")).toMatchObject({ status: "pending", recipient: mobile });
    expect(byKey(w.accounts.officeHead.id, "email")).toMatchObject({ status: "skipped" });
    // A second sweep hands nothing over again.
    await sweep(w, "2026-11-11");
    expect(
      await db().select().from(outboundMessages).where(eq(outboundMessages.committeeId, w.committee.id)),
    ).toHaveLength(rows.length);

    const email = memoryChannel("email");
    const sms = memoryChannel("sms");
    email.failNext(1, emailAddress);
    sms.failNext(5, mobile);
    const pendingHere = and(
      eq(outboundMessages.committeeId, w.committee.id),
      eq(outboundMessages.status, "pending"),
    );
    // Other test files' messages may be pending too on a shared database: look only at ours.
    const first = await dispatchOutbound(db(), [email, sms], { maxAttempts: 2, limit: 1000 });
    expect(first.retrying).toBeGreaterThanOrEqual(2);
    expect(email.sent.filter((m) => m.recipient === emailAddress)).toEqual([]);
    expect(await db().select().from(outboundMessages).where(pendingHere)).toHaveLength(2);
    await dispatchOutbound(db(), [email, sms], { maxAttempts: 2, limit: 1000 });
    const ours = await db()
      .select()
      .from(outboundMessages)
      .where(eq(outboundMessages.committeeId, w.committee.id));
    const emailRow = ours.find((r) => r.id === byKey(w.accounts.contactA.id, "email")!.id)!;
    const smsRow = ours.find((r) => r.id === byKey(w.accounts.office.id, "sms")!.id)!;
    expect(emailRow).toMatchObject({ status: "sent", attempts: 2 });
    expect(emailRow.sentAt).toBeTruthy();
    expect(smsRow).toMatchObject({ status: "failed", attempts: 2, lastError: "sms 通道暂不可用" });
    expect(email.sent.filter((m) => m.recipient === emailAddress)).toEqual([
      expect.objectContaining({ subject: expect.stringContaining("督办函"), channel: "email" }),
    ]);
    expect(ours.filter((r) => r.status === "skipped").length).toBeGreaterThan(0);
  });
});
