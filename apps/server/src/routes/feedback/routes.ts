import { giveFeedback, listFeedbacks } from "@xuncha/domain";
import { FEEDBACK_FORMS } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { isoDate } from "../schemas";
import type { App } from "../types";

export async function feedbackRoutes(app: App) {
  app.get(
    "/feedbacks",
    {
      config: roles("leadership", "officeStaff", "targetContact"),
      schema: { tags: ["feedback"], querystring: z.strictObject({ roundId: z.uuid().optional() }) },
    },
    (req) => listFeedbacks(ctxOf(req), req.query),
  );

  app.post(
    "/feedbacks",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["feedback"],
        body: z.strictObject({
          roundId: z.uuid(),
          targetId: z.uuid(),
          givenOn: isoDate,
          form: z.enum(FEEDBACK_FORMS.keys),
          requirements: z.string().trim().max(20000).default(""),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await giveFeedback(ctxOf(req), req.body)),
  );
}
