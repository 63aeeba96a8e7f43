import {
  listOverdueWorkItems,
  listRoundWorkItems,
  markWorkItem,
  moveRoundStage,
  syncWorkItems,
} from "@xuncha/domain";
import { ROUND_STAGES } from "@xuncha/domain/model";
import { z } from "zod";
import { anyAccount, roles } from "../../http/access";
import { ctxOf } from "../context";
import { idParam, isoDate } from "../schemas";
import type { App } from "../types";

export async function workItemsRoutes(app: App) {
  // Any account: the domain decides what of the round the actor sees (office, leading group,
  // 纪委监委, 组织部: all; a group: its own; a target's contact: its target's), else 404.
  app.get(
    "/rounds/:id/work-items",
    { config: anyAccount(), schema: { tags: ["work-items"], params: idParam } },
    (req) => listRoundWorkItems(ctxOf(req), req.params.id),
  );

  app.post(
    "/rounds/:id/work-items/sync",
    { config: roles("officeStaff"), schema: { tags: ["work-items"], params: idParam } },
    (req) => syncWorkItems(ctxOf(req), req.params.id),
  );

  app.post(
    "/rounds/:id/stage",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["work-items"],
        params: idParam,
        body: z.strictObject({
          stage: z.enum(ROUND_STAGES.keys),
          confirmOpenItems: z.boolean().optional(),
        }),
      },
    },
    (req) => moveRoundStage(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/work-items/overdue",
    { config: roles("officeStaff", "leadership"), schema: { tags: ["work-items"] } },
    (req) => listOverdueWorkItems(ctxOf(req)),
  );

  app.patch(
    "/work-items/:id",
    {
      config: anyAccount(),
      schema: {
        tags: ["work-items"],
        params: idParam,
        body: z.strictObject({
          done: z.boolean(),
          doneOn: isoDate.optional(),
          note: z.string().trim().max(500, "备注不能超过 500 个字").optional(),
        }),
      },
    },
    (req) => markWorkItem(ctxOf(req), req.params.id, req.body),
  );
}
