import { describe, expect, it } from "vitest";
import { rectificationState } from "./rectification-state";

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
