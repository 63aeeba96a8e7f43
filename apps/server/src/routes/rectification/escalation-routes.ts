import { acknowledgeEscalation, listEscalations, readEscalationLetter, sweepNow } from "@xuncha/domain";
import { ESCALATION_STEPS } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendFile } from "../files/routes";
import { idParam, isoDate } from "../schemas";
import type { App } from "../types";

const tags = ["rectification"];
const READERS = ["leadership", "officeStaff", "targetContact"] as const;

/** 督办: the steps taken by the escalation sweep, their letters, the target's acknowledgement, the manual sweep. */
export async function escalationRoutes(app: App) {
  app.get(
    "/rectification/escalations",
    {
      config: roles(...READERS),
      schema: {
        tags,
        querystring: z.strictObject({
          acknowledged: z
            .enum(["true", "false"])
            .transform((v) => v === "true")
            .optional(),
          targetId: z.uuid().optional(),
          roundId: z.uuid().optional(),
          step: z.enum(ESCALATION_STEPS).optional(),
          from: isoDate.optional(),
          to: isoDate.optional(),
        }),
      },
    },
    (req) => listEscalations(ctxOf(req), req.query),
  );

  app.get(
    "/rectification/escalations/:id/letter",
    { config: roles(...READERS), schema: { tags, params: idParam } },
    async (req, reply) => sendFile(reply, await readEscalationLetter(ctxOf(req), req.params.id)),
  );

  app.post(
    "/rectification/escalations/:id/acknowledge",
    { config: roles("targetContact"), schema: { tags, params: idParam } },
    (req) => acknowledgeEscalation(ctxOf(req), req.params.id),
  );

  app.post("/rectification/sweep", { config: roles("officeStaff"), schema: { tags } }, (req) =>
    sweepNow(ctxOf(req)),
  );
}
