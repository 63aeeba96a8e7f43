import { z } from "zod";
import { defineSetting } from "../committee-settings/setting";
import { CIPHERS } from "../crypto/seal";

/**
 * The committee's tip settings: the cipher of new tips (SM4 by default, AES-256-GCM as an option;
 * each tip records its own) and the attachment limits of the public form.
 */
export const tipSettingDef = defineSetting({
  key: "tips",
  label: "信访举报（加密算法与附件限制）",
  schema: z.strictObject({
    cipher: z.enum(CIPHERS),
    maxFiles: z.number().int().min(0).max(20),
    maxFileMb: z.number().int().min(1).max(200),
    maxTotalMb: z.number().int().min(1).max(500),
  }),
  defaults: () => ({ cipher: "sm4" as const, maxFiles: 9, maxFileMb: 20, maxTotalMb: 60 }),
});
