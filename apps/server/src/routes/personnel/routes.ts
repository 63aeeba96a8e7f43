import { createPerson, listPeople, PERSON_POOLS } from "@xuncha/domain";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import type { App } from "../types";

const pool = z.enum(PERSON_POOLS.keys);
const listQuery = z.strictObject({
  pool: pool.optional(),
  q: z.string().trim().max(100).optional(),
  available: z
    .enum(["true", "false"])
    .transform((v) => v === "true")
    .optional(),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(20),
});
const text = (max: number) => z.string().trim().max(max);
const personBody = z.strictObject({
  name: z.string().trim().min(1, "请输入姓名").max(50),
  pool,
  sex: z.enum(["男", "女", ""]).optional(),
  birthMonth: z
    .string()
    .regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, "出生年月格式应为 YYYY-MM")
    .or(z.literal(""))
    .optional(),
  politicalStatus: text(30).optional(),
  unit: text(100).optional(),
  post: text(100).optional(),
  rank: text(50).optional(),
  expertise: z.array(text(20)).max(10).optional(),
  joinedOn: z.iso.date("日期格式应为 YYYY-MM-DD").nullish(),
  available: z.boolean().optional(),
  phone: text(50).optional(),
  accountId: z.uuid().nullish(),
});

export async function personnelRoutes(app: App) {
  app.get(
    "/people",
    { config: roles("officeStaff", "leadership"), schema: { tags: ["personnel"], querystring: listQuery } },
    (request) => listPeople(ctxOf(request), request.query),
  );

  app.post(
    "/people",
    { config: roles("officeStaff"), schema: { tags: ["personnel"], body: personBody } },
    async (request, reply) => reply.status(201).send(await createPerson(ctxOf(request), request.body)),
  );
}
