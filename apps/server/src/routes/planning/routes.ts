import {
  acceptProposal,
  COVERAGE_STATUS_KEYS,
  COVERAGE_TYPE_KEYS,
  createProposal,
  editProposal,
  excludeTargetFromTerm,
  exportCoverage,
  getProposal,
  includeTargetInTerm,
  listPlanTerms,
  listProposals,
  planLimitsSchema,
  rejectProposal,
  termCoverage,
  updateTermPlan,
} from "@xuncha/domain";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendXlsx } from "../files/routes";
import { idParam, text } from "../schemas";
import type { App } from "../types";

/** Who reads term plans and coverage: the committee's leadership and office, and the upper level. */
const PLAN_READERS = roles("leadership", "officeStaff", "upperLevel");
const OFFICE = roles("officeStaff");

const coverageQuery = z.strictObject({
  type: z.enum(COVERAGE_TYPE_KEYS).optional(),
  status: z.enum(COVERAGE_STATUS_KEYS).optional(),
  q: z.string().trim().max(100).optional(),
});

export async function planningRoutes(app: App) {
  app.get("/planning/terms", { config: PLAN_READERS, schema: { tags: ["planning"] } }, (req) =>
    listPlanTerms(ctxOf(req)),
  );

  app.patch(
    "/planning/terms/:id",
    {
      config: OFFICE,
      schema: {
        tags: ["planning"],
        params: idParam,
        body: z
          .strictObject({
            plannedRounds: z.number().int().min(0).max(100).optional(),
            planLimits: planLimitsSchema.optional(),
          })
          .refine(
            (b) => b.plannedRounds !== undefined || b.planLimits !== undefined,
            "请指定规划轮数或规划条件",
          ),
      },
    },
    (req) => updateTermPlan(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/planning/terms/:id/exclusions",
    {
      config: OFFICE,
      schema: {
        tags: ["planning"],
        params: idParam,
        body: z.strictObject({ targetId: z.uuid(), reason: text("不纳入本届的理由", 200) }),
      },
    },
    (req) => excludeTargetFromTerm(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    "/planning/terms/:id/exclusions/:targetId",
    {
      config: OFFICE,
      schema: { tags: ["planning"], params: z.strictObject({ id: z.uuid(), targetId: z.uuid() }) },
    },
    (req) => includeTargetInTerm(ctxOf(req), req.params.id, req.params.targetId),
  );

  app.get(
    "/planning/terms/:id/coverage",
    { config: PLAN_READERS, schema: { tags: ["planning"], params: idParam, querystring: coverageQuery } },
    (req) => termCoverage(ctxOf(req), req.params.id, req.query),
  );

  app.get(
    "/planning/terms/:id/coverage/export",
    { config: PLAN_READERS, schema: { tags: ["planning"], params: idParam, querystring: coverageQuery } },
    async (req, reply) => {
      return sendXlsx(reply, await exportCoverage(ctxOf(req), req.params.id, req.query), "coverage.xlsx");
    },
  );

  app.get(
    "/planning/terms/:id/proposals",
    { config: PLAN_READERS, schema: { tags: ["planning"], params: idParam } },
    (req) => listProposals(ctxOf(req), req.params.id),
  );

  app.post(
    "/planning/terms/:id/proposals",
    {
      config: OFFICE,
      schema: {
        tags: ["planning"],
        params: idParam,
        body: z.strictObject({ limits: planLimitsSchema.optional() }),
      },
    },
    async (req, reply) => reply.status(201).send(await createProposal(ctxOf(req), req.params.id, req.body)),
  );

  app.get(
    "/planning/proposals/:id",
    { config: PLAN_READERS, schema: { tags: ["planning"], params: idParam } },
    (req) => getProposal(ctxOf(req), req.params.id),
  );

  app.patch(
    "/planning/proposals/:id",
    {
      config: OFFICE,
      schema: {
        tags: ["planning"],
        params: idParam,
        body: z
          .strictObject({
            moves: z
              .array(
                z.strictObject({
                  targetId: z.uuid(),
                  roundNumber: z.number().int().min(1),
                  groupNumber: z.number().int().min(1),
                }),
              )
              .max(1000)
              .optional(),
            drops: z.array(z.uuid()).max(1000).optional(),
          })
          .refine((b) => (b.moves?.length ?? 0) + (b.drops?.length ?? 0) > 0, "请指定要调整或移出的对象"),
      },
    },
    (req) => editProposal(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/planning/proposals/:id/accept",
    { config: OFFICE, schema: { tags: ["planning"], params: idParam } },
    (req) => acceptProposal(ctxOf(req), req.params.id),
  );

  app.post(
    "/planning/proposals/:id/reject",
    { config: OFFICE, schema: { tags: ["planning"], params: idParam } },
    (req) => rejectProposal(ctxOf(req), req.params.id),
  );
}
