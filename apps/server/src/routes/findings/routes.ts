import {
  approveFinding,
  createFinding,
  decideFinding,
  getFinding,
  listFindings,
  returnFinding,
  updateFinding,
} from "@xuncha/domain";
import { CLUE_RECEIVERS, FINDING_ROUTES, FINDING_STATUSES, SEVERITIES } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { idParam, longText, page, text } from "../schemas";
import type { App } from "../types";
import { workpaperFields } from "../workpapers/schemas";
import { immediateFixesRoutes } from "./immediate-fixes";

const GROUP = ["groupLeader", "groupDeputy", "groupMember"] as const;
const FINDING_VIEWERS = [
  ...GROUP,
  "leadership",
  "officeStaff",
  "disciplineReviewer",
  "organizationReviewer",
  "targetContact",
] as const;

const findingFields = {
  title: text("问题标题", 200),
  description: longText("问题描述"),
  scheme: z.string().min(1),
  category: z.string().min(1, "请选择问题类别"),
  severity: z.enum(SEVERITIES.keys),
};

export async function findingsRoutes(app: App) {
  app.get(
    "/findings",
    {
      config: roles(...FINDING_VIEWERS),
      schema: {
        tags: ["findings"],
        querystring: z.strictObject({
          roundId: z.uuid().optional(),
          groupId: z.uuid().optional(),
          targetId: z.uuid().optional(),
          status: z.enum(FINDING_STATUSES.keys).optional(),
          route: z.enum([...FINDING_ROUTES.keys, "undecided"]).optional(),
          q: z.string().max(100).optional(),
          ...page,
        }),
      },
    },
    (req) => listFindings(ctxOf(req), req.query),
  );

  app.post(
    "/findings",
    {
      config: roles(...GROUP),
      schema: {
        tags: ["findings"],
        body: z.strictObject({
          roundId: z.uuid(),
          targetId: z.uuid(),
          ...findingFields,
          fileIds: z.array(z.uuid()).max(20).optional(),
          /** The workpaper's source, summary and persons concerned (问题底稿). */
          workpaper: z.strictObject(workpaperFields).optional(),
        }),
      },
    },
    async (req, reply) => {
      const finding = await createFinding(ctxOf(req), req.body);
      return reply.status(201).send(await getFinding(ctxOf(req), finding.id));
    },
  );

  app.get(
    "/findings/:id",
    { config: roles(...FINDING_VIEWERS), schema: { tags: ["findings"], params: idParam } },
    (req) => getFinding(ctxOf(req), req.params.id),
  );

  app.patch(
    "/findings/:id",
    {
      config: roles(...GROUP),
      schema: { tags: ["findings"], params: idParam, body: z.strictObject(findingFields) },
    },
    async (req) => {
      await updateFinding(ctxOf(req), req.params.id, req.body);
      return getFinding(ctxOf(req), req.params.id);
    },
  );

  app.post(
    "/findings/:id/approve",
    { config: roles("groupLeader"), schema: { tags: ["findings"], params: idParam } },
    async (req) => {
      await approveFinding(ctxOf(req), req.params.id);
      return getFinding(ctxOf(req), req.params.id);
    },
  );

  app.post(
    "/findings/:id/return",
    {
      config: roles("groupLeader"),
      schema: {
        tags: ["findings"],
        params: idParam,
        body: z.strictObject({ reason: text("退回理由", 1000) }),
      },
    },
    async (req) => {
      await returnFinding(ctxOf(req), req.params.id, req.body);
      return getFinding(ctxOf(req), req.params.id);
    },
  );

  app.post(
    "/findings/:id/decision",
    {
      config: roles("leadership"),
      schema: {
        tags: ["findings"],
        params: idParam,
        body: z.strictObject({
          route: z.enum(FINDING_ROUTES.keys),
          routeDept: z.string().trim().max(100).optional(),
          clueReceiver: z.enum(CLUE_RECEIVERS.keys).optional(),
        }),
      },
    },
    async (req) => {
      await decideFinding(ctxOf(req), req.params.id, req.body);
      return getFinding(ctxOf(req), req.params.id);
    },
  );

  await immediateFixesRoutes(app);
}
