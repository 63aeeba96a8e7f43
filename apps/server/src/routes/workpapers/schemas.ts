import { WORKPAPER_SOURCES } from "@xuncha/domain/model";
import { z } from "zod";
import { text } from "../schemas";

/** The workpaper's editable fields, shared by the finding's creation and the workpaper's edit. */
export const workpaperFields = {
  source: z.enum(WORKPAPER_SOURCES.keys).optional(),
  sourceRecordId: z.uuid().nullable().optional(),
  summary: z.string().trim().max(20000, "底稿摘要不能超过 20000 个字").optional(),
  persons: z
    .array(
      z.strictObject({
        name: text("涉及人员姓名", 50),
        post: z.string().trim().max(200, "职务不能超过 200 个字"),
      }),
    )
    .max(50)
    .optional(),
};
