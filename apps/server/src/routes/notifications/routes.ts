import { listNotifications, readAllNotifications, readNotification } from "@xuncha/domain";
import { z } from "zod";
import { anyAccount } from "../../http/access";
import { ctxOf } from "../context";
import { idParam } from "../schemas";
import type { App } from "../types";

const tags = ["notifications"];

/** The logged-in account's own in-app notifications. */
export async function notificationsRoutes(app: App) {
  app.get(
    "/notifications",
    {
      config: anyAccount(),
      schema: {
        tags,
        querystring: z.strictObject({
          unread: z
            .enum(["true", "false"])
            .transform((v) => v === "true")
            .optional(),
          limit: z.coerce.number().int().min(1).max(200).optional(),
        }),
      },
    },
    (req) => listNotifications(ctxOf(req), req.query),
  );

  app.post("/notifications/read-all", { config: anyAccount(), schema: { tags } }, (req) =>
    readAllNotifications(ctxOf(req)),
  );

  app.post("/notifications/:id/read", { config: anyAccount(), schema: { tags, params: idParam } }, (req) =>
    readNotification(ctxOf(req), req.params.id),
  );
}
