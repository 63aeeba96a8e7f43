import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AppError, type ErrorCode } from "../model/errors";
import { REVIEW_PARTIES, type ReviewParty } from "../model/rectification";
import {
  diffVersions,
  type Fields,
  giveVerdicts,
  type JointReviewHistory,
  jointReviewCounts,
  jointReviewSetting,
  jointReviewState,
  type PartyReview,
  type ReviewedMeasure,
  submitVersion,
  type Verdict,
  type VersionContent,
} from "./joint-review";

const pass: Verdict = { decision: "pass", opinion: "" };
const ret = (opinion: string): Verdict => ({ decision: "return", opinion });

const measure = (id: string, over: Fields = {}): ReviewedMeasure => ({
  id,
  fields: {
    findingId: "f1",
    content: `整改措施${id}`,
    goal: "问题整改到位",
    responsibleLeader: "李副局长",
    responsibleDept: "财务股",
    responsiblePerson: "张三",
    deadline: "2026-10-31",
    longTerm: false,
    ...over,
  },
});
const plan = (measures: ReviewedMeasure[], whole: Fields = { summary: "整改方案" }): VersionContent => ({
  whole,
  measures,
});

const empty: JointReviewHistory = { versions: [], reviews: [] };

function submit(
  h: JointReviewHistory,
  content: VersionContent,
  parties: readonly ReviewParty[] = REVIEW_PARTIES,
): JointReviewHistory {
  const { version } = submitVersion(h, content, parties);
  return { ...h, versions: [...h.versions, version] };
}

/** The party answers the version under review: pass on everything it has to review, unless told otherwise. */
function answer(
  h: JointReviewHistory,
  party: ReviewParty,
  over: { whole?: Verdict; measures?: Record<string, Verdict> } = {},
): JointReviewHistory {
  const state = jointReviewState(h);
  const mine = state.parties.find((p) => p.party === party);
  if (!mine) throw new Error(`${party} does not review this version`);
  const review: PartyReview = {
    party,
    version: state.version!,
    whole: over.whole ?? pass,
    measures: Object.fromEntries(mine.toReview.map((id) => [id, over.measures?.[id] ?? pass])),
  };
  giveVerdicts(h, review);
  return { ...h, reviews: [...h.reviews, review] };
}

const answerAll = (h: JointReviewHistory, parties: readonly ReviewParty[] = REVIEW_PARTIES) =>
  parties.reduce((acc, p) => answer(acc, p), h);

function codeOf(fn: () => unknown): ErrorCode | undefined {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e.code;
    throw e;
  }
  return undefined;
}

const party = (h: JointReviewHistory, p: ReviewParty) =>
  jointReviewState(h).parties.find((x) => x.party === p)!;

describe("joint review: submission and pass", () => {
  it("is a draft until the first version is submitted", () => {
    expect(jointReviewState(empty)).toEqual({
      status: "draft",
      version: null,
      parties: [],
      awaiting: [],
      returned: null,
    });
  });

  it("puts the first version under review by every configured party, each reviewing every measure", () => {
    const { version, state } = submitVersion(empty, plan([measure("m1"), measure("m2")]), REVIEW_PARTIES);
    expect(version.number).toBe(1);
    expect(version.parties).toEqual(["office", "disciplineCommission", "organizationDept", "group"]);
    expect(state.status).toBe("underReview");
    expect(state.awaiting).toEqual([...REVIEW_PARTIES]);
    for (const p of state.parties) {
      expect(p).toMatchObject({
        answered: false,
        lastReviewedVersion: null,
        toReview: ["m1", "m2"],
        standing: [],
      });
      expect(p.changes.from).toBeNull();
      expect(p.changes.measures.map((c) => [c.id, c.kind])).toEqual([
        ["m1", "added"],
        ["m2", "added"],
      ]);
    }
  });

  it("passes only once every party has passed every measure and the whole", () => {
    let h = submit(empty, plan([measure("m1"), measure("m2")]));
    h = answer(h, "office");
    h = answer(h, "disciplineCommission");
    h = answer(h, "organizationDept");
    expect(jointReviewState(h)).toMatchObject({ status: "underReview", awaiting: ["group"] });
    h = answer(h, "group");
    expect(jointReviewState(h)).toMatchObject({ status: "passed", version: 1, awaiting: [], returned: null });
  });

  it("follows a three-party setting: the group does not review", () => {
    const three: ReviewParty[] = ["office", "disciplineCommission", "organizationDept"];
    let h = submit(empty, plan([measure("m1")]), three);
    expect(jointReviewState(h).awaiting).toEqual(three);
    h = answerAll(h, three);
    expect(jointReviewState(h).status).toBe("passed");
  });
});

