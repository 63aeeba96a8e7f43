import {
  countTips,
  decideReveal,
  decideTip,
  getTip,
  listRevealRequests,
  listTips,
  readTipFile,
  readTipIdentity,
  recordHandOverAnswer,
  registerTip,
  requestReveal,
  routeTip,
} from "@xuncha/domain";
import { TIP_CHANNELS, TIP_STATUSES } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { attachment } from "../files/routes";
import { idParam, isoDate, longText, text } from "../schemas";
import type { App } from "../types";
import { tipKeys } from "./keys";
import { readTipForm } from "./multipart";

/** Who works with the tips register: never targetContact, upperLevel, partnerDept (ROLES.md). */
const READERS = roles("officeStaff", "leadership", "groupLeader", "groupDeputy", "groupMember");
const HANDLERS = roles("officeStaff", "groupLeader", "groupDeputy");
const tags = ["tips"];
const uuid = z.uuid("编号格式有误");
const publicAnswer = z.string().trim().max(2000, "答复不能超过 2000 个字").optional();

const registerForm = z
  .strictObject({
    roundId: uuid,
    channel: z.enum(["letter", "phone", "visit", "email"]),
    targetId: uuid.nullable(),
    otherTarget: z.string().trim().max(200).optional(),
    category: z.string().min(1).max(40),
    text: z.string().trim().min(1, "请填写反映内容").max(20000),
    named: z.boolean(),
    name: z.string().trim().max(50).optional(),
    phone: z.string().trim().max(50).optional(),
  })
  .refine((f) => !f.named || f.name, { message: "实名举报请填写姓名", path: ["name"] });

const decision = z.discriminatedUnion("decision", [
  z.strictObject({
    decision: z.literal("use"),
    findingId: uuid.optional(),
    note: z.string().trim().max(2000).optional(),
    publicAnswer,
  }),
  z.strictObject({
    decision: z.literal("handOver"),
    targetId: uuid,
    deadline: isoDate,
    note: z.string().trim().max(2000).optional(),
    publicAnswer,
  }),
  z.strictObject({ decision: z.literal("file"), reason: text("存档理由", 2000), publicAnswer }),
]);

export async function tipsRoutes(app: App) {
  const tctx = (req: Parameters<typeof ctxOf>[0]) => ({ ...ctxOf(req), keys: tipKeys(app) });

  app.get(
    "/tips",
    {
      config: READERS,
      schema: {
        tags,
        querystring: z.strictObject({
          roundId: uuid.optional(),
          groupId: uuid.optional(),
          status: z.enum(TIP_STATUSES).optional(),
          channel: z.enum(TIP_CHANNELS).optional(),
        }),
      },
    },
    (req) => listTips(ctxOf(req), req.query),
  );

  app.get(
    "/tips/counts",
    { config: READERS, schema: { tags, querystring: z.strictObject({ roundId: uuid.optional() }) } },
    (req) => countTips(ctxOf(req), req.query),
  );

  app.post(
    "/tips",
    { config: roles("officeStaff"), schema: { tags, consumes: ["multipart/form-data"] } },
    async (req, reply) => {
      const { data, files } = await readTipForm(req, registerForm);
      const result = await registerTip(tctx(req), {
        roundId: data.roundId,
        channel: data.channel,
        targetId: data.targetId,
        otherTarget: data.otherTarget,
        category: data.category,
        text: data.text,
        identity: data.named ? { name: data.name!, phone: data.phone ?? "" } : undefined,
        files,
      });
      return reply.status(201).send(result);
    },
  );

  app.get("/tips/:id", { config: READERS, schema: { tags, params: idParam } }, (req) =>
    getTip(tctx(req), req.params.id),
  );

  app.get(
    "/tips/:id/files/:fileId",
    { config: READERS, schema: { tags, params: z.strictObject({ id: uuid, fileId: uuid }) } },
    async (req, reply) => {
      const file = await readTipFile(tctx(req), req.params.id, req.params.fileId);
      return reply
        .header("content-type", file.mime)
        .header("content-disposition", attachment(file.name))
        .header("cache-control", "no-store")
        .send(file.data);
    },
  );

  app.post(
    "/tips/:id/route",
    {
      config: roles("officeStaff"),
      schema: { tags, params: idParam, body: z.strictObject({ groupId: uuid }) },
    },
    (req) => routeTip(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/tips/:id/decision",
    { config: HANDLERS, schema: { tags, params: idParam, body: decision } },
    (req) => decideTip(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/tips/:id/answer",
    {
      config: HANDLERS,
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({ answer: longText("办理答复"), answeredOn: isoDate, publicAnswer }),
      },
    },
    (req) => recordHandOverAnswer(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/tips/:id/reveals",
    {
      config: HANDLERS,
      schema: { tags, params: idParam, body: z.strictObject({ reason: text("申请理由", 1000) }) },
    },
    async (req, reply) => reply.status(201).send(await requestReveal(ctxOf(req), req.params.id, req.body)),
  );

  app.get("/tips/:id/identity", { config: HANDLERS, schema: { tags, params: idParam } }, async (req, reply) =>
    reply.header("cache-control", "no-store").send(await readTipIdentity(tctx(req), req.params.id)),
  );

  app.get(
    "/tip-reveals",
    { config: roles("tipCustodian", "officeStaff", "groupLeader", "groupDeputy"), schema: { tags } },
    (req) => listRevealRequests(ctxOf(req)),
  );

  app.post(
    "/tip-reveals/:id/decision",
    {
      config: roles("tipCustodian"),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({ approve: z.boolean(), note: z.string().trim().max(1000).optional() }),
      },
    },
    (req) => decideReveal(ctxOf(req), req.params.id, req.body),
  );
}
