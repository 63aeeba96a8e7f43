import {
  answerBriefing,
  createBriefingRequest,
  createPartnerDepartment,
  createPreInspectionItem,
  exportBriefingRequests,
  getBriefingRequest,
  listBriefingAnswers,
  listBriefingRequests,
  listMyBriefingRequests,
  listPartnerDepartments,
  listPreInspectionItems,
  promotePreInspectionItem,
  readBriefingFile,
  updatePartnerDepartment,
} from "@xuncha/domain";
import { BRIEFING_TOPICS, PARTNER_DEPARTMENT_KINDS, SEVERITIES } from "@xuncha/domain/model";
import { z } from "zod";
import { anyAccount, roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendFile, sendXlsx } from "../files/routes";
import { idParam, isoDate, longText, text } from "../schemas";
import type { App } from "../types";

const GROUP = ["groupLeader", "groupDeputy", "groupMember"] as const;

const departmentBody = z.strictObject({
  name: text("单位名称", 100),
  kind: z.enum(PARTNER_DEPARTMENT_KINDS.keys),
});

const fileIds = z.array(z.uuid()).max(20).optional();

/**
 * 巡前情况通报: partner departments, the office's requests to them, their answers, and each
 * group's pre-inspection problem list drawn from the answers.
 */
export async function briefingsRoutes(app: App) {
  app.get(
    "/partner-departments",
    {
      config: roles("officeStaff", "leadership", "securityAdmin"),
      schema: { tags: ["briefings"], querystring: z.strictObject({ committeeId: z.uuid().optional() }) },
    },
    (req) => listPartnerDepartments(ctxOf(req), req.query),
  );

  app.post(
    "/partner-departments",
    { config: roles("officeStaff"), schema: { tags: ["briefings"], body: departmentBody } },
    (req) => createPartnerDepartment(ctxOf(req), req.body),
  );

  app.patch(
    "/partner-departments/:id",
    { config: roles("officeStaff"), schema: { tags: ["briefings"], params: idParam, body: departmentBody } },
    (req) => updatePartnerDepartment(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/briefings",
    {
      config: roles("officeStaff", "leadership"),
      schema: {
        tags: ["briefings"],
        querystring: z.strictObject({
          roundId: z.uuid().optional(),
          partnerDepartmentId: z.uuid().optional(),
        }),
      },
    },
    (req) => listBriefingRequests(ctxOf(req), req.query),
  );

  app.get(
    "/briefings/export",
    {
      config: roles("officeStaff", "leadership"),
      schema: {
        tags: ["briefings"],
        querystring: z.strictObject({
          roundId: z.uuid(),
          partnerDepartmentId: z.uuid().optional(),
          status: z.enum(["pending", "answered", "overdue"]).optional(),
        }),
      },
    },
    async (req, reply) => {
      return sendXlsx(reply, await exportBriefingRequests(ctxOf(req), req.query), "briefings.xlsx");
    },
  );

  app.post(
    "/briefings",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["briefings"],
        body: z.strictObject({
          roundId: z.uuid(),
          partnerDepartmentId: z.uuid(),
          targetIds: z.array(z.uuid()).min(1, "请选择被巡察对象").max(200),
          topics: z.array(z.enum(BRIEFING_TOPICS.keys)).min(1, "请选择通报内容"),
          note: z.string().trim().max(2000).optional(),
          dueOn: isoDate,
        }),
      },
    },
    (req) => createBriefingRequest(ctxOf(req), req.body),
  );

  app.get("/briefings/mine", { config: roles("partnerDept"), schema: { tags: ["briefings"] } }, (req) =>
    listMyBriefingRequests(ctxOf(req)),
  );

  app.get(
    "/briefings/answers",
    {
      config: anyAccount(),
      schema: {
        tags: ["briefings"],
        querystring: z.strictObject({ roundId: z.uuid(), targetId: z.uuid().optional() }),
      },
    },
    (req) => listBriefingAnswers(ctxOf(req), req.query),
  );

  app.get(
    "/briefings/:id",
    { config: anyAccount(), schema: { tags: ["briefings"], params: idParam } },
    (req) => getBriefingRequest(ctxOf(req), req.params.id),
  );

  app.post(
    "/briefings/:id/answers",
    {
      config: roles("partnerDept"),
      schema: {
        tags: ["briefings"],
        params: idParam,
        body: z.strictObject({ targetId: z.uuid(), content: longText("通报内容"), fileIds }),
      },
    },
    (req) => answerBriefing(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/briefings/answers/:id/files/:fileId",
    {
      config: anyAccount(),
      schema: { tags: ["briefings"], params: z.strictObject({ id: z.uuid(), fileId: z.uuid() }) },
    },
    async (req, reply) => {
      const file = await readBriefingFile(ctxOf(req), req.params.id, req.params.fileId);
      return sendFile(reply, file);
    },
  );

  app.get(
    "/pre-inspection-items",
    {
      config: anyAccount(),
      schema: {
        tags: ["briefings"],
        querystring: z.strictObject({ roundId: z.uuid(), targetId: z.uuid().optional() }),
      },
    },
    (req) => listPreInspectionItems(ctxOf(req), req.query),
  );

  app.post(
    "/pre-inspection-items",
    {
      config: roles(...GROUP),
      schema: {
        tags: ["briefings"],
        body: z.strictObject({
          roundId: z.uuid(),
          targetId: z.uuid(),
          title: text("问题", 200),
          description: z.string().trim().max(5000).optional(),
          briefingAnswerId: z.uuid().nullish(),
        }),
      },
    },
    (req) => createPreInspectionItem(ctxOf(req), req.body),
  );

  app.post(
    "/pre-inspection-items/:id/promote",
    {
      config: roles(...GROUP),
      schema: {
        tags: ["briefings"],
        params: idParam,
        body: z.strictObject({
          scheme: z.string().min(1).max(50),
          category: z.string().min(1).max(50),
          severity: z.enum(SEVERITIES.keys),
          title: text("问题标题", 200).optional(),
          description: z.string().trim().max(20000).optional(),
        }),
      },
    },
    (req) => promotePreInspectionItem(ctxOf(req), req.params.id, req.body),
  );
}