describe("joint review: returns", () => {
  it("returns the version when any party returns a measure, once every party has answered", () => {
    let h = submit(empty, plan([measure("m1"), measure("m2")]));
    h = answer(h, "organizationDept", { measures: { m2: ret("责任人不明确") } });
    // the decision waits for the other parties, who keep reviewing
    expect(jointReviewState(h)).toMatchObject({
      status: "underReview",
      awaiting: ["office", "disciplineCommission", "group"],
    });
    h = answer(h, "office", { measures: { m1: { decision: "pass", opinion: "建议细化时间节点" } } });
    h = answer(h, "disciplineCommission", { measures: { m2: ret("措施空泛，未见具体举措") } });
    h = answer(h, "group");
    const state = jointReviewState(h);
    expect(state.status).toBe("returned");
    expect(state.returned).toEqual({
      version: 1,
      whole: [],
      measures: [
        { measureId: "m1", opinions: [{ party: "office", decision: "pass", opinion: "建议细化时间节点" }] },
        {
          measureId: "m2",
          opinions: [
            { party: "organizationDept", decision: "return", opinion: "责任人不明确" },
            { party: "disciplineCommission", decision: "return", opinion: "措施空泛，未见具体举措" },
          ],
        },
      ],
      returns: 2,
    });
  });

  it("returns the version when a party returns only the whole plan", () => {
    let h = submit(empty, plan([measure("m1")]));
    h = answer(h, "group", { whole: ret("未体现主要负责人第一责任") });
    h = answerAll(h, ["office", "disciplineCommission", "organizationDept"]);
    const state = jointReviewState(h);
    expect(state.status).toBe("returned");
    expect(state.returned).toMatchObject({
      whole: [{ party: "group", decision: "return", opinion: "未体现主要负责人第一责任" }],
      measures: [],
      returns: 1,
    });
  });
});

