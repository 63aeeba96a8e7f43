import { addMeasure, closeOut, getLedger, reopenFinding, reportProgress } from "@xuncha/domain";
import { COMPLETIONS } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { idParam, isoDate, longText, text } from "../schemas";
import type { App } from "../types";

const STATES = ["noPlan", "inProgress", "overdue", "reported", "closed"] as const;

export async function rectificationRoutes(app: App) {
  app.get(
    "/rectification/ledger",
    {
      config: roles(
        "leadership",
        "officeStaff",
        "disciplineReviewer",
        "organizationReviewer",
        "targetContact",
      ),
      schema: {
        tags: ["rectification"],
        querystring: z.strictObject({
          roundId: z.uuid().optional(),
          targetId: z.uuid().optional(),
          state: z.enum(STATES).optional(),
        }),
      },
    },
    (req) => getLedger(ctxOf(req), req.query),
  );

  app.post(
    "/findings/:id/measures",
    {
      config: roles("targetContact"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({
          content: longText("整改措施"),
          goal: z.string().trim().max(2000).optional(),
          responsibleLeader: z.string().trim().max(50).optional(),
          responsibleDept: z.string().trim().max(100).optional(),
          responsiblePerson: text("责任人", 50),
          deadline: isoDate,
          longTerm: z.boolean().optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await addMeasure(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    "/measures/:id/progress",
    {
      config: roles("targetContact"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({
          reportedOn: isoDate,
          content: longText("整改进展"),
          completion: z.enum(COMPLETIONS.keys),
          fileIds: z.array(z.uuid()).max(20).optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await reportProgress(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    "/findings/:id/close-out",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({ note: z.string().trim().max(2000).optional() }),
      },
    },
    async (req) => {
      await closeOut(ctxOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );

  app.post(
    "/findings/:id/reopen",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({ reason: text("重新打开的理由", 2000) }),
      },
    },
    async (req) => {
      await reopenFinding(ctxOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
}
