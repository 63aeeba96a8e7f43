import { describe, expect, it } from "vitest";
import { ApiError, filenameFromDisposition, importRowErrors, parseApiError } from "./api-error";

describe("parseApiError", () => {
  it("keeps the server's code, Chinese message and details", () => {
    const e = parseApiError(409, {
      error: { code: "group.target_taken", message: "甲 已分配给本轮其他巡察组", details: { x: 1 } },
    });
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(409);
    expect(e.code).toBe("group.target_taken");
    expect(e.message).toBe("甲 已分配给本轮其他巡察组");
    expect(e.details).toEqual({ x: 1 });
  });

  it("falls back to the code's default message when the message is empty", () => {
    const e = parseApiError(404, { error: { code: "round.not_found", message: "" } });
    expect(e.message).toBe("巡察轮次不存在");
  });

  it("gives a Chinese message from the status for bodies that are not the error shape", () => {
    expect(parseApiError(502, "<html>Bad Gateway</html>").message).toBe("服务器暂时无法访问，请稍后再试");
    expect(parseApiError(500, undefined).code).toBe("http.500");
    expect(parseApiError(418, null).message).toBe("请求失败（418）");
    expect(parseApiError(599, {}).message).toBe("服务器内部错误");
  });

  it("marks network failures (status 0)", () => {
    const e = parseApiError(0, undefined);
    expect(e.code).toBe("network");
    expect(e.message).toContain("无法连接服务器");
  });
});

describe("importRowErrors", () => {
  it("reads the bad rows from { errors: [...] } and from a bare array", () => {
    const rows = [{ row: 3, column: "党组织名称", message: "不能为空" }];
    expect(importRowErrors({ errors: rows })).toEqual(rows);
    expect(importRowErrors(rows)).toEqual(rows);
  });

  it("skips entries without a row number and fills missing texts", () => {
    expect(importRowErrors([{ row: "7" }, { column: "x" }, null, "bad"])).toEqual([
      { row: 7, column: "", message: "" },
    ]);
    expect(importRowErrors({ missingColumns: ["党组织名称"] })).toEqual([]);
    expect(importRowErrors(undefined)).toEqual([]);
  });
});

describe("filenameFromDisposition", () => {
  it("prefers the UTF-8 file name", () => {
    const header = `attachment; filename="targets.xlsx"; filename*=UTF-8''${encodeURIComponent("被巡察对象库.xlsx")}`;
    expect(filenameFromDisposition(header, "x")).toBe("被巡察对象库.xlsx");
  });

  it("uses the plain file name or the fallback", () => {
    expect(filenameFromDisposition('attachment; filename="a.xlsx"', "x")).toBe("a.xlsx");
    expect(filenameFromDisposition(null, "导出.xlsx")).toBe("导出.xlsx");
    expect(filenameFromDisposition("attachment", "导出.xlsx")).toBe("导出.xlsx");
  });
});
