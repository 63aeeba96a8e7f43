import {
  addWorkpaperFile,
  getWorkpaper,
  readWorkpaperFile,
  reopenWorkpaper,
  reviewWorkpaper,
  signWorkpaper,
  updateWorkpaper,
} from "@xuncha/domain";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendFile } from "../files/routes";
import { idParam, text } from "../schemas";
import type { App } from "../types";
import { workpaperFields } from "./schemas";

const GROUP = ["groupLeader", "groupDeputy", "groupMember"] as const;
/** Workpapers are read by their group, the office and the leading group; never by a target contact. */
const READERS = [...GROUP, "leadership", "officeStaff"] as const;

export async function workpapersRoutes(app: App) {
  const tags = ["workpapers"];

  app.get(
    "/findings/:id/workpaper",
    { config: roles(...READERS), schema: { tags, params: idParam } },
    (req) => getWorkpaper(ctxOf(req), req.params.id),
  );

  app.patch(
    "/findings/:id/workpaper",
    { config: roles(...GROUP), schema: { tags, params: idParam, body: z.strictObject(workpaperFields) } },
    async (req) => {
      await updateWorkpaper(ctxOf(req), req.params.id, req.body);
      return getWorkpaper(ctxOf(req), req.params.id);
    },
  );

  app.post(
    "/findings/:id/workpaper/files",
    {
      config: roles(...GROUP),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          fileId: z.uuid(),
          /** The slot of the file this one replaces (a new version); absent: a new file. */
          replaces: z.uuid().optional(),
          note: z.string().trim().max(500).optional(),
        }),
      },
    },
    async (req, reply) => {
      await addWorkpaperFile(ctxOf(req), req.params.id, req.body);
      return reply.status(201).send(await getWorkpaper(ctxOf(req), req.params.id));
    },
  );

  app.get(
    "/findings/:id/workpaper/files/:versionId",
    {
      config: roles(...READERS),
      schema: { tags, params: z.strictObject({ id: z.uuid(), versionId: z.uuid() }) },
    },
    async (req, reply) => {
      const file = await readWorkpaperFile(ctxOf(req), req.params.id, req.params.versionId);
      return sendFile(reply, file);
    },
  );

  app.post(
    "/findings/:id/workpaper/sign",
    { config: roles(...GROUP), schema: { tags, params: idParam } },
    async (req) => {
      await signWorkpaper(ctxOf(req), req.params.id);
      return getWorkpaper(ctxOf(req), req.params.id);
    },
  );

  app.post(
    "/findings/:id/workpaper/review",
    {
      config: roles("groupDeputy", "groupLeader"),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          decision: z.enum(["pass", "return"]),
          opinion: z.string().trim().max(2000, "审核意见不能超过 2000 个字").optional(),
        }),
      },
    },
    async (req) => {
      await reviewWorkpaper(ctxOf(req), req.params.id, req.body);
      return getWorkpaper(ctxOf(req), req.params.id);
    },
  );

  app.post(
    "/findings/:id/workpaper/reopen",
    {
      config: roles("groupLeader"),
      schema: { tags, params: idParam, body: z.strictObject({ reason: text("重新打开的理由", 1000) }) },
    },
    async (req) => {
      await reopenWorkpaper(ctxOf(req), req.params.id, req.body);
      return getWorkpaper(ctxOf(req), req.params.id);
    },
  );
}