describe("joint review: resubmission resets only what changed", () => {
  // v1: m1, m2, m3; the office returns m2, the discipline commission the whole; the others pass.
  const v1 = () => {
    let h = submit(empty, plan([measure("m1"), measure("m2"), measure("m3")]));
    h = answer(h, "office", { measures: { m2: ret("整改时限过长") } });
    h = answer(h, "disciplineCommission", { whole: ret("方案缺少建章立制内容") });
    h = answerAll(h, ["organizationDept", "group"]);
    expect(jointReviewState(h).status).toBe("returned");
    return h;
  };

  it("asks each party only about new, changed or not-passed measures, and the whole again", () => {
    // v2: m1 removed, m2 changed, m3 unchanged, m4 added, whole revised
    const h = submit(
      v1(),
      plan([measure("m2", { deadline: "2026-09-30" }), measure("m3"), measure("m4")], {
        summary: "整改方案（修订）",
      }),
    );
    const state = jointReviewState(h);
    expect(state.status).toBe("underReview");
    expect(state.awaiting).toEqual([...REVIEW_PARTIES]);
    for (const p of state.parties) {
      expect(p.toReview).toEqual(["m2", "m4"]);
      expect(p.standing).toEqual([{ measureId: "m3", passedOn: 1 }]);
      expect(p.lastReviewedVersion).toBe(1);
    }
    expect(party(h, "office").changes).toEqual({
      from: 1,
      to: 2,
      whole: [{ field: "summary", before: "整改方案", after: "整改方案（修订）" }],
      measures: [
        {
          id: "m2",
          kind: "changed",
          fields: [{ field: "deadline", before: "2026-10-31", after: "2026-09-30" }],
        },
        { id: "m4", kind: "added", after: measure("m4").fields },
        { id: "m1", kind: "removed", before: measure("m1").fields },
      ],
      unchanged: ["m3"],
    });
  });

  it("keeps the returning party's verdict open on a measure resubmitted unchanged; others' passes stand", () => {
    const h = submit(v1(), plan([measure("m1"), measure("m2"), measure("m3")], { summary: "附整改说明" }));
    expect(party(h, "office").toReview).toEqual(["m2"]);
    expect(party(h, "office").changes.measures).toEqual([]);
    for (const p of ["disciplineCommission", "organizationDept", "group"] as const) {
      expect(party(h, p).toReview).toEqual([]);
      expect(party(h, p).standing.map((s) => s.measureId)).toEqual(["m1", "m2", "m3"]);
    }
    // every party must still answer (the whole is asked again); then it passes
    let after = answer(h, "office");
    expect(jointReviewState(after).awaiting).toEqual(["disciplineCommission", "organizationDept", "group"]);
    after = answerAll(after, ["disciplineCommission", "organizationDept", "group"]);
    expect(jointReviewState(after)).toMatchObject({ status: "passed", version: 2 });
  });

  it("lets a pass stand across versions and diffs against the version last reviewed", () => {
    let h = v1();
    h = submit(h, plan([measure("m1"), measure("m2", { content: "修订后的措施" }), measure("m3")]));
    h = answer(h, "office", { measures: { m2: ret("仍不具体") } });
    h = answerAll(h, ["disciplineCommission", "organizationDept", "group"]);
    expect(jointReviewState(h).status).toBe("returned");
    h = submit(h, plan([measure("m1"), measure("m2", { content: "第三稿措施" }), measure("m3")]));
    const office = party(h, "office");
    expect(office.standing).toEqual([
      { measureId: "m1", passedOn: 1 },
      { measureId: "m3", passedOn: 1 },
    ]);
    expect(office.toReview).toEqual(["m2"]);
    expect(office.lastReviewedVersion).toBe(2);
    expect(office.changes.measures).toEqual([
      {
        id: "m2",
        kind: "changed",
        fields: [{ field: "content", before: "修订后的措施", after: "第三稿措施" }],
      },
    ]);
    // the organization department passed m2 on version 2; it changed since, so it looks again
    expect(party(h, "organizationDept").toReview).toEqual(["m2"]);
    expect(party(h, "organizationDept").standing).toEqual([
      { measureId: "m1", passedOn: 1 },
      { measureId: "m3", passedOn: 1 },
    ]);
  });

  it("has a party added to the setting since review everything, diffed from nothing", () => {
    const three: ReviewParty[] = ["office", "disciplineCommission", "organizationDept"];
    let h = submit(empty, plan([measure("m1"), measure("m2")]), three);
    h = answer(h, "office", { measures: { m1: ret("目标不清") } });
    h = answerAll(h, ["disciplineCommission", "organizationDept"]);
    h = submit(h, plan([measure("m1", { goal: "清理全部违规款项" }), measure("m2")]), REVIEW_PARTIES);
    expect(jointReviewState(h).awaiting).toEqual([...REVIEW_PARTIES]);
    const group = party(h, "group");
    expect(group.toReview).toEqual(["m1", "m2"]);
    expect(group.lastReviewedVersion).toBeNull();
    expect(group.changes.from).toBeNull();
    expect(party(h, "office").toReview).toEqual(["m1"]);
  });
});

