import {
  addPersonJob,
  addPersonRelative,
  addPersonTie,
  createPerson,
  createTraining,
  deletePersonJob,
  deletePersonRelative,
  deletePersonTie,
  deleteTraining,
  exportPeople,
  exportTrainings,
  getPerson,
  getPoolStats,
  importPeople,
  listPeople,
  listTrainings,
  PERSON_POOLS,
  RELATIONS,
  TIE_KINDS,
  updatePerson,
  updatePersonJob,
  updatePersonRelative,
  updatePersonTie,
  updateTraining,
} from "@xuncha/domain";
import { AppError } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendXlsx } from "../files/routes";
import { isoDate } from "../schemas";
import type { App } from "../types";

/** The pools are the office's; the leading group reads them (ROLES.md). Everyone else: 403. */
const POOL_READERS = roles("officeStaff", "leadership");
const OFFICE = roles("officeStaff");

const pool = z.enum(PERSON_POOLS.keys);
const text = (max: number) => z.string().trim().max(max);
const month = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, "年月格式应为 YYYY-MM");
const filters = {
  pool: pool.optional(),
  q: z.string().trim().max(100).optional(),
  /** Expertise tags, comma-separated: people having all of them. */
  expertise: z
    .string()
    .max(200)
    .transform((s) =>
      s
        .split(/[,，、]/)
        .map((t) => t.trim())
        .filter(Boolean),
    )
    .optional(),
  available: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
};
const listQuery = z.strictObject({
  ...filters,
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const personBody = z.strictObject({
  name: z.string().trim().min(1, "请输入姓名").max(50),
  pool,
  sex: z.enum(["男", "女", ""]).optional(),
  birthMonth: month.or(z.literal("")).optional(),
  politicalStatus: text(30).optional(),
  unit: text(100).optional(),
  unitTargetId: z.uuid().nullish(),
  post: text(100).optional(),
  rank: text(50).optional(),
  expertise: z.array(text(20)).max(10).optional(),
  joinedOn: isoDate.nullish(),
  available: z.boolean().optional(),
  phone: text(50).optional(),
  email: z.email("邮箱格式有误").max(100).or(z.literal("")).optional(),
  recusalNote: text(2000).optional(),
  roundsNote: text(2000).optional(),
  accountId: z.uuid().nullish(),
});
const jobBody = z.strictObject({
  unit: z.string().trim().min(1, "请输入工作单位").max(100),
  targetId: z.uuid().nullish(),
  post: text(100).optional(),
  startMonth: month,
  endMonth: month.nullish(),
});
const relativeBody = z.strictObject({
  relation: z.enum(RELATIONS.keys),
  name: z.string().trim().min(1, "请输入亲属姓名").max(50),
  unit: text(100).optional(),
  targetId: z.uuid().nullish(),
  post: text(100).optional(),
  inLeadership: z.boolean().optional(),
});
const tieBody = z.strictObject({
  kind: z.enum(TIE_KINDS.keys),
  officialName: z.string().trim().min(1, "请输入对方姓名").max(50),
  targetId: z.uuid().nullish(),
  post: text(100).optional(),
  startMonth: month,
  endMonth: month.nullish(),
});
const trainingBody = z.strictObject({
  title: z.string().trim().min(1, "请输入培训名称").max(200),
  heldOn: isoDate,
  hours: z.number().int().min(0).max(1000).optional(),
  attendeeIds: z.array(z.uuid()).max(2000),
});
const trainingQuery = z.strictObject({
  q: z.string().trim().max(100).optional(),
  year: z.coerce.number().int().min(1990).max(2100).optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const idParams = z.strictObject({ id: z.uuid() });
const recordParams = z.strictObject({ id: z.uuid(), recordId: z.uuid() });

export async function personnelRoutes(app: App) {
  const tags = ["personnel"];

  app.get("/people", { config: POOL_READERS, schema: { tags, querystring: listQuery } }, (request) =>
    listPeople(ctxOf(request), request.query),
  );

  app.get(
    "/people/export",
    { config: POOL_READERS, schema: { tags, querystring: z.strictObject(filters) } },
    async (request, reply) => {
      return sendXlsx(reply, await exportPeople(ctxOf(request), request.query), "people.xlsx");
    },
  );

  app.get(
    "/people/stats",
    {
      config: POOL_READERS,
      schema: {
        tags,
        querystring: z.strictObject({ year: z.coerce.number().int().min(1990).max(2100).optional() }),
      },
    },
    (request) => getPoolStats(ctxOf(request), request.query),
  );

  app.post(
    "/people/import",
    { config: OFFICE, schema: { tags, consumes: ["multipart/form-data"] } },
    async (request) => {
      const ctx = ctxOf(request);
      const file = await request.file();
      if (file?.fieldname !== "file") throw new AppError("file.missing");
      const bytes = await file.toBuffer();
      return importPeople(ctx, bytes, file.filename);
    },
  );

  app.get("/people/:id", { config: POOL_READERS, schema: { tags, params: idParams } }, (request) =>
    getPerson(ctxOf(request), request.params.id),
  );

  app.post("/people", { config: OFFICE, schema: { tags, body: personBody } }, async (request, reply) =>
    reply.status(201).send(await createPerson(ctxOf(request), request.body)),
  );

  app.patch(
    "/people/:id",
    { config: OFFICE, schema: { tags, params: idParams, body: personBody.partial() } },
    (request) => updatePerson(ctxOf(request), request.params.id, request.body),
  );

  // A person's history: work history (jobs), relatives, superior/subordinate ties.
  app.post(
    "/people/:id/jobs",
    { config: OFFICE, schema: { tags, params: idParams, body: jobBody } },
    async (request, reply) =>
      reply.status(201).send(await addPersonJob(ctxOf(request), request.params.id, request.body)),
  );
  app.put(
    "/people/:id/jobs/:recordId",
    { config: OFFICE, schema: { tags, params: recordParams, body: jobBody } },
    (request) => updatePersonJob(ctxOf(request), request.params.id, request.params.recordId, request.body),
  );
  app.delete(
    "/people/:id/jobs/:recordId",
    { config: OFFICE, schema: { tags, params: recordParams } },
    (request) => deletePersonJob(ctxOf(request), request.params.id, request.params.recordId),
  );

  app.post(
    "/people/:id/relatives",
    { config: OFFICE, schema: { tags, params: idParams, body: relativeBody } },
    async (request, reply) =>
      reply.status(201).send(await addPersonRelative(ctxOf(request), request.params.id, request.body)),
  );
  app.put(
    "/people/:id/relatives/:recordId",
    { config: OFFICE, schema: { tags, params: recordParams, body: relativeBody } },
    (request) =>
      updatePersonRelative(ctxOf(request), request.params.id, request.params.recordId, request.body),
  );
  app.delete(
    "/people/:id/relatives/:recordId",
    { config: OFFICE, schema: { tags, params: recordParams } },
    (request) => deletePersonRelative(ctxOf(request), request.params.id, request.params.recordId),
  );

  app.post(
    "/people/:id/ties",
    { config: OFFICE, schema: { tags, params: idParams, body: tieBody } },
    async (request, reply) =>
      reply.status(201).send(await addPersonTie(ctxOf(request), request.params.id, request.body)),
  );
  app.put(
    "/people/:id/ties/:recordId",
    { config: OFFICE, schema: { tags, params: recordParams, body: tieBody } },
    (request) => updatePersonTie(ctxOf(request), request.params.id, request.params.recordId, request.body),
  );
  app.delete(
    "/people/:id/ties/:recordId",
    { config: OFFICE, schema: { tags, params: recordParams } },
    (request) => deletePersonTie(ctxOf(request), request.params.id, request.params.recordId),
  );

  app.get("/trainings", { config: POOL_READERS, schema: { tags, querystring: trainingQuery } }, (request) =>
    listTrainings(ctxOf(request), request.query),
  );

  app.get(
    "/trainings/export",
    {
      config: POOL_READERS,
      schema: { tags, querystring: trainingQuery.omit({ page: true, pageSize: true }) },
    },
    async (request, reply) => {
      return sendXlsx(reply, await exportTrainings(ctxOf(request), request.query), "trainings.xlsx");
    },
  );

  app.post("/trainings", { config: OFFICE, schema: { tags, body: trainingBody } }, async (request, reply) =>
    reply.status(201).send(await createTraining(ctxOf(request), request.body)),
  );

  app.put(
    "/trainings/:id",
    { config: OFFICE, schema: { tags, params: idParams, body: trainingBody } },
    (request) => updateTraining(ctxOf(request), request.params.id, request.body),
  );

  app.delete("/trainings/:id", { config: OFFICE, schema: { tags, params: idParams } }, (request) =>
    deleteTraining(ctxOf(request), request.params.id),
  );
}
