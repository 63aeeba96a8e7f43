import { randomBytes } from "node:crypto";
import {
  addToTipByReceipt,
  checkSolution,
  getPublicTipPage,
  issueChallenge,
  newReceipt,
  readTipByReceipt,
  submitPublicTip,
} from "@xuncha/domain";
import { AppError } from "@xuncha/domain/model";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { publicRoute } from "../../http/access";
import { tipKeys } from "../tips/keys";
import { readTipForm } from "../tips/multipart";
import type { App } from "../types";
import { RateLimiter, SpentChallenges } from "./rate-limit";

/**
 * The public's channel (码上巡察): no login, and nothing about the sender kept. These routes log
 * below "warn" only (no request lines at all; the app's serializers never log addresses or user
 * agents anyway), the rate limits live in memory under a keyed hash of the address, and nothing
 * from the request other than the form itself reaches the domain (ADR 0009).
 */
const QUIET = { logLevel: "warn" as const };

/** Leading zero bits of SHA-256 the page must find: ~16,000 tries, well under a second on a phone. */
export const POW_BITS = 14;

const receipt = z.string().trim().min(16, "请输入完整的查询码").max(40, "查询码格式有误");
const uuid = z.uuid("编号格式有误");

const tipForm = z
  .strictObject({
    roundId: uuid,
    groupId: uuid.optional(),
    targetId: uuid.nullable(),
    otherTarget: z.string().trim().max(200, "单位名称不能超过 200 个字").optional(),
    category: z.string().min(1, "请选择问题类别").max(40),
    text: z
      .string()
      .trim()
      .min(10, "请至少写 10 个字，说明反映的具体问题")
      .max(10000, "内容不能超过 10000 个字"),
    named: z.boolean(),
    name: z.string().trim().max(50, "姓名不能超过 50 个字").optional(),
    phone: z
      .string()
      .trim()
      .regex(/^[0-9+\- ]{5,20}$/, "请填写有效的联系电话")
      .optional(),
    challenge: z.string().max(200),
    nonce: z.string().max(32),
    /** Honeypot: hidden from people, filled by bots. */
    website: z.string().max(500).optional(),
  })
  .refine((f) => !f.named || (f.name && f.phone), { message: "实名反映请填写姓名和联系电话", path: ["name"] })
  .refine((f) => f.targetId !== null || (f.otherTarget ?? "").length > 0, {
    message: "选择“其他单位”时请填写单位名称",
    path: ["otherTarget"],
  });

const additionForm = z.strictObject({
  receipt,
  text: z.string().trim().max(10000, "内容不能超过 10000 个字"),
});

export async function publicTipsRoutes(app: App) {
  const powSecret = randomBytes(32);
  const spent = new SpentChallenges();
  const limits = {
    challenge: new RateLimiter(30, 10 * 60_000),
    submit: new RateLimiter(5, 10 * 60_000),
    submitDaily: new RateLimiter(20, 24 * 60 * 60_000),
    receipt: new RateLimiter(10, 10 * 60_000),
  };
  const ctx = () => ({ db: app.deps.db, keys: tipKeys(app) });
  const over = (limiter: RateLimiter, req: FastifyRequest, message: string) => {
    if (!limiter.hit(req.ip)) throw new AppError("tip.rate_limited", message);
  };

  app.get(
    "/public/tips/rounds/:roundId",
    {
      ...QUIET,
      config: publicRoute("码上巡察：举报页面显示本轮巡察的名称、对象、类别和附件限制，无需登录"),
      schema: {
        tags: ["public-tips"],
        params: z.strictObject({ roundId: uuid }),
        querystring: z.strictObject({ groupId: uuid.optional() }),
      },
    },
    (req) => getPublicTipPage(app.deps.db, { roundId: req.params.roundId, groupId: req.query.groupId }),
  );

  app.post(
    "/public/tips/challenge",
    {
      ...QUIET,
      config: publicRoute("码上巡察：提交前领取工作量证明题目（代替第三方验证码）"),
      schema: { tags: ["public-tips"] },
    },
    (req) => {
      over(limits.challenge, req, "操作过于频繁，请 10 分钟后再试");
      return issueChallenge(powSecret, POW_BITS);
    },
  );

  app.post(
    "/public/tips",
    {
      ...QUIET,
      config: publicRoute("码上巡察：群众提交举报（可匿名），返回仅显示一次的查询码"),
      schema: { tags: ["public-tips"], consumes: ["multipart/form-data"] },
    },
    async (req, reply) => {
      over(limits.submit, req, "提交过于频繁：同一网络 10 分钟内最多提交 5 件，请稍后再试");
      over(
        limits.submitDaily,
        req,
        "今日提交次数已达上限（同一网络每天 20 件），请明天再试或拨打公告中的举报电话",
      );
      const { data, files } = await readTipForm(req, tipForm);
      const expiresAt = Number(data.challenge.split(".")[2]);
      if (!checkSolution(powSecret, data.challenge, data.nonce) || !spent.spend(data.challenge, expiresAt)) {
        throw new AppError("tip.challenge_invalid");
      }
      // A bot filled the hidden field: it gets what a person would, and nothing is stored.
      if (data.website) return reply.status(201).send({ receipt: newReceipt() });
      const result = await submitPublicTip(ctx(), {
        roundId: data.roundId,
        groupId: data.groupId,
        targetId: data.targetId,
        otherTarget: data.otherTarget,
        category: data.category,
        text: data.text,
        identity: data.named ? { name: data.name!, phone: data.phone! } : undefined,
        files,
      });
      return reply.status(201).send(result);
    },
  );

  app.post(
    "/public/tips/follow-up",
    {
      ...QUIET,
      config: publicRoute("码上巡察：凭查询码查看办理情况和答复（查询码放在请求内容中，不进入网址和日志）"),
      schema: { tags: ["public-tips"], body: z.strictObject({ receipt }) },
    },
    (req) => {
      over(limits.receipt, req, "查询次数过多，请 10 分钟后再试");
      return readTipByReceipt(ctx(), req.body);
    },
  );

  app.post(
    "/public/tips/additions",
    {
      ...QUIET,
      config: publicRoute("码上巡察：凭查询码补充情况或附件"),
      schema: { tags: ["public-tips"], consumes: ["multipart/form-data"] },
    },
    async (req, reply) => {
      over(limits.receipt, req, "查询次数过多，请 10 分钟后再试");
      const { data, files } = await readTipForm(req, additionForm);
      return reply.status(201).send(await addToTipByReceipt(ctx(), { ...data, files }));
    },
  );
}
