import {
  deleteMeasure,
  exportPlanLists,
  getReviewCounts,
  getSubject,
  importPlan,
  JOINT_REVIEW_STATUSES,
  listSubjects,
  openPlan,
  openReport,
  readSignOffScan,
  reviewSubject,
  saveDraft,
  signOffSubject,
  submitSubject,
  updateMeasure,
} from "@xuncha/domain";
import { AppError, COMPLETIONS, REVIEW_PARTIES, REVIEW_SUBJECT_KINDS } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendFile, sendXlsx } from "../files/routes";
import { idParam, isoDate, longText, text } from "../schemas";
import type { App } from "../types";

/** Who may read plans and reports: the target, the office and the leading group, the reviewing parties. */
const SUBJECT_READERS = roles(
  "targetContact",
  "officeStaff",
  "leadership",
  "disciplineReviewer",
  "organizationReviewer",
  "groupLeader",
  "groupDeputy",
);
const REVIEWERS = roles(
  "officeStaff",
  "disciplineReviewer",
  "organizationReviewer",
  "groupLeader",
  "groupDeputy",
);

const verdict = z.strictObject({
  decision: z.enum(["pass", "return"]),
  opinion: z.string().trim().max(5000),
});

export async function rectificationReviewRoutes(app: App) {
  app.post(
    "/rectification/feedbacks/:feedbackId/plan",
    {
      config: roles("targetContact"),
      schema: { tags: ["rectification"], params: z.strictObject({ feedbackId: z.uuid("编号格式有误") }) },
    },
    (req) => openPlan(ctxOf(req), req.params.feedbackId),
  );

  app.post(
    "/rectification/feedbacks/:feedbackId/reports",
    {
      config: roles("targetContact"),
      schema: {
        tags: ["rectification"],
        params: z.strictObject({ feedbackId: z.uuid("编号格式有误") }),
        body: z.strictObject({ kind: z.enum(["progressReport", "finalReport"]) }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await openReport(ctxOf(req), req.params.feedbackId, req.body)),
  );

  app.get(
    "/rectification/subjects",
    {
      config: SUBJECT_READERS,
      schema: {
        tags: ["rectification"],
        querystring: z.strictObject({
          kind: z.enum(REVIEW_SUBJECT_KINDS).optional(),
          status: z.enum(JOINT_REVIEW_STATUSES).optional(),
          roundId: z.uuid().optional(),
          targetId: z.uuid().optional(),
        }),
      },
    },
    (req) => listSubjects(ctxOf(req), req.query),
  );

  app.get(
    "/rectification/subjects/:id",
    { config: SUBJECT_READERS, schema: { tags: ["rectification"], params: idParam } },
    (req) => getSubject(ctxOf(req), req.params.id),
  );

  app.patch(
    "/measures/:id",
    {
      config: roles("targetContact"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z
          .strictObject({
            content: longText("整改措施").optional(),
            goal: z.string().trim().max(2000).optional(),
            responsibleLeader: z.string().trim().max(50).optional(),
            responsibleDept: z.string().trim().max(100).optional(),
            responsiblePerson: text("责任人", 50).optional(),
            deadline: isoDate.optional(),
            longTerm: z.boolean().optional(),
            position: z.number().int().min(0).max(10000).optional(),
          })
          .refine((b) => Object.keys(b).length > 0, "请至少修改一项"),
      },
    },
    (req) => updateMeasure(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    "/measures/:id",
    { config: roles("targetContact"), schema: { tags: ["rectification"], params: idParam } },
    (req) => deleteMeasure(ctxOf(req), req.params.id),
  );

  app.put(
    "/rectification/subjects/:id/draft",
    {
      config: roles("targetContact"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.union([
          z.strictObject({ summary: z.string().trim().max(20000) }),
          z.strictObject({
            text: z.string().trim().max(50000),
            entries: z.record(
              z.uuid(),
              z.strictObject({
                progress: z.string().trim().max(20000),
                completion: z.enum(COMPLETIONS.keys),
              }),
            ),
          }),
        ]),
      },
    },
    (req) => saveDraft(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/rectification/subjects/:id/sign-off",
    {
      config: roles("targetContact"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({ fileId: z.uuid().optional() }).optional(),
      },
    },
    (req) => signOffSubject(ctxOf(req), req.params.id, req.body ?? {}),
  );

  app.get(
    "/rectification/subjects/:id/sign-off-scan",
    {
      config: SUBJECT_READERS,
      schema: {
        tags: ["rectification"],
        params: idParam,
        querystring: z.strictObject({ version: z.coerce.number().int().min(1).optional() }),
      },
    },
    async (req, reply) =>
      sendFile(reply, await readSignOffScan(ctxOf(req), req.params.id, req.query.version)),
  );

  app.post(
    "/rectification/subjects/:id/submit",
    { config: roles("targetContact"), schema: { tags: ["rectification"], params: idParam } },
    (req) => submitSubject(ctxOf(req), req.params.id),
  );

  app.post(
    "/rectification/subjects/:id/reviews",
    {
      config: REVIEWERS,
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({
          party: z.enum(REVIEW_PARTIES),
          version: z.number().int().min(1),
          whole: verdict,
          measures: z.record(z.uuid(), verdict),
        }),
      },
    },
    (req) => reviewSubject(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/rectification/review-counts",
    {
      config: roles("officeStaff", "leadership", "disciplineReviewer", "organizationReviewer"),
      schema: { tags: ["rectification"], querystring: z.strictObject({ roundId: z.uuid().optional() }) },
    },
    (req) => getReviewCounts(ctxOf(req), req.query),
  );

  app.post(
    "/rectification/subjects/:id/import",
    {
      config: roles("targetContact"),
      schema: { tags: ["rectification"], params: idParam, consumes: ["multipart/form-data"] },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const file = await req.file();
      if (file?.fieldname !== "file") throw new AppError("file.missing");
      const bytes = await file.toBuffer();
      return importPlan(ctx, req.params.id, bytes, file.filename);
    },
  );

  app.get(
    "/rectification/subjects/:id/lists.xlsx",
    { config: SUBJECT_READERS, schema: { tags: ["rectification"], params: idParam } },
    async (req, reply) =>
      sendXlsx(reply, await exportPlanLists(ctxOf(req), req.params.id), "plan-lists.xlsx"),
  );
}
