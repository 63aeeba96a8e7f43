import { describe, expect, it } from "vitest";
import type { Actor } from "../access/actor";
import { findingAbilities } from "./finding-abilities";

const actor = (grants: Actor["grants"]): Actor => ({
  kind: "account",
  accountId: "a",
  name: "x",
  committeeId: "c1",
  grants,
});
const draft = {
  committeeId: "c1",
  groupId: "g1",
  status: "draft",
  route: null,
  feedbackId: null,
  roundOpen: true,
};

describe("findingAbilities", () => {
  it("lets the leader of the finding's group approve or return a draft, and nobody else", () => {
    const leader = actor([{ role: "groupLeader", committeeId: "c1", groupId: "g1", roundId: "r1" }]);
    const otherLeader = actor([{ role: "groupLeader", committeeId: "c1", groupId: "g2", roundId: "r1" }]);
    const member = actor([{ role: "groupMember", committeeId: "c1", groupId: "g1", roundId: "r1" }]);
    expect(findingAbilities(leader, draft)).toMatchObject({ approve: true, return: true, edit: true });
    expect(findingAbilities(otherLeader, draft)).toMatchObject({
      approve: false,
      return: false,
      edit: false,
    });
    expect(findingAbilities(member, draft)).toMatchObject({ approve: false, edit: true });
    expect(findingAbilities(leader, { ...draft, status: "approved" })).toMatchObject({
      approve: false,
      edit: false,
    });
  });

  it("gives the group nothing to do once the round is closed", () => {
    const leader = actor([{ role: "groupLeader", committeeId: "c1", groupId: "g1", roundId: "r1" }]);
    expect(findingAbilities(leader, { ...draft, roundOpen: false })).toMatchObject({
      approve: false,
      return: false,
      edit: false,
    });
  });

  it("lets the leadership of the committee decide an approved, undecided, not fed-back finding", () => {
    const leadership = actor([{ role: "leadership", committeeId: "c1" }]);
    const approved = { ...draft, status: "approved" };
    expect(findingAbilities(leadership, approved).decide).toBe(true);
    expect(findingAbilities(leadership, { ...approved, route: "rectify" }).decide).toBe(false);
    expect(findingAbilities(leadership, { ...approved, feedbackId: "f" }).decide).toBe(false);
    expect(findingAbilities(leadership, draft).decide).toBe(false);
    expect(findingAbilities(actor([{ role: "leadership", committeeId: "c2" }]), approved).decide).toBe(false);
    expect(findingAbilities(actor([{ role: "officeStaff", committeeId: "c1" }]), approved).decide).toBe(
      false,
    );
  });
});
