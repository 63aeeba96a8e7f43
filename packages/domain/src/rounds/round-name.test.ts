import { describe, expect, it } from "vitest";
import { chineseNumber, groupName, roundName } from "./round-name";

describe("Chinese numbering of rounds and groups", () => {
  it.each([
    [1, "一"],
    [10, "十"],
    [11, "十一"],
    [20, "二十"],
    [35, "三十五"],
  ])("%i → %s", (n, s) => expect(chineseNumber(n)).toBe(s));

  it("names rounds and groups as offices write them", () => {
    expect(roundName("十四届县委", 8)).toBe("十四届县委第八轮巡察");
    expect(groupName(3)).toBe("第三巡察组");
  });
});
