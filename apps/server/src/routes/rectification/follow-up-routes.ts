import {
  approveDisclosure,
  completeRevisit,
  createDisclosure,
  createRevisit,
  DISCLOSURE_SCOPES,
  evaluateRectification,
  getDisclosure,
  listCarriedOver,
  listDisclosures,
  listRectificationEvaluations,
  listRevisits,
  planRevisits,
  publishDisclosure,
  REVISIT_METHODS,
  REVISIT_PARTIES,
  readDisclosureFile,
  returnDisclosure,
  submitDisclosure,
  updateDisclosure,
  updateRevisit,
} from "@xuncha/domain";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { sendFile } from "../files/routes";
import { idParam, isoDate, text } from "../schemas";
import type { App } from "../types";

const tags = ["rectification"];
const method = z.enum(REVISIT_METHODS);
const parties = z.array(z.enum(REVISIT_PARTIES)).max(REVISIT_PARTIES.length);
const roundTarget = { roundId: z.uuid(), targetId: z.uuid() };
const note = z.string().trim().max(2000);

/**
 * After the concentrated rectification period (issue 5 §5): revisits (回访督查), effect evaluation
 * (整改成效评估), disclosure (整改公开) and 回头看 (problems carried into a later round).
 */
export async function rectificationFollowUpRoutes(app: App) {
  app.get(
    "/rectification/revisits",
    {
      config: roles(
        "leadership",
        "officeStaff",
        "disciplineReviewer",
        "organizationReviewer",
        "targetContact",
      ),
      schema: {
        tags,
        querystring: z.strictObject({
          roundId: z.uuid().optional(),
          targetId: z.uuid().optional(),
          state: z.enum(["planned", "due", "overdue", "done"]).optional(),
        }),
      },
    },
    (req) => listRevisits(ctxOf(req), req.query),
  );

  app.post(
    "/rectification/revisits",
    {
      config: roles("officeStaff"),
      schema: { tags, body: z.strictObject({ ...roundTarget, plannedOn: isoDate, method, parties }) },
    },
    async (req, reply) => reply.status(201).send(await createRevisit(ctxOf(req), req.body)),
  );

  app.post(
    "/rectification/revisits/plan",
    {
      config: roles("officeStaff"),
      schema: {
        tags,
        body: z.strictObject({
          ...roundTarget,
          from: isoDate.optional(),
          method: method.optional(),
          parties: parties.optional(),
        }),
      },
    },
    async (req) => ({ items: await planRevisits(ctxOf(req), req.body) }),
  );

  app.patch(
    "/rectification/revisits/:id",
    {
      config: roles("officeStaff"),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          plannedOn: isoDate.optional(),
          method: method.optional(),
          parties: parties.optional(),
        }),
      },
    },
    (req) => updateRevisit(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/rectification/revisits/:id/done",
    {
      config: roles("officeStaff"),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          doneOn: isoDate,
          conclusion: text("回访督查结论", 5000),
          reopen: z
            .array(z.strictObject({ findingId: z.uuid(), reason: text("重新打开的理由", 2000) }))
            .max(200)
            .optional(),
        }),
      },
    },
    (req) => completeRevisit(ctxOf(req), req.params.id, req.body),
  );

  app.get(
    "/rounds/:id/rectification-evaluations",
    { config: roles("leadership", "officeStaff"), schema: { tags, params: idParam } },
    (req) => listRectificationEvaluations(ctxOf(req), req.params.id),
  );

  app.put(
    "/rectification/evaluations",
    {
      config: roles("officeStaff"),
      schema: {
        tags,
        body: z.strictObject({
          ...roundTarget,
          scores: z.record(z.string(), z.number()),
          comment: note.optional(),
        }),
      },
    },
    (req) => evaluateRectification(ctxOf(req), req.body),
  );

  app.get(
    "/rectification/disclosures",
    {
      config: roles("leadership", "officeStaff", "targetContact"),
      schema: {
        tags,
        querystring: z.strictObject({ roundId: z.uuid().optional(), targetId: z.uuid().optional() }),
      },
    },
    (req) => listDisclosures(ctxOf(req), req.query),
  );

  app.post(
    "/rectification/disclosures",
    {
      config: roles("officeStaff"),
      schema: {
        tags,
        body: z.strictObject({
          ...roundTarget,
          scope: z.enum(DISCLOSURE_SCOPES),
          title: text("标题", 200).optional(),
        }),
      },
    },
    async (req, reply) => reply.status(201).send(await createDisclosure(ctxOf(req), req.body)),
  );

  app.get(
    "/rectification/disclosures/:id",
    { config: roles("leadership", "officeStaff", "targetContact"), schema: { tags, params: idParam } },
    (req) => getDisclosure(ctxOf(req), req.params.id),
  );

  app.patch(
    "/rectification/disclosures/:id",
    {
      config: roles("officeStaff"),
      schema: {
        tags,
        params: idParam,
        body: z.strictObject({
          title: text("标题", 200).optional(),
          withheld: z
            .array(z.strictObject({ findingId: z.uuid(), reason: z.string().max(40), note: note.optional() }))
            .max(500)
            .optional(),
          // 开头 and 结尾: at most 5000 characters each, checked by the use case (a stable code);
          // this is only the transport's bound. An empty or null lead = the final report's text.
          lead: z.string().max(20000).nullable().optional(),
          closing: z.string().max(20000).optional(),
        }),
      },
    },
    (req) => updateDisclosure(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/rectification/disclosures/:id/submit",
    { config: roles("officeStaff"), schema: { tags, params: idParam } },
    (req) => submitDisclosure(ctxOf(req), req.params.id),
  );

  app.post(
    "/rectification/disclosures/:id/approve",
    {
      config: roles("leadership"),
      schema: { tags, params: idParam, body: z.strictObject({ note: note.optional() }) },
    },
    (req) => approveDisclosure(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/rectification/disclosures/:id/return",
    {
      config: roles("leadership"),
      schema: { tags, params: idParam, body: z.strictObject({ note: text("退回意见", 2000) }) },
    },
    (req) => returnDisclosure(ctxOf(req), req.params.id, req.body),
  );

  app.post(
    "/rectification/disclosures/:id/publish",
    { config: roles("officeStaff"), schema: { tags, params: idParam } },
    (req) => publishDisclosure(ctxOf(req), req.params.id),
  );

  app.get(
    "/rectification/disclosures/:id/file",
    { config: roles("leadership", "officeStaff", "targetContact"), schema: { tags, params: idParam } },
    async (req, reply) => sendFile(reply, await readDisclosureFile(ctxOf(req), req.params.id)),
  );

  app.get(
    "/rounds/:id/carried-over",
    {
      config: roles("leadership", "officeStaff", "groupLeader", "groupDeputy", "groupMember"),
      schema: { tags, params: idParam },
    },
    (req) => listCarriedOver(ctxOf(req), req.params.id),
  );
}
