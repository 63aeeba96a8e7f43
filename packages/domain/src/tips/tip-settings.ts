import { z } from "zod";
import { defineSetting } from "../committee-settings/setting";
import { CIPHERS } from "../crypto/seal";
import { TIP_FILE_LIMIT_BOUNDS } from "../model/tips";

const limit = (key: keyof typeof TIP_FILE_LIMIT_BOUNDS) =>
  z.number().int().min(TIP_FILE_LIMIT_BOUNDS[key].min).max(TIP_FILE_LIMIT_BOUNDS[key].max);

/**
 * The committee's tip settings: the cipher of new tips (SM4 by default, AES-256-GCM as an option;
 * each tip records its own) and the attachment limits of the public form.
 */
export const tipSettingDef = defineSetting({
  key: "tips",
  label: "信访举报（加密算法与附件限制）",
  schema: z.strictObject({
    cipher: z.enum(CIPHERS),
    maxFiles: limit("maxFiles"),
    maxFileMb: limit("maxFileMb"),
    maxTotalMb: limit("maxTotalMb"),
  }),
  defaults: () => ({ cipher: "sm4" as const, maxFiles: 9, maxFileMb: 20, maxTotalMb: 60 }),
});
