import { PassThrough } from "node:stream";
import {
  addMeasure,
  auditLedgerExport,
  CLOSE_OUT_PARTIES,
  closeOut,
  extendDeadline,
  getLedger,
  RECTIFICATION_LEDGER_EXPORT_FILENAME,
  rectificationRates,
  reopenFinding,
  reportProgress,
  setMeasureOutcomes,
  streamRectificationLedger,
} from "@xuncha/domain";
import { COMPLETIONS, RATE_GROUPINGS } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { attachment } from "../files/routes";
import { idParam, isoDate, longText, page, text } from "../schemas";
import type { App } from "../types";

const STATES = ["noPlan", "inProgress", "overdue", "reported", "closed"] as const;
const LEDGER_READERS = [
  "leadership",
  "officeStaff",
  "disciplineReviewer",
  "organizationReviewer",
  "targetContact",
] as const;
const flag = z.enum(["true", "false"]).transform((v) => v === "true");
const ledgerFilters = {
  roundId: z.uuid().optional(),
  targetId: z.uuid().optional(),
  state: z.enum(STATES).optional(),
  category: z.string().trim().min(1).max(60).optional(),
  overdue: flag.optional(),
  closed: flag.optional(),
};

export async function rectificationRoutes(app: App) {
  app.get(
    "/rectification/ledger",
    {
      config: roles(...LEDGER_READERS),
      schema: {
        tags: ["rectification"],
        querystring: z.strictObject({
          ...ledgerFilters,
          ...page,
          pageSize: z.coerce.number().int().min(1).max(500).optional(),
        }),
      },
    },
    (req) => getLedger(ctxOf(req), req.query),
  );

  app.get(
    "/rectification/ledger/export",
    {
      config: roles(...LEDGER_READERS),
      schema: { tags: ["rectification"], querystring: z.strictObject(ledgerFilters) },
    },
    async (req, reply) => {
      const ctx = ctxOf(req);
      await auditLedgerExport(ctx, req.query);
      // Streamed: the workbook is written row by row from batched reads, never held in memory.
      const body = new PassThrough();
      streamRectificationLedger(ctx, req.query, body).catch((e: unknown) => {
        req.log.error(e, "rectification ledger export failed");
        body.destroy(e instanceof Error ? e : new Error(String(e)));
      });
      return reply
        .header("content-type", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
        .header(
          "content-disposition",
          `attachment; filename="rectification-ledger.xlsx"; ${attachment(RECTIFICATION_LEDGER_EXPORT_FILENAME).slice("attachment; ".length)}`,
        )
        .header("cache-control", "private, no-store")
        .send(body);
    },
  );

  app.get(
    "/rectification/rates",
    {
      config: roles(...LEDGER_READERS),
      schema: {
        tags: ["rectification"],
        querystring: z.strictObject({ by: z.enum(RATE_GROUPINGS), roundId: z.uuid().optional() }),
      },
    },
    (req) => rectificationRates(ctxOf(req), req.query.by, req.query.roundId),
  );

  app.put(
    "/measures/:id/outcomes",
    {
      config: roles("targetContact"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({
          rulesMade: z.array(z.string().trim().min(1, "请填写制度名称").max(200)).max(50),
          moneyRecovered: z
            .number()
            .min(0, "挽回经济损失不能为负数")
            .max(999_999_999_999)
            .refine((v) => Math.abs(Math.round(v * 100) - v * 100) < 1e-6, {
              message: "挽回经济损失最多保留两位小数（万元）",
            }),
          accountablePersons: z.number().int("追责问责人数须为整数").min(0).max(100_000),
        }),
      },
    },
    (req) => setMeasureOutcomes(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/findings/:id/measures",
    {
      config: roles("targetContact"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({
          content: longText("整改措施"),
          goal: z.string().trim().max(2000).optional(),
          responsibleLeader: z.string().trim().max(50).optional(),
          responsibleDept: z.string().trim().max(100).optional(),
          responsiblePerson: text("责任人", 50),
          deadline: isoDate,
          longTerm: z.boolean().optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await addMeasure(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    "/measures/:id/progress",
    {
      config: roles("targetContact"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({
          reportedOn: isoDate,
          content: longText("整改进展"),
          completion: z.enum(COMPLETIONS.keys),
          fileIds: z.array(z.uuid()).max(20).optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await reportProgress(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    "/findings/:id/close-out",
    {
      config: roles("officeStaff", "disciplineReviewer", "organizationReviewer"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({
          note: z.string().trim().max(2000).optional(),
          party: z.enum(CLOSE_OUT_PARTIES).optional(),
        }),
      },
    },
    async (req) => ({ ok: true, ...(await closeOut(ctxOf(req), req.params.id, req.body)) }),
  );

  app.post(
    "/measures/:id/extend",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({ deadline: isoDate, reason: text("延期理由", 2000) }),
      },
    },
    async (req, reply) => reply.code(201).send(await extendDeadline(ctxOf(req), req.params.id, req.body)),
  );

  app.post(
    "/findings/:id/reopen",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["rectification"],
        params: idParam,
        body: z.strictObject({ reason: text("重新打开的理由", 2000) }),
      },
    },
    async (req) => {
      await reopenFinding(ctxOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
}