describe("joint review: invalid transitions", () => {
  const underReview = () => submit(empty, plan([measure("m1"), measure("m2")]));

  it("refuses to submit while under review or once passed", () => {
    expect(codeOf(() => submitVersion(underReview(), plan([measure("m1")]), REVIEW_PARTIES))).toBe(
      "joint_review.under_review",
    );
    const passed = answerAll(underReview());
    expect(codeOf(() => submitVersion(passed, plan([measure("m1")]), REVIEW_PARTIES))).toBe(
      "joint_review.already_passed",
    );
  });

  it("refuses a version without measures or with a repeated measure id", () => {
    expect(codeOf(() => submitVersion(empty, plan([]), REVIEW_PARTIES))).toBe("joint_review.no_measures");
    try {
      submitVersion(empty, plan([measure("m1"), measure("m2"), measure("m1")]), REVIEW_PARTIES);
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({ code: "joint_review.duplicate_measure", details: { measureIds: ["m1"] } });
    }
  });

  it("refuses reviews of a draft, of another version, or after the decision", () => {
    const review: PartyReview = { party: "office", version: 1, whole: pass, measures: { m1: pass } };
    expect(codeOf(() => giveVerdicts(empty, review))).toBe("joint_review.not_under_review");
    const h = underReview();
    expect(codeOf(() => giveVerdicts(h, { ...review, version: 2, measures: { m1: pass, m2: pass } }))).toBe(
      "joint_review.not_under_review",
    );
    const returned = answerAll(answer(h, "office", { measures: { m1: ret("不具体") } }), [
      "disciplineCommission",
      "organizationDept",
      "group",
    ]);
    expect(
      codeOf(() => giveVerdicts(returned, { ...review, party: "group", measures: { m1: pass, m2: pass } })),
    ).toBe("joint_review.not_under_review");
  });

  it("refuses a party that does not review the version, and a second answer from the same party", () => {
    const three = submit(empty, plan([measure("m1")]), [
      "office",
      "disciplineCommission",
      "organizationDept",
    ]);
    expect(
      codeOf(() => giveVerdicts(three, { party: "group", version: 1, whole: pass, measures: { m1: pass } })),
    ).toBe("joint_review.not_a_party");
    const h = answer(underReview(), "office");
    expect(
      codeOf(() =>
        giveVerdicts(h, { party: "office", version: 1, whole: pass, measures: { m1: pass, m2: pass } }),
      ),
    ).toBe("joint_review.already_reviewed");
  });

  it("requires a verdict on exactly the measures the party has to review", () => {
    const h = underReview();
    try {
      giveVerdicts(h, { party: "office", version: 1, whole: pass, measures: { m1: pass, m9: pass } });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        code: "joint_review.verdicts_invalid",
        details: { missing: ["m2"], unexpected: ["m9"] },
      });
    }
    // a measure whose pass stands is not reviewed again
    let r = answer(h, "office", { measures: { m1: ret("不具体") } });
    r = answerAll(r, ["disciplineCommission", "organizationDept", "group"]);
    r = submit(r, plan([measure("m1", { content: "具体措施" }), measure("m2")]));
    try {
      giveVerdicts(r, { party: "group", version: 2, whole: pass, measures: { m1: pass, m2: pass } });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        code: "joint_review.verdicts_invalid",
        details: { missing: [], unexpected: ["m2"] },
      });
    }
  });

  it("requires an opinion with every return", () => {
    const h = underReview();
    const base = { party: "office" as const, version: 1 };
    expect(
      codeOf(() => giveVerdicts(h, { ...base, whole: ret("  "), measures: { m1: pass, m2: pass } })),
    ).toBe("joint_review.opinion_required");
    try {
      giveVerdicts(h, { ...base, whole: pass, measures: { m1: pass, m2: ret("") } });
      expect.unreachable();
    } catch (e) {
      expect(e).toMatchObject({
        code: "joint_review.opinion_required",
        details: { whole: false, measureIds: ["m2"] },
      });
    }
  });

  it("leaves the history untouched when refusing", () => {
    const h = underReview();
    const snapshot = structuredClone(h);
    codeOf(() => giveVerdicts(h, { party: "office", version: 1, whole: ret(""), measures: {} }));
    expect(h).toEqual(snapshot);
  });
});

