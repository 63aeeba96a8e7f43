import {
  createRegister,
  deleteRegister,
  issueAnnouncement,
  issueAuthorization,
  listDocuments,
  listRegisters,
  listRoundDocuments,
  readDocumentFile,
  updateRegister,
} from "@xuncha/domain";
import { DOCUMENT_KINDS } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf, publicBaseUrl } from "../context";
import { sendFile } from "../files/routes";
import { idParam, isoDate, text } from "../schemas";
import type { App } from "../types";

/** Who reads documents: the office, the leading group, and the round's groups (scoped by the domain). */
const DOCUMENT_READERS = ["leadership", "officeStaff", "groupLeader", "groupDeputy", "groupMember"] as const;

const registerBody = z.strictObject({
  issuer: text("发文机关", 60),
  prefix: text("发文代字", 20).refine((s) => !/[〔〕\s]/.test(s), "发文代字不能含六角括号或空格"),
  kinds: z.array(z.enum(DOCUMENT_KINDS.keys)).min(1, "请至少选择一个文种").max(DOCUMENT_KINDS.keys.length),
});

export async function documentsRoutes(app: App) {
  app.get("/numbering-registers", { config: roles("officeStaff"), schema: { tags: ["documents"] } }, (req) =>
    listRegisters(ctxOf(req)),
  );

  app.post(
    "/numbering-registers",
    { config: roles("officeStaff"), schema: { tags: ["documents"], body: registerBody } },
    (req) => createRegister(ctxOf(req), req.body),
  );

  app.patch(
    "/numbering-registers/:id",
    {
      config: roles("officeStaff"),
      schema: { tags: ["documents"], params: idParam, body: registerBody.partial() },
    },
    (req) => updateRegister(ctxOf(req), req.params.id, req.body),
  );

  app.delete(
    "/numbering-registers/:id",
    { config: roles("officeStaff"), schema: { tags: ["documents"], params: idParam } },
    async (req, reply) => {
      await deleteRegister(ctxOf(req), req.params.id);
      return reply.status(204).send();
    },
  );

  app.get(
    "/documents",
    {
      config: roles("leadership", "officeStaff"),
      schema: {
        tags: ["documents"],
        querystring: z.strictObject({ kind: z.enum(DOCUMENT_KINDS.keys).optional() }),
      },
    },
    (req) => listDocuments(ctxOf(req), req.query),
  );

  app.get(
    "/rounds/:id/documents",
    { config: roles(...DOCUMENT_READERS), schema: { tags: ["documents"], params: idParam } },
    (req) => listRoundDocuments(ctxOf(req), req.params.id),
  );

  app.post(
    "/rounds/:id/documents/authorization",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["documents"],
        params: idParam,
        body: z.strictObject({
          date: isoDate.optional(),
          copyTo: z.array(text("抄送机关", 40)).max(10).optional(),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await issueAuthorization(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    "/rounds/:id/documents/announcement",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["documents"],
        params: idParam,
        body: z.strictObject({
          phone: text("举报电话", 40),
          mailbox: text("邮政信箱", 100),
          email: z.email("电子邮箱格式有误").max(100),
          deadline: isoDate,
          groupId: z.uuid("编号格式有误").optional(),
          date: isoDate.optional(),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await issueAnnouncement(ctxOf(req), req.params.id, {
          ...req.body,
          publicBaseUrl: publicBaseUrl(req),
        }),
      ),
  );

  app.get(
    "/documents/:id/file",
    { config: roles(...DOCUMENT_READERS), schema: { tags: ["documents"], params: idParam } },
    async (req, reply) => {
      const file = await readDocumentFile(ctxOf(req), req.params.id);
      return sendFile(reply, file);
    },
  );
}
