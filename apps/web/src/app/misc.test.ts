import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { flattenCommittees } from "../modules/admin/api";
import { actionLabel } from "../modules/audit/audit-labels";
import { routeText } from "../modules/findings/finding-labels";
import { schemeAndCategory, taxonomyOptions } from "../modules/findings/taxonomy-options";
import { membersOf } from "../modules/rounds/group-members";
import { draftStore } from "./draft";
import { homePath, navItemsFor, selectedNavPath } from "./navigation";
import { asPaged } from "./paged";
import { withQuery } from "./query";
import type { Me } from "./session";

describe("withQuery", () => {
  it("drops empty values and encodes the rest", () => {
    expect(withQuery("/findings", { roundId: "a", q: "", status: undefined, page: 2 })).toBe(
      "/findings?roundId=a&page=2",
    );
    expect(withQuery("/x", { q: "县 教育局&" })).toBe("/x?q=%E5%8E%BF+%E6%95%99%E8%82%B2%E5%B1%80%26");
    expect(withQuery("/x")).toBe("/x");
    expect(withQuery("/x?a=1", { b: false })).toBe("/x?a=1&b=false");
  });
});

describe("asPaged", () => {
  it("reads arrays and pages the same way", () => {
    expect(asPaged([1, 2])).toEqual({ items: [1, 2], total: 2 });
    expect(asPaged({ items: [1], total: 40 })).toEqual({ items: [1], total: 40 });
    expect(asPaged(undefined)).toEqual({ items: [], total: 0 });
  });
});

describe("membersOf", () => {
  it("lists the leader first and each person once", () => {
    expect(
      membersOf({ leader: "p1", deputies: ["p2", "p1"], members: ["p3"], liaisons: ["p3", "p4"] }),
    ).toEqual([
      { personId: "p1", role: "leader" },
      { personId: "p2", role: "deputy" },
      { personId: "p3", role: "member" },
      { personId: "p4", role: "liaison" },
    ]);
  });
});

describe("taxonomy", () => {
  it("offers every scheme with its categories", () => {
    const options = taxonomyOptions();
    expect(options[0]?.label).toBe("六大纪律");
    expect(options[0]?.children?.[0]).toEqual({ value: "sixDisciplines.1", label: "政治纪律" });
  });

  it("accepts only a known scheme and category pair", () => {
    expect(schemeAndCategory(["sixDisciplines", "sixDisciplines.3"])).toEqual({
      scheme: "sixDisciplines",
      category: "sixDisciplines.3",
    });
    expect(schemeAndCategory(["sixDisciplines", "threeFocuses.1"])).toBeUndefined();
    expect(schemeAndCategory(["sixDisciplines"])).toBeUndefined();
    expect(schemeAndCategory("x")).toBeUndefined();
  });
});

describe("routeText", () => {
  it("names the decision and the receiving department", () => {
    expect(routeText(null)).toBe("待决定");
    expect(routeText("department", "县委组织部")).toBe("移交职能部门（县委组织部）");
    expect(routeText("clue")).toBe("移交线索");
  });
});

describe("actionLabel", () => {
  it("translates known actions and keeps unknown ones", () => {
    expect(actionLabel("finding.approve")).toBe("审批通过问题");
    expect(actionLabel("target.import")).toBe("导入被巡察对象");
    expect(actionLabel("something.odd")).toBe("something.odd");
  });

  it("reads in Chinese for every action the domain records", () => {
    const root = fileURLToPath(new URL("../../../../packages/domain/src", import.meta.url));
    const actions = new Set<string>(["disclosure.submit", "disclosure.approve", "disclosure.return"]);
    for (const kind of ["docReview", "visit"]) {
      actions.add(`fieldwork.${kind}.create`);
      actions.add(`fieldwork.${kind}.update`);
    }
    for (const file of readdirSync(root, { recursive: true, encoding: "utf8" })) {
      if (!file.endsWith(".ts") || file.endsWith(".test.ts")) continue;
      for (const m of readFileSync(join(root, file), "utf8").matchAll(/action: "([a-z_A-Z]+\.[a-z_A-Z.]+)"/g))
        actions.add(m[1]!);
    }
    expect(actions.size).toBeGreaterThan(100);
    const untranslated = [...actions].filter((a) => actionLabel(a) === a).sort();
    expect(untranslated).toEqual([]);
  });
});

