import {
  createFieldworkRecord,
  exportFieldworkRecords,
  exportInterviews,
  fieldworkCounts,
  listFieldworkRecords,
  listInterviews,
  readFieldworkFile,
  readInterview,
  readInterviewFile,
  scheduleInterview,
  updateFieldworkRecord,
  updateInterview,
} from "@xuncha/domain";
import { FIELDWORK_RECORD_KINDS, INTERVIEW_STATUSES } from "@xuncha/domain/model";
import { z } from "zod";
import { anyAccount, roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendFile, sendXlsx } from "../files/routes";
import { idParam, isoDate, text } from "../schemas";
import type { App } from "../types";

const GROUP = ["groupLeader", "groupDeputy", "groupMember"] as const;
const fileParams = z.strictObject({ id: z.uuid(), fileId: z.uuid() });
const time = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, "时间格式应为 HH:MM")
  .or(z.literal(""));
const optionalText = (max: number) => z.string().trim().max(max);
const fileIds = z.array(z.uuid()).max(30).optional();
const inspectorIds = z.array(z.uuid()).min(1, "请选择在场人员").max(20);

const interviewFields = {
  scheduledOn: isoDate,
  scheduledAt: time.optional(),
  place: optionalText(200).optional(),
  intervieweeName: text("谈话对象姓名", 50),
  intervieweePost: optionalText(200).optional(),
  principal: z.boolean().optional(),
  inspectorIds,
  fileIds,
};

/**
 * Fieldwork records of the groups: interviews (个别谈话, confidential, reads audited), document
 * reviews (查阅资料) and site visits (调研走访), and the round's counts. Reads are open to any
 * account and scoped by the domain (a record out of scope is not found); writes are the groups'.
 */
export async function fieldworkRoutes(app: App) {
  app.get(
    "/interviews",
    {
      config: anyAccount(),
      schema: {
        tags: ["fieldwork"],
        querystring: z.strictObject({
          roundId: z.uuid(),
          targetId: z.uuid().optional(),
          groupId: z.uuid().optional(),
        }),
      },
    },
    (req) => listInterviews(ctxOf(req), req.query),
  );

  // 个别谈话登记表: those who read interviews (the group, the office head, the leading group; the
  // domain finds no round for anyone else, the rest of the office included). Audited as a read.
  app.get(
    "/interviews/export",
    {
      config: roles(...GROUP, "officeStaff", "leadership"),
      schema: {
        tags: ["fieldwork"],
        querystring: z.strictObject({
          roundId: z.uuid(),
          targetId: z.uuid().optional(),
          groupId: z.uuid().optional(),
          status: z.enum(INTERVIEW_STATUSES.keys).optional(),
        }),
      },
    },
    async (req, reply) => sendXlsx(reply, await exportInterviews(ctxOf(req), req.query), "interviews.xlsx"),
  );

  app.post(
    "/interviews",
    {
      config: roles(...GROUP),
      schema: {
        tags: ["fieldwork"],
        body: z.strictObject({ roundId: z.uuid(), targetId: z.uuid(), ...interviewFields }),
      },
    },
    (req) => scheduleInterview(ctxOf(req), req.body),
  );

  app.get(
    "/interviews/:id",
    { config: anyAccount(), schema: { tags: ["fieldwork"], params: idParam } },
    async (req, reply) =>
      reply.header("cache-control", "no-store").send(await readInterview(ctxOf(req), req.params.id)),
  );

  app.patch(
    "/interviews/:id",
    {
      config: roles(...GROUP),
      schema: {
        tags: ["fieldwork"],
        params: idParam,
        body: z.strictObject({
          scheduledOn: isoDate.optional(),
          scheduledAt: time.optional(),
          place: optionalText(200).optional(),
          intervieweeName: text("谈话对象姓名", 50).optional(),
          intervieweePost: optionalText(200).optional(),
          principal: z.boolean().optional(),
          status: z.enum(INTERVIEW_STATUSES.keys).optional(),
          inspectorIds: inspectorIds.optional(),
          record: z.string().max(100000, "谈话记录不能超过 100000 个字").optional(),
          fileIds,
        }),
      },
    },
    (req) => updateInterview(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/interviews/:id/files/:fileId",
    { config: anyAccount(), schema: { tags: ["fieldwork"], params: fileParams } },
    async (req, reply) =>
      sendFile(reply, await readInterviewFile(ctxOf(req), req.params.id, req.params.fileId)),
  );

  app.get(
    "/fieldwork-records",
    {
      config: anyAccount(),
      schema: {
        tags: ["fieldwork"],
        querystring: z.strictObject({
          roundId: z.uuid(),
          kind: z.enum(FIELDWORK_RECORD_KINDS.keys).optional(),
          targetId: z.uuid().optional(),
        }),
      },
    },
    (req) => listFieldworkRecords(ctxOf(req), req.query),
  );

  app.get(
    "/fieldwork-records/export",
    {
      config: roles(...GROUP, "officeStaff", "leadership"),
      schema: {
        tags: ["fieldwork"],
        querystring: z.strictObject({
          roundId: z.uuid(),
          kind: z.enum(FIELDWORK_RECORD_KINDS.keys).optional(),
          targetId: z.uuid().optional(),
        }),
      },
    },
    async (req, reply) =>
      sendXlsx(reply, await exportFieldworkRecords(ctxOf(req), req.query), "fieldwork-records.xlsx"),
  );

  app.post(
    "/fieldwork-records",
    {
      config: roles(...GROUP),
      schema: {
        tags: ["fieldwork"],
        body: z.strictObject({
          roundId: z.uuid(),
          targetId: z.uuid(),
          kind: z.enum(FIELDWORK_RECORD_KINDS.keys),
          heldOn: isoDate,
          subject: text("查阅内容或走访地点", 500),
          notes: optionalText(20000).optional(),
          inspectorIds,
          fileIds,
        }),
      },
    },
    (req) => createFieldworkRecord(ctxOf(req), req.body),
  );

  app.patch(
    "/fieldwork-records/:id",
    {
      config: roles(...GROUP),
      schema: {
        tags: ["fieldwork"],
        params: idParam,
        body: z.strictObject({
          heldOn: isoDate.optional(),
          subject: text("查阅内容或走访地点", 500).optional(),
          notes: optionalText(20000).optional(),
          inspectorIds: inspectorIds.optional(),
          fileIds,
        }),
      },
    },
    (req) => updateFieldworkRecord(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/fieldwork-records/:id/files/:fileId",
    { config: anyAccount(), schema: { tags: ["fieldwork"], params: fileParams } },
    async (req, reply) =>
      sendFile(reply, await readFieldworkFile(ctxOf(req), req.params.id, req.params.fileId)),
  );

  app.get(
    "/fieldwork/counts",
    {
      config: anyAccount(),
      schema: { tags: ["fieldwork"], querystring: z.strictObject({ roundId: z.uuid() }) },
    },
    (req) => fieldworkCounts(ctxOf(req), req.query),
  );
}