describe("joint review: diffs and counts", () => {
  it("diffs whole fields and measures; arrays by value; a missing field equals null", () => {
    const a = {
      number: 1,
      whole: { summary: "甲", files: ["x", "y"] },
      measures: [measure("m1", { note: null })],
    };
    const b = {
      number: 2,
      whole: { summary: "甲", files: ["x", "y"], signedBy: "王书记" },
      measures: [measure("m1")],
    };
    expect(diffVersions(a, b)).toEqual({
      from: 1,
      to: 2,
      whole: [{ field: "signedBy", before: null, after: "王书记" }],
      measures: [],
      unchanged: ["m1"],
    });
    const c = { ...b, number: 3, whole: { summary: "甲", files: ["y", "x"] } };
    expect(diffVersions(b, c).whole).toEqual([
      { field: "files", before: ["x", "y"], after: ["y", "x"] },
      { field: "signedBy", before: "王书记", after: null },
    ]);
  });

  it("counts decided versions, returns and opinions", () => {
    let h = submit(empty, plan([measure("m1"), measure("m2")]));
    h = answer(h, "office", { measures: { m1: ret("甲"), m2: ret("乙") }, whole: ret("丙") });
    h = answer(h, "group", { whole: { decision: "pass", opinion: "同意" } });
    h = answerAll(h, ["disciplineCommission", "organizationDept"]);
    h = submit(h, plan([measure("m1", { content: "改" }), measure("m2", { content: "改" })]));
    h = answer(h, "office");
    expect(jointReviewCounts(h)).toEqual({ reviewed: 1, returned: 1, opinions: 4, returnVerdicts: 3 });
    h = answerAll(h, ["disciplineCommission", "organizationDept", "group"]);
    expect(jointReviewCounts(h)).toEqual({ reviewed: 2, returned: 1, opinions: 4, returnVerdicts: 3 });
  });
});

describe("joint review setting", () => {
  it("defaults to the four parties", () => {
    expect(jointReviewSetting.defaults()).toEqual({
      parties: ["office", "disciplineCommission", "organizationDept", "group"],
    });
    expect(jointReviewSetting.schema.safeParse(jointReviewSetting.defaults()).success).toBe(true);
  });
  it("accepts two or three parties with the office; refuses fewer, none without the office, repeated or unknown parties", () => {
    const ok = (parties: unknown) => jointReviewSetting.schema.safeParse({ parties }).success;
    expect(ok(["office", "disciplineCommission", "organizationDept"])).toBe(true);
    expect(ok(["group", "office"])).toBe(true);
    expect(ok([])).toBe(false);
    expect(ok(["office"])).toBe(false);
    expect(ok(["disciplineCommission", "organizationDept", "group"])).toBe(false);
    expect(ok(["office", "office"])).toBe(false);
    expect(ok(["office", "leadership"])).toBe(false);
    expect(jointReviewSetting.schema.safeParse({ parties: ["office"], extra: 1 }).success).toBe(false);
  });
});

