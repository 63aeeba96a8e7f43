import { describe, expect, it } from "vitest";
import {
  type TipSettings,
  type TipSettingsDraft,
  tipSettingErrors,
  tipSettingWarnings,
} from "./tip-settings";

const defaults = (): TipSettings => ({ cipher: "sm4", maxFiles: 9, maxFileMb: 20, maxTotalMb: 60 });

describe("tipSettingErrors", () => {
  it("accepts the defaults, the other cipher and every bound of the server's schema", () => {
    expect(tipSettingErrors(defaults())).toEqual({});
    expect(tipSettingErrors({ ...defaults(), cipher: "aes-256-gcm" })).toEqual({});
    expect(tipSettingErrors({ cipher: "sm4", maxFiles: 0, maxFileMb: 1, maxTotalMb: 1 })).toEqual({});
    expect(tipSettingErrors({ cipher: "sm4", maxFiles: 20, maxFileMb: 200, maxTotalMb: 500 })).toEqual({});
  });

  it("refuses one past each bound, with the range in the message", () => {
    expect(tipSettingErrors({ cipher: "sm4", maxFiles: -1, maxFileMb: 0, maxTotalMb: 0 })).toEqual({
      maxFiles: "每次提交的附件数量上限须在 0 至 20 个之间",
      maxFileMb: "单个附件大小上限须在 1 至 200 MB 之间",
      maxTotalMb: "每次提交的附件合计大小上限须在 1 至 500 MB 之间",
    });
    expect(tipSettingErrors({ cipher: "sm4", maxFiles: 21, maxFileMb: 201, maxTotalMb: 501 })).toEqual({
      maxFiles: "每次提交的附件数量上限须在 0 至 20 个之间",
      maxFileMb: "单个附件大小上限须在 1 至 200 MB 之间",
      maxTotalMb: "每次提交的附件合计大小上限须在 1 至 500 MB 之间",
    });
  });

  it("refuses empty fields, fractions and an unknown cipher", () => {
    const draft: TipSettingsDraft = { cipher: null, maxFiles: null, maxFileMb: 2.5, maxTotalMb: 60 };
    expect(tipSettingErrors(draft)).toEqual({
      cipher: "请选择加密算法",
      maxFiles: "请填写每次提交的附件数量上限（0 至 20 个）",
      maxFileMb: "单个附件大小上限须为整数",
    });
    expect(tipSettingErrors({ ...defaults(), cipher: "des" as never }).cipher).toBe("请选择加密算法");
    expect(tipSettingErrors({ ...defaults(), maxTotalMb: Number.NaN }).maxTotalMb).toBe(
      "请填写每次提交的附件合计大小上限（1 至 500 MB）",
    );
  });
});

describe("tipSettingWarnings", () => {
  it("says nothing about the defaults", () => {
    expect(tipSettingWarnings(defaults())).toEqual([]);
  });

  it("warns about no attachments, the system's caps and a single file larger than the total", () => {
    expect(tipSettingWarnings({ ...defaults(), maxFiles: 0, maxFileMb: 80 })).toEqual([
      "附件数量上限为 0：举报人将不能上传任何附件，只能提交文字。",
      "单个附件上限超过系统默认上传上限（20 MB）：请先确认系统管理员已相应调高上传上限，否则较大的附件仍无法提交。",
    ]);
    const w = tipSettingWarnings({ ...defaults(), maxFiles: 11, maxFileMb: 20, maxTotalMb: 10 });
    expect(w).toHaveLength(2);
    expect(w[0]).toContain("系统每次提交最多接收 10 个附件");
    expect(w[1]).toBe("单个附件上限（20 MB）大于合计上限（10 MB）：实际单个附件最大只能为 10 MB。");
  });
});
