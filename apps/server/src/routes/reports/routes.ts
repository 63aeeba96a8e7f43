import {
  createReport,
  generateReportVersion,
  getReport,
  listReports,
  readReportVersionFile,
  reviewReport,
  submitReport,
  updateReport,
} from "@xuncha/domain";
import { REPORT_KINDS, REPORT_STATUSES } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendFile } from "../files/routes";
import { idParam, text } from "../schemas";
import type { App } from "../types";

const GROUP = ["groupLeader", "groupDeputy", "groupMember"] as const;
/** The group, the office once submitted (组办联审), the leading group once passed; never a target contact. */
const READERS = [...GROUP, "officeStaff", "leadership"] as const;

const section = z.strictObject({
  key: z.string().trim().min(1).max(40),
  heading: text("章节标题", 100),
  text: z.string().max(50000, "章节内容不能超过 50000 个字"),
});

export async function reportsRoutes(app: App) {
  const tags = ["reports"];

  app.get(
    "/reports",
    {
      config: roles(...READERS),
      schema: {
        tags,
        querystring: z.strictObject({
          roundId: z.uuid().optional(),
          groupId: z.uuid().optional(),
          status: z.enum(REPORT_STATUSES.keys).optional(),
        }),
      },
    },
    (req) => listReports(ctxOf(req), req.query),
  );

  app.post(
    "/reports",
    {
      config: roles(...GROUP),
      schema: {
        tags,
        body: z.strictObject({
          roundId: z.uuid(),
          groupId: z.uuid(),
          targetId: z.uuid().optional(),
          kind: z.enum(REPORT_KINDS.keys),
          scheme: z.string().min(1).max(40).optional(),
        }),
      },
    },
    async (req, reply) => {
      const report = await createReport(ctxOf(req), req.body);
      return reply.status(201).send(await getReport(ctxOf(req), report.id));
    },
  );

  app.get("/reports/:id", { config: roles(...READERS), schema: { tags, params: idParam } }, (req) =>
    getReport(ctxOf(req), req.params.id),
  );

  app.put(
    "/reports/:id",
    {
      config: roles(...GROUP),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          title: text("报告标题", 200).optional(),
          sections: z.array(section).min(1).max(20),
        }),
      },
    },
    async (req) => {
      await updateReport(ctxOf(req), req.params.id, req.body);
      return getReport(ctxOf(req), req.params.id);
    },
  );

  app.post(
    "/reports/:id/versions",
    { config: roles(...GROUP), schema: { tags, params: idParam } },
    async (req, reply) => {
      await generateReportVersion(ctxOf(req), req.params.id);
      return reply.status(201).send(await getReport(ctxOf(req), req.params.id));
    },
  );

  app.get(
    "/reports/:id/versions/:versionId/file",
    {
      config: roles(...READERS),
      schema: { tags, params: z.strictObject({ id: z.uuid(), versionId: z.uuid() }) },
    },
    async (req, reply) => {
      const file = await readReportVersionFile(ctxOf(req), req.params.id, req.params.versionId);
      return sendFile(reply, file);
    },
  );

  app.post(
    "/reports/:id/submit",
    { config: roles("groupLeader"), schema: { tags, params: idParam } },
    async (req) => {
      await submitReport(ctxOf(req), req.params.id);
      return getReport(ctxOf(req), req.params.id);
    },
  );

  app.post(
    "/reports/:id/review",
    {
      config: roles("officeStaff"),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          decision: z.enum(["pass", "return"]),
          opinion: z.string().trim().max(5000, "联审意见不能超过 5000 个字").optional(),
        }),
      },
    },
    async (req) => {
      await reviewReport(ctxOf(req), req.params.id, req.body);
      return getReport(ctxOf(req), req.params.id);
    },
  );
}