describe("joint review properties", () => {
  // the office and at least one other party, in any order
  const partiesArb = fc
    .subarray(
      REVIEW_PARTIES.filter((p) => p !== "office"),
      { minLength: 1 },
    )
    .chain((others) =>
      fc.shuffledSubarray(["office" as ReviewParty, ...others], { minLength: others.length + 1 }),
    );
  const idsArb = fc
    .uniqueArray(fc.integer({ min: 1, max: 30 }), { minLength: 1, maxLength: 8 })
    .map((ns) => ns.map((n) => `m${n}`));

  it("a version passes iff nobody returned anything; a return gathers every return verdict", () => {
    fc.assert(
      fc.property(
        partiesArb,
        idsArb,
        fc.infiniteStream(fc.boolean()),
        fc.infiniteStream(fc.integer({ min: 0, max: 9 })),
        (parties, ids, wholes, draws) => {
          let h = submit(empty, plan(ids.map((id) => measure(id))), parties);
          let returns = 0;
          for (const p of parties) {
            const wholeReturns = wholes.next().value as boolean;
            const measures = Object.fromEntries(
              ids.map((id) => [id, (draws.next().value as number) === 0 ? ret(`${p}:${id}`) : pass]),
            );
            returns +=
              Number(wholeReturns) + Object.values(measures).filter((v) => v.decision === "return").length;
            expect(jointReviewState(h).status).toBe("underReview");
            h = answer(h, p, { whole: wholeReturns ? ret(`${p}:whole`) : pass, measures });
          }
          const state = jointReviewState(h);
          expect(state.status).toBe(returns > 0 ? "returned" : "passed");
          expect(state.returned?.returns ?? 0).toBe(returns);
        },
      ),
    );
  });

  it("after a return, each party reviews exactly the added, changed and not-passed measures", () => {
    fc.assert(
      fc.property(
        partiesArb,
        idsArb,
        fc.infiniteStream(fc.integer({ min: 0, max: 3 })),
        fc.integer({ min: 0, max: 3 }),
        (parties, ids, draws, added) => {
          const next = () => draws.next().value as number;
          let h = submit(empty, plan(ids.map((id) => measure(id))), parties);
          const returnedBy = new Map<ReviewParty, Set<string>>();
          for (const [i, p] of parties.entries()) {
            const mine = new Set(ids.filter(() => next() === 0));
            returnedBy.set(p, mine);
            // the first party always returns the whole, so the version is returned
            const measures = Object.fromEntries(ids.map((id) => [id, mine.has(id) ? ret("改") : pass]));
            h = answer(h, p, { whole: i === 0 ? ret("重做") : pass, measures });
          }
          expect(jointReviewState(h).status).toBe("returned");
          // revise: 0 keep, 1 change, 2 remove, 3 keep; then add some new measures
          const fate = new Map(ids.map((id) => [id, next()]));
          const kept = ids.filter((id) => fate.get(id) !== 2);
          const newIds = Array.from({ length: added }, (_, k) => `n${k}`);
          const v2 = [
            ...kept.map((id) => measure(id, fate.get(id) === 1 ? { content: `改后${id}` } : {})),
            ...newIds.map((id) => measure(id)),
          ];
          if (v2.length === 0) return;
          h = submit(h, plan(v2), parties);
          for (const p of parties) {
            const expected = v2
              .map((m) => m.id)
              .filter((id) => newIds.includes(id) || fate.get(id) === 1 || returnedBy.get(p)!.has(id));
            const status = party(h, p);
            expect(status.toReview).toEqual(expected);
            expect(status.standing.map((s) => s.measureId)).toEqual(
              v2.map((m) => m.id).filter((id) => !expected.includes(id)),
            );
            const changed = status.changes.measures;
            expect(changed.filter((c) => c.kind === "added").map((c) => c.id)).toEqual(newIds);
            expect(changed.filter((c) => c.kind === "removed").map((c) => c.id)).toEqual(
              ids.filter((id) => fate.get(id) === 2),
            );
            expect(changed.filter((c) => c.kind === "changed").map((c) => c.id)).toEqual(
              kept.filter((id) => fate.get(id) === 1),
            );
          }
        },
      ),
    );
  });

  it("diff is empty against itself and mirrors when reversed", () => {
    const versionArb = (n: number) =>
      fc
        .record({
          ids: idsArb,
          contents: fc.array(fc.constantFrom("甲", "乙", "丙"), { minLength: 8, maxLength: 8 }),
          summary: fc.constantFrom("一", "二"),
        })
        .map(({ ids, contents, summary }) => ({
          number: n,
          whole: { summary },
          measures: ids.map((id, i) => measure(id, { content: contents[i]! })),
        }));
    fc.assert(
      fc.property(versionArb(1), versionArb(2), (a, b) => {
        const self = diffVersions(a, { ...a, number: 2 });
        expect(self.measures).toEqual([]);
        expect(self.whole).toEqual([]);
        const ab = diffVersions(a, b);
        const ba = diffVersions(b, a);
        const ids = (d: typeof ab, kind: string) =>
          d.measures
            .filter((c) => c.kind === kind)
            .map((c) => c.id)
            .sort();
        expect(ids(ab, "added")).toEqual(ids(ba, "removed"));
        expect(ids(ab, "removed")).toEqual(ids(ba, "added"));
        expect(ids(ab, "changed")).toEqual(ids(ba, "changed"));
        expect([...ab.unchanged].sort()).toEqual([...ba.unchanged].sort());
      }),
    );
  });
});
