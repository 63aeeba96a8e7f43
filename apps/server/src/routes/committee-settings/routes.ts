import {
  COMMITTEE_SETTING_KEYS,
  getCommitteeSetting,
  listCommitteeSettings,
  updateCommitteeSetting,
} from "@xuncha/domain";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import type { App } from "../types";

const keyParam = z.strictObject({ key: z.enum(COMMITTEE_SETTING_KEYS, "没有这个设置项") });

export async function committeeSettingsRoutes(app: App) {
  app.get(
    "/committee-settings",
    { config: roles("officeStaff", "leadership"), schema: { tags: ["committee-settings"] } },
    (req) => listCommitteeSettings(ctxOf(req)),
  );

  app.get(
    "/committee-settings/:key",
    {
      config: roles("officeStaff", "leadership"),
      schema: { tags: ["committee-settings"], params: keyParam },
    },
    (req) => getCommitteeSetting(ctxOf(req), req.params.key),
  );

  // The value is validated by the key's own schema in the domain (setting.invalid, 422); null
  // restores the default.
  app.put(
    "/committee-settings/:key",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["committee-settings"],
        params: keyParam,
        body: z.strictObject({ value: z.unknown() }),
      },
    },
    (req) => updateCommitteeSetting(ctxOf(req), req.params.key, { value: req.body.value ?? null }),
  );
}
