import {
  getRoundEvaluations,
  issueConductCodes,
  listPersonEvaluations,
  openConductQuestionnaire,
  saveGroupEvaluation,
  submitConductResponse,
} from "@xuncha/domain";
import { z } from "zod";
import { publicRoute, roles } from "../../http/access";
import { ctxOf, publicBaseUrl } from "../context";
import { idParam } from "../schemas";
import type { App } from "../types";

// The code travels in the body, never in the URL: the request log keeps method and path only, and
// nothing else (no address, user agent or body) is logged or stored for these public routes.
const codeBody = z.string().trim().min(16, "请输入完整的评价码").max(40, "评价码格式有误");

export async function evaluationsRoutes(app: App) {
  app.get(
    "/rounds/:id/evaluations",
    { config: roles("officeStaff", "leadership"), schema: { tags: ["evaluations"], params: idParam } },
    (req) => getRoundEvaluations(ctxOf(req), req.params.id),
  );

  app.put(
    "/groups/:id/evaluation",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["evaluations"],
        params: idParam,
        body: z.strictObject({
          scores: z
            .array(
              z.strictObject({
                code: z.string().min(1).max(40),
                score: z.number().min(0, "得分不能为负数").max(1000),
                note: z.string().trim().max(500).optional(),
              }),
            )
            .min(1)
            .max(20),
          comment: z.string().trim().max(2000, "评语不能超过 2000 个字").optional(),
        }),
      },
    },
    (req) => saveGroupEvaluation(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/groups/:id/conduct-codes",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["evaluations"],
        params: idParam,
        body: z.strictObject({
          perTarget: z.number().int().min(1, "每个对象至少 1 个").max(200, "每个对象最多 200 个"),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await issueConductCodes(ctxOf(req), req.params.id, {
          ...req.body,
          publicBaseUrl: publicBaseUrl(req),
        }),
      ),
  );

  app.get(
    "/people/:id/evaluations",
    { config: roles("officeStaff", "leadership"), schema: { tags: ["evaluations"], params: idParam } },
    (req) => listPersonEvaluations(ctxOf(req), req.params.id),
  );

  app.post(
    "/public/conduct/open",
    {
      config: publicRoute("作风评价问卷：被巡察单位人员凭一次性评价码匿名填写，无需登录"),
      schema: { tags: ["evaluations"], body: z.strictObject({ code: codeBody }) },
    },
    (req) => openConductQuestionnaire(req.server.deps.db, req.body),
  );

  app.post(
    "/public/conduct/responses",
    {
      config: publicRoute("作风评价问卷：提交匿名答卷（每个评价码一次）"),
      schema: {
        tags: ["evaluations"],
        body: z.strictObject({
          code: codeBody,
          scores: z.record(z.string().max(40), z.number().int().min(1).max(5)),
          remark: z.string().trim().max(1000, "意见建议不能超过 1000 个字").optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await submitConductResponse(req.server.deps.db, req.body)),
  );
}
