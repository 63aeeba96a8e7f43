import {
  createTarget,
  exportTargets,
  getTarget,
  importTargets,
  listTargets,
  TARGET_CATEGORIES,
  updateTarget,
} from "@xuncha/domain";
import { AppError } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendXlsx } from "../files/routes";
import type { App } from "../types";

/** Everyone who may see some target; what each sees is decided by the domain's visibleTargets. */
const TARGET_VIEWERS = roles(
  "leadership",
  "officeStaff",
  "disciplineReviewer",
  "organizationReviewer",
  "groupLeader",
  "groupDeputy",
  "groupMember",
  "targetContact",
);

const category = z.enum(TARGET_CATEGORIES.keys);
const filters = {
  category: category.optional(),
  q: z.string().trim().max(100).optional(),
};
const listQuery = z.strictObject({
  ...filters,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const text = (max: number) => z.string().trim().max(max);
const targetBody = z.strictObject({
  name: z.string().trim().min(1, "请输入党组织名称").max(100),
  category: category.nullish(),
  orgForm: text(30).optional(),
  parentOrgName: text(100).optional(),
  sector: text(30).optional(),
  principal: text(50).optional(),
  leaders: text(1000).optional(),
  phone: text(50).optional(),
  lastInspectedOn: z.iso.date("日期格式应为 YYYY-MM-DD").nullish(),
  lastRoundLabel: text(50).optional(),
});
const idParams = z.strictObject({ id: z.uuid() });

/** Content-Disposition with the UTF-8 file name (RFC 5987) and an ASCII fallback. */

export async function targetsRoutes(app: App) {
  app.get(
    "/targets",
    { config: TARGET_VIEWERS, schema: { tags: ["targets"], querystring: listQuery } },
    (request) => listTargets(ctxOf(request), request.query),
  );

  app.get(
    "/targets/export",
    { config: TARGET_VIEWERS, schema: { tags: ["targets"], querystring: z.strictObject(filters) } },
    async (request, reply) => {
      return sendXlsx(reply, await exportTargets(ctxOf(request), request.query), "targets.xlsx");
    },
  );

  app.get(
    "/targets/:id",
    { config: TARGET_VIEWERS, schema: { tags: ["targets"], params: idParams } },
    (request) => getTarget(ctxOf(request), request.params.id),
  );

  app.post(
    "/targets",
    { config: roles("officeStaff"), schema: { tags: ["targets"], body: targetBody } },
    async (request, reply) => reply.status(201).send(await createTarget(ctxOf(request), request.body)),
  );

  app.patch(
    "/targets/:id",
    {
      config: roles("officeStaff"),
      schema: { tags: ["targets"], params: idParams, body: targetBody.partial() },
    },
    (request) => updateTarget(ctxOf(request), request.params.id, request.body),
  );

  app.post(
    "/targets/import",
    { config: roles("officeStaff"), schema: { tags: ["targets"], consumes: ["multipart/form-data"] } },
    async (request) => {
      const ctx = ctxOf(request);
      const file = await request.file();
      if (file?.fieldname !== "file") throw new AppError("file.missing");
      const bytes = await file.toBuffer();
      return importTargets(ctx, bytes, file.filename);
    },
  );
}