describe("draftStore", () => {
  it("saves, loads and clears drafts, and survives broken storage", () => {
    const map = new Map<string, string>();
    const store = draftStore({
      getItem: (k) => map.get(k) ?? null,
      setItem: (k, v) => void map.set(k, v),
      removeItem: (k) => void map.delete(k),
    });
    store.save("f", { title: "甲" });
    expect(store.load<{ title: string }>("f")).toEqual({ title: "甲" });
    store.clear("f");
    expect(store.load("f")).toBeUndefined();
    map.set("xuncha.draft.g", "{broken");
    expect(store.load("g")).toBeUndefined();
    const throwing = draftStore({
      getItem: () => {
        throw new Error("denied");
      },
      setItem: () => {
        throw new Error("full");
      },
      removeItem: () => {
        throw new Error("denied");
      },
    });
    expect(() => throwing.save("f", 1)).not.toThrow();
    expect(throwing.load("f")).toBeUndefined();
  });
});

const me = (roles: Me["grants"][number]["role"][], menu: Me["menu"]): Me => ({
  account: { id: "a", name: "甲", committeeId: "c", committeeName: "某县委" },
  grants: roles.map((role) => ({ role, label: role, committeeId: "c" })),
  menu,
  csrfToken: "t",
});

describe("navigation", () => {
  it("follows the menu, with role-specific pages", () => {
    const office = me(
      ["officeStaff"],
      ["dashboard", "targets", "personnel", "rounds", "findings", "rectification"],
    );
    const paths = navItemsFor(office).map((i) => i.path);
    expect(paths).toContain("/feedback");
    expect(paths).toContain("/rectification");
    expect(paths).not.toContain("/rectification/mine");
    expect(homePath(office)).toBe("/dashboard");
  });

  it("sends a target contact to their own rectification page", () => {
    const contact = me(["targetContact"], ["rectification"]);
    expect(navItemsFor(contact).map((i) => i.path)).toEqual([
      "/rectification/mine",
      "/rectification/immediate-fixes",
      "/rectification/my-escalations",
      "/rectification/follow-up",
    ]);
    expect(homePath(contact)).toBe("/rectification/mine");
  });

  it("gives the security admin the security settings, not the system admin", () => {
    expect(navItemsFor(me(["securityAdmin"], ["accounts"])).map((i) => i.path)).toEqual([
      "/admin/accounts",
      "/admin/security",
    ]);
    expect(navItemsFor(me(["sysAdmin"], ["committees", "accounts"])).map((i) => i.path)).toEqual([
      "/admin/committees",
      "/admin/accounts",
    ]);
    expect(homePath(me([], []))).toBe("/no-access");
  });

  it("selects the longest matching entry", () => {
    const items = navItemsFor(me(["officeStaff"], ["rounds", "rectification"]));
    expect(selectedNavPath(items, "/rounds/123")).toBe("/rounds");
    expect(selectedNavPath(items, "/rectification/escalations")).toBe("/rectification/escalations");
    expect(selectedNavPath(items, "/elsewhere")).toBeUndefined();
  });
});

describe("flattenCommittees", () => {
  it("lists each committee before its lower ones, with depth and upper name", () => {
    const flat = flattenCommittees([
      {
        id: "city",
        name: "市委",
        level: "city",
        parentId: null,
        children: [{ id: "county", name: "县委", level: "county", parentId: "city", children: [] }],
      },
    ]);
    expect(flat.map((c) => [c.id, c.depth, c.parentName])).toEqual([
      ["city", 0, null],
      ["county", 1, "市委"],
    ]);
    expect(flattenCommittees(undefined)).toEqual([]);
  });
});
