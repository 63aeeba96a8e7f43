import { describe, expect, it } from "vitest";
import { baseOrgName, inferTargetCategory, matchTownship } from "./target-category";

describe("inferTargetCategory", () => {
  it.each([
    ["党支部", "城关镇东关村党支部", "village"],
    ["村(社区)党组织", "东关村", "village"],
    ["党委", "城关街道东风社区党委", "community"],
    ["村（社区）党组织", "东风社区", "community"],
    ["党委", "城关镇党委", "township"],
    ["党工委", "城关街道党工委", "township"],
    ["党委", "中共石桥乡委员会", "township"],
    ["国有企业党委", "县城投党委", "stateEnterprise"],
    ["党委", "县交通投资集团有限公司党委", "stateEnterprise"],
    ["党总支", "县第一中学党总支", "school"],
    ["党支部", "城关镇中心小学党支部", "school"],
    ["党支部", "县实验幼儿园党支部", "school"],
    ["党委", "县人民医院党委", "hospital"],
    ["党支部", "城关镇卫生院党支部", "hospital"],
    ["党组", "县农业农村局党组", "department"],
    ["党组", "县教育局党组", "department"],
    ["", "县发展和改革委员会", "department"],
  ])("%s %s → %s", (orgForm, name, category) => {
    expect(inferTargetCategory(orgForm, name)).toBe(category);
  });
});

describe("matchTownship", () => {
  const townships = [
    { id: "t1", name: "城关镇党委" },
    { id: "t2", name: "石桥乡党委" },
    { id: "t3", name: "城关街道党工委" },
  ];

  it("recognizes a township however its 上级党组织 is written", () => {
    expect(baseOrgName("中共城关镇委员会")).toBe("城关镇");
    expect(matchTownship(townships, "中共城关镇委员会")).toBe("t1");
    expect(matchTownship(townships, "石桥乡")).toBe("t2");
    expect(matchTownship(townships, "××县石桥乡党委")).toBe("t2");
    expect(matchTownship(townships, "城关街道办事处党工委")).toBe("t3");
  });

  it("links nothing when no township or several match", () => {
    expect(matchTownship(townships, "县教育局党组")).toBeNull();
    expect(matchTownship(townships, "")).toBeNull();
    expect(matchTownship([...townships, { id: "t4", name: "城关镇委员会" }], "城关镇")).toBeNull();
  });
});
