import { describe, expect, it } from "vitest";
import { approvedParties, closeOutParties, rectificationState } from "./rectification-state";

const today = "2026-11-23";

describe("rectificationState", () => {
  it("is closed once closed out, whatever the measures say", () => {
    expect(rectificationState(true, [{ deadline: "2026-01-01", latest: undefined }], today)).toBe("closed");
  });
  it("has no plan without measures", () => {
    expect(rectificationState(false, [], today)).toBe("noPlan");
  });
  it("is reported when every measure's latest update is done, even past the deadline", () => {
    expect(
      rectificationState(
        false,
        [
          { deadline: "2026-01-01", latest: "done" },
          { deadline: "2027-01-01", latest: "done" },
        ],
        today,
      ),
    ).toBe("reported");
  });
  it("is overdue when a measure is past its deadline and not done", () => {
    expect(
      rectificationState(
        false,
        [
          { deadline: "2026-11-22", latest: "basicallyDone" },
          { deadline: "2027-01-01", latest: "done" },
        ],
        today,
      ),
    ).toBe("overdue");
  });
  it("is in progress on the deadline day itself", () => {
    expect(rectificationState(false, [{ deadline: today, latest: "unfinished" }], today)).toBe("inProgress");
  });
});

describe("close-out parties", () => {
  it("the office always; 组织部 for problems handed to it; 纪委监委 for problems routed as clues", () => {
    expect(closeOutParties({ route: "rectify", routeDept: "" })).toEqual(["office"]);
    expect(closeOutParties({ route: null, routeDept: "" })).toEqual(["office"]);
    expect(closeOutParties({ route: "department", routeDept: "组织部" })).toEqual([
      "office",
      "organizationDept",
    ]);
    for (const dept of ["县委组织部", "中共青山县委组织部 "]) {
      expect(closeOutParties({ route: "department", routeDept: dept })).toEqual([
        "office",
        "organizationDept",
      ]);
    }
    expect(closeOutParties({ route: "department", routeDept: "教育局" })).toEqual(["office"]);
    expect(closeOutParties({ route: "department", routeDept: "组织部门联络组（教育局）" })).toEqual([
      "office",
    ]);
    expect(closeOutParties({ route: "clue", routeDept: "" })).toEqual(["office", "disciplineCommission"]);
  });

  it("counts the approvals since the last reopening only", () => {
    const approve = (party: string) => ({ action: "approve", party });
    const other = (action: string) => ({ action, party: null });
    expect([...approvedParties([approve("office"), approve("organizationDept")])]).toEqual([
      "office",
      "organizationDept",
    ]);
    expect([
      ...approvedParties([approve("office"), approve("organizationDept"), other("close"), other("reopen")]),
    ]).toEqual([]);
    expect([...approvedParties([approve("office"), other("reopen"), approve("organizationDept")])]).toEqual([
      "organizationDept",
    ]);
  });
});
