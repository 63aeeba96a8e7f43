import {
  confirmImmediateFix,
  countImmediateFixes,
  getImmediateFix,
  issueImmediateFix,
  listImmediateFixes,
  readImmediateFixFile,
  reportImmediateFix,
} from "@xuncha/domain";
import { IMMEDIATE_FIX_STATUSES } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendFile } from "../files/routes";
import { idParam, isoDate, longText } from "../schemas";
import type { App } from "../types";

const GROUP = ["groupLeader", "groupDeputy", "groupMember"] as const;
const READERS = [...GROUP, "leadership", "officeStaff", "targetContact"] as const;

/** 立行立改: the notice to the target, its reports and the group's confirmation. */
export async function immediateFixesRoutes(app: App) {
  const tags = ["immediate-fixes"];

  app.post(
    "/findings/:id/immediate-fix",
    {
      config: roles("groupLeader"),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          requirement: longText("整改要求"),
          deadline: isoDate,
          date: isoDate.optional(),
        }),
      },
    },
    async (req, reply) => {
      const fix = await issueImmediateFix(ctxOf(req), req.params.id, req.body);
      return reply.status(201).send(await getImmediateFix(ctxOf(req), fix.id));
    },
  );

  app.get(
    "/immediate-fixes",
    {
      config: roles(...READERS),
      schema: {
        tags,
        querystring: z.strictObject({
          findingId: z.uuid().optional(),
          roundId: z.uuid().optional(),
          groupId: z.uuid().optional(),
          targetId: z.uuid().optional(),
          status: z.enum(IMMEDIATE_FIX_STATUSES.keys).optional(),
        }),
      },
    },
    (req) => listImmediateFixes(ctxOf(req), req.query),
  );

  app.get(
    "/immediate-fixes/counts",
    {
      config: roles(...GROUP, "leadership", "officeStaff"),
      schema: { tags, querystring: z.strictObject({ roundId: z.uuid() }) },
    },
    (req) => countImmediateFixes(ctxOf(req), req.query.roundId),
  );

  app.get("/immediate-fixes/:id", { config: roles(...READERS), schema: { tags, params: idParam } }, (req) =>
    getImmediateFix(ctxOf(req), req.params.id),
  );

  app.get(
    "/immediate-fixes/:id/notice",
    { config: roles(...READERS), schema: { tags, params: idParam } },
    async (req, reply) => {
      const file = await readImmediateFixFile(ctxOf(req), req.params.id);
      return sendFile(reply, file);
    },
  );

  app.get(
    "/immediate-fixes/:id/files/:fileId",
    {
      config: roles(...READERS),
      schema: { tags, params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }) },
    },
    async (req, reply) => {
      const file = await readImmediateFixFile(ctxOf(req), req.params.id, req.params.fileId);
      return sendFile(reply, file);
    },
  );

  app.post(
    "/immediate-fixes/:id/reports",
    {
      config: roles("targetContact"),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          content: longText("整改情况"),
          fileIds: z.array(z.uuid()).max(20).optional(),
        }),
      },
    },
    async (req, reply) => {
      await reportImmediateFix(ctxOf(req), req.params.id, req.body);
      return reply.status(201).send(await getImmediateFix(ctxOf(req), req.params.id));
    },
  );

  app.post(
    "/immediate-fixes/:id/confirm",
    {
      config: roles("groupLeader", "groupDeputy"),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          decision: z.enum(["done", "return"]),
          note: z.string().trim().max(2000).optional(),
        }),
      },
    },
    async (req) => {
      await confirmImmediateFix(ctxOf(req), req.params.id, req.body);
      return getImmediateFix(ctxOf(req), req.params.id);
    },
  );
}
