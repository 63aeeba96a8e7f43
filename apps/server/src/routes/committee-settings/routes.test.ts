import { DEFAULT_CHECKLIST, DEFAULT_DEADLINES } from "@xuncha/domain";
import { describe, expect, it } from "vitest";
import { routeTestKit } from "../../../test/route-kit";
import { buildWorld } from "../../../test/world";

const kit = routeTestKit();
const { as, auditBy, refused } = kit;

describe("committee settings", () => {
  it("lists every key with its default until the office saves its own", async () => {
    const w = await buildWorld(kit.t.database.db);
    const res = await (await as(w, "office")).get("/api/committee-settings");
    expect(res.statusCode).toBe(200);
    const keys = res.json().map((s: { key: string }) => s.key);
    expect(keys).toEqual(
      expect.arrayContaining(["deadlines", "workItemChecklist", "groupEvaluationCriteria"]),
    );
    const deadlines = res.json().find((s: { key: string }) => s.key === "deadlines");
    expect(deadlines).toMatchObject({ label: "工作时限", value: DEFAULT_DEADLINES, isDefault: true });
    expect(
      (await (await as(w, "leadership")).get("/api/committee-settings/workItemChecklist")).json().value,
    ).toEqual(DEFAULT_CHECKLIST);
  });

  it("saves a valid value for the office's own committee only, audited; null restores the default", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    const value = { ...DEFAULT_DEADLINES, rectificationPlanAfterFeedback: { amount: 15, unit: "days" } };
    const res = await office.request("PUT", "/api/committee-settings/deadlines", { value });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ value, isDefault: false });
    const [entry] = await auditBy(office.id, "setting.update");
    expect(entry!.summary).toMatchObject({ key: "deadlines", from: "default", to: value });

    // the other committee still has the defaults
    const other = await (await as(w, "otherOffice")).get("/api/committee-settings/deadlines");
    expect(other.json()).toMatchObject({ value: DEFAULT_DEADLINES, isDefault: true });

    const reset = await office.request("PUT", "/api/committee-settings/deadlines", { value: null });
    expect(reset.json()).toMatchObject({ value: DEFAULT_DEADLINES, isDefault: true });
  });

  it("edits the checklist: rename, remove, add; open rounds follow, done items stay", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    await office.post(`/api/rounds/${w.round.id}/work-items/sync`);
    const list = async () =>
      (await office.get(`/api/rounds/${w.round.id}/work-items`)).json().items as {
        id: string;
        code: string;
        title: string;
        doneOn: string | null;
      }[];
    const before = await list();
    const plan = before.find((i) => i.code === "prep.plan")!;
    await office.patch(`/api/work-items/${plan.id}`, { done: true });
    const checklist = DEFAULT_CHECKLIST.filter((c) => c.code !== "prep.training" && c.code !== "field.visits")
      .map((c) =>
        c.code === "prep.plan" || c.code === "report.leadingGroup"
          ? { ...c, title: `${c.title}（修订）` }
          : c,
      )
      .concat(
        {
          code: "custom.past",
          stage: "preparation",
          title: "已过阶段的新事项",
          owner: "office",
          scope: "round",
          due: null,
        },
        {
          code: "custom.next",
          stage: "reporting",
          title: "撰写巡察工作简报",
          owner: "office",
          scope: "round",
          due: null,
        },
      );
    const res = await office.request("PUT", "/api/committee-settings/workItemChecklist", {
      value: checklist,
    });
    expect(res.statusCode, res.body).toBe(200);
    const after = await list();
    const byCode = (code: string) => after.filter((i) => i.code === code);
    expect(byCode("prep.plan")[0]!.title).toBe(DEFAULT_CHECKLIST.find((c) => c.code === "prep.plan")!.title);
    expect(byCode("report.leadingGroup")[0]!.title).toMatch(/（修订）$/);
    expect(byCode("prep.training")).toHaveLength(0);
    expect(byCode("field.visits")).toHaveLength(0);
    // the round is in fieldwork: a new preparation item is not added, a reporting one is
    expect(byCode("custom.past")).toHaveLength(0);
    expect(byCode("custom.next")).toHaveLength(1);
  });

  it("refuses invalid values, unknown keys, and anyone but the office", async () => {
    const w = await buildWorld(kit.t.database.db);
    const office = await as(w, "office");
    await refused(
      office,
      (s) =>
        s.request("PUT", "/api/committee-settings/deadlines", {
          value: { noticeBeforeEntry: { amount: -1, unit: "days" } },
        }),
      422,
      "setting.invalid",
    );
    await refused(
      office,
      (s) =>
        s.request("PUT", "/api/committee-settings/workItemChecklist", {
          value: [DEFAULT_CHECKLIST[0], { ...DEFAULT_CHECKLIST[1], code: DEFAULT_CHECKLIST[0]!.code }],
        }),
      422,
      "setting.invalid",
    );
    // a joint review needs two parties at least, the office always
    for (const parties of [["office"], ["disciplineCommission", "organizationDept"]]) {
      await refused(
        office,
        (s) => s.request("PUT", "/api/committee-settings/rectification.jointReview", { value: { parties } }),
        422,
        "setting.invalid",
      );
    }
    const twoParties = await office.request("PUT", "/api/committee-settings/rectification.jointReview", {
      value: { parties: ["office", "group"] },
    });
    expect(twoParties.statusCode, twoParties.body).toBe(200);
    await refused(
      office,
      (s) => s.request("PUT", "/api/committee-settings/nonsense", { value: 1 }),
      400,
      "request.invalid",
    );
    await refused(
      await as(w, "leadership"),
      (s) => s.request("PUT", "/api/committee-settings/deadlines", { value: DEFAULT_DEADLINES }),
      403,
      "auth.forbidden",
    );
    await refused(await as(w, "leaderA"), (s) => s.get("/api/committee-settings"), 403, "auth.forbidden");
    await refused(
      await as(w, "contactA"),
      (s) => s.get("/api/committee-settings/deadlines"),
      403,
      "auth.forbidden",
    );
  });
});
