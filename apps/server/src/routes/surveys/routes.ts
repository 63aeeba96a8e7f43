import {
  closeSurvey,
  createQuestionnaire,
  createSurvey,
  exportSurveyResults,
  getSurvey,
  issueSurveyCodes,
  listQuestionnaires,
  listSurveys,
  MAX_CODES_PER_CALL,
  openSurveyByCode,
  QUESTION_KINDS,
  submitSurveyResponse,
  surveyResults,
  updateQuestionnaire,
} from "@xuncha/domain";
import { AppError } from "@xuncha/domain/model";
import type { FastifyRequest } from "fastify";
import { z } from "zod";
import { publicRoute, roles } from "../../http/access";
import { ctxOf, publicBaseUrl } from "../context";
import { sendXlsx } from "../files/routes";
import { idParam, isoDate } from "../schemas";
import type { App } from "../types";
import { AttemptLimiter } from "./attempt-limiter";

/** Who reads surveys: the office, the leading group and the groups (their own, scoped by the domain). */
const READERS = roles("officeStaff", "leadership", "groupLeader", "groupDeputy", "groupMember");
/** Who makes and runs them: the office and the groups. */
const WRITERS = roles("officeStaff", "groupLeader", "groupDeputy", "groupMember");

const question = z.strictObject({
  id: z.string().regex(/^[A-Za-z0-9_-]{1,40}$/, "题目编号有误"),
  kind: z.enum(QUESTION_KINDS),
  title: z.string().max(500, "题目不能超过 500 个字"),
  required: z.boolean(),
  options: z.array(z.string().max(200, "选项不能超过 200 个字")).max(20),
});
const questionnaireBody = {
  title: z.string().trim().min(1, "请填写问卷名称").max(200, "问卷名称不能超过 200 个字"),
  intro: z.string().trim().max(2000, "说明不能超过 2000 个字").optional(),
  questions: z.array(question).min(1, "问卷至少要有一道题").max(60, "问卷最多 60 道题"),
};

// The code travels in the body, never in the URL: the request log keeps method and path only, and
// nothing else (no address, user agent or body) is logged or stored for these public routes.
const codeBody = z.string().trim().min(16, "请输入完整的测评码").max(40, "测评码格式有误");
const answer = z.union([
  z.number().int().min(0).max(19),
  z.array(z.number().int().min(0).max(19)).max(20),
  z.string().max(4000),
]);

export async function surveysRoutes(app: App) {
  const limiter = new AttemptLimiter();

  /** Runs a public code attempt: refused while the address is over its failures; a bad code counts. */
  const attempt = async <T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> => {
    if (limiter.blocked(req.ip)) throw new AppError("survey.too_many_attempts");
    try {
      return await run();
    } catch (e) {
      if (e instanceof AppError && e.code === "survey.code_invalid") limiter.fail(req.ip);
      throw e;
    }
  };

  app.get("/survey-questionnaires", { config: READERS, schema: { tags: ["surveys"] } }, (req) =>
    listQuestionnaires(ctxOf(req)),
  );

  app.post(
    "/survey-questionnaires",
    {
      config: WRITERS,
      schema: {
        tags: ["surveys"],
        body: z.strictObject({ groupId: z.uuid().optional(), ...questionnaireBody }),
      },
    },
    async (req, reply) => reply.status(201).send(await createQuestionnaire(ctxOf(req), req.body)),
  );

  app.put(
    "/survey-questionnaires/:id",
    {
      config: WRITERS,
      schema: { tags: ["surveys"], params: idParam, body: z.strictObject(questionnaireBody) },
    },
    (req) => updateQuestionnaire(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/surveys",
    {
      config: READERS,
      schema: {
        tags: ["surveys"],
        querystring: z.strictObject({ roundId: z.uuid().optional(), groupId: z.uuid().optional() }),
      },
    },
    (req) => listSurveys(ctxOf(req), req.query),
  );

  app.post(
    "/surveys",
    {
      config: WRITERS,
      schema: {
        tags: ["surveys"],
        body: z.strictObject({
          groupId: z.uuid(),
          targetId: z.uuid(),
          questionnaireId: z.uuid().optional(),
          builtIn: z.string().max(40).optional(),
          title: z.string().trim().max(200, "标题不能超过 200 个字").optional(),
          intro: z.string().trim().max(2000, "说明不能超过 2000 个字").optional(),
          opensOn: isoDate,
          closesOn: isoDate,
          codeCount: z
            .number()
            .int()
            .min(0)
            .max(MAX_CODES_PER_CALL, `一次最多生成 ${MAX_CODES_PER_CALL} 个测评码`)
            .optional(),
        }),
      },
    },
    async (req, reply) =>
      reply
        .status(201)
        .send(await createSurvey(ctxOf(req), { ...req.body, publicBaseUrl: publicBaseUrl(req) })),
  );

  app.get("/surveys/:id", { config: READERS, schema: { tags: ["surveys"], params: idParam } }, (req) =>
    getSurvey(ctxOf(req), req.params.id),
  );

  app.post(
    "/surveys/:id/codes",
    {
      config: WRITERS,
      schema: {
        tags: ["surveys"],
        params: idParam,
        body: z.strictObject({
          count: z
            .number()
            .int()
            .min(1, "至少生成 1 个")
            .max(MAX_CODES_PER_CALL, `一次最多生成 ${MAX_CODES_PER_CALL} 个测评码`),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(
        await issueSurveyCodes(ctxOf(req), req.params.id, {
          count: req.body.count,
          publicBaseUrl: publicBaseUrl(req),
        }),
      ),
  );

  app.post("/surveys/:id/close", { config: WRITERS, schema: { tags: ["surveys"], params: idParam } }, (req) =>
    closeSurvey(ctxOf(req), req.params.id),
  );

  app.get(
    "/surveys/:id/results",
    { config: READERS, schema: { tags: ["surveys"], params: idParam } },
    (req) => surveyResults(ctxOf(req), req.params.id),
  );

  app.get(
    "/surveys/:id/results/export",
    { config: READERS, schema: { tags: ["surveys"], params: idParam } },
    async (req, reply) => {
      return sendXlsx(reply, await exportSurveyResults(ctxOf(req), req.params.id), "survey-results.xlsx");
    },
  );

  app.post(
    "/public/surveys/open",
    {
      config: publicRoute("问卷测评：被巡察单位人员凭一次性测评码匿名填写，无需登录"),
      schema: { tags: ["surveys"], body: z.strictObject({ code: codeBody }) },
    },
    (req) => attempt(req, () => openSurveyByCode(req.server.deps.db, req.body)),
  );

  app.post(
    "/public/surveys/responses",
    {
      config: publicRoute("问卷测评：提交匿名答卷（每个测评码一次）"),
      schema: {
        tags: ["surveys"],
        body: z.strictObject({
          code: codeBody,
          answers: z
            .record(z.string().max(40), answer)
            .refine((a) => Object.keys(a).length <= 80, "答案过多"),
        }),
      },
    },
    async (req, reply) =>
      reply.status(201).send(await attempt(req, () => submitSurveyResponse(req.server.deps.db, req.body))),
  );
}
