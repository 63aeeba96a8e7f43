import { describe, expect, it } from "vitest";
import type { Actor } from "../access/actor";
import { approvalBlocker, reviewerRole, workpaperCode } from "../model/workpapers";
import { workpaperAbilities } from "./workpaper-abilities";

const actor = (role: Actor["grants"][number]["role"], groupId = "g1", accountId = "me"): Actor => ({
  kind: "account",
  accountId,
  name: "x",
  committeeId: "c1",
  grants: [{ role, committeeId: "c1", groupId, roundId: "r1" }],
});
const draft = {
  groupId: "g1",
  status: "draft",
  route: null,
  feedbackId: null,
  roundOpen: true,
  hasDeputy: true,
  signers: [] as string[],
  reviewed: false,
};

describe("workpaperCode", () => {
  it.each([
    [1, 7, "第一组-007"],
    [2, 12, "第二组-012"],
    [10, 1, "第十组-001"],
    [12, 130, "第十二组-130"],
    [21, 1000, "第二十一组-1000"],
  ])("group %i, number %i → %s", (g, n, code) => expect(workpaperCode(g, n)).toBe(code));
});

describe("approvalBlocker", () => {
  it("needs two different signers, then the review", () => {
    expect(approvalBlocker({ signers: [], reviewed: true })).toBe("workpaper.signatures_required");
    expect(approvalBlocker({ signers: ["a"], reviewed: true })).toBe("workpaper.signatures_required");
    expect(approvalBlocker({ signers: ["a", "a"], reviewed: true })).toBe("workpaper.signatures_required");
    expect(approvalBlocker({ signers: ["a", "b"], reviewed: false })).toBe("workpaper.review_required");
    expect(approvalBlocker({ signers: ["a", "b"], reviewed: true })).toBeNull();
  });

  it("the deputy reviews; the leader where the group has no deputy", () => {
    expect(reviewerRole(true)).toBe("groupDeputy");
    expect(reviewerRole(false)).toBe("groupLeader");
  });
});

describe("workpaperAbilities", () => {
  it("lets every inspector of the group sign once, nobody of another group", () => {
    expect(workpaperAbilities(actor("groupMember"), draft)).toMatchObject({ sign: true, edit: true });
    expect(workpaperAbilities(actor("groupMember"), { ...draft, signers: ["me"] }).sign).toBe(false);
    expect(workpaperAbilities(actor("groupLeader"), draft).sign).toBe(true);
    expect(workpaperAbilities(actor("groupMember", "g2"), draft)).toMatchObject({ sign: false, edit: false });
    expect(workpaperAbilities(actor("officeStaff"), draft)).toMatchObject({ sign: false, edit: false });
  });

  it("lets the deputy review only once two have signed; the leader approves only after the review", () => {
    const deputy = actor("groupDeputy");
    const leader = actor("groupLeader");
    expect(workpaperAbilities(deputy, { ...draft, signers: ["a"] }).review).toBe(false);
    expect(workpaperAbilities(deputy, { ...draft, signers: ["a", "b"] }).review).toBe(true);
    expect(workpaperAbilities(leader, { ...draft, signers: ["a", "b"] })).toMatchObject({
      review: false,
      approve: false,
    });
    expect(workpaperAbilities(leader, { ...draft, signers: ["a", "b"], reviewed: true }).approve).toBe(true);
    expect(workpaperAbilities(deputy, { ...draft, signers: ["a", "b"], reviewed: true })).toMatchObject({
      review: false,
      approve: false,
    });
  });

  it("lets the leader review where the group has no deputy", () => {
    const leader = actor("groupLeader");
    const state = { ...draft, hasDeputy: false, signers: ["a", "b"] };
    expect(workpaperAbilities(leader, state).review).toBe(true);
    expect(workpaperAbilities(actor("groupMember"), state).review).toBe(false);
  });

  it("locks an approved workpaper; the leader reopens it until the leading group decides", () => {
    const leader = actor("groupLeader");
    const approved = { ...draft, status: "approved", signers: ["a", "b"], reviewed: true };
    expect(workpaperAbilities(leader, approved)).toMatchObject({ edit: false, sign: false, reopen: true });
    expect(workpaperAbilities(actor("groupMember"), approved).reopen).toBe(false);
    expect(workpaperAbilities(leader, { ...approved, route: "rectify" }).reopen).toBe(false);
    expect(workpaperAbilities(leader, { ...approved, roundOpen: false }).reopen).toBe(false);
  });

  it("gives the group nothing to do once the round is closed", () => {
    const closed = { ...draft, roundOpen: false, signers: ["a", "b"], reviewed: true };
    expect(Object.values(workpaperAbilities(actor("groupLeader"), closed)).some(Boolean)).toBe(false);
  });
});
