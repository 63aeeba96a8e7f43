import { createRound, createTerm, getRound, listRounds, listTerms, updateRound } from "@xuncha/domain";
import { ROUND_KINDS, ROUND_STAGES } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { idParam, isoDate, text } from "../schemas";
import type { App } from "../types";

const ROUND_VIEWERS = [
  "leadership",
  "officeStaff",
  "disciplineReviewer",
  "organizationReviewer",
  "groupLeader",
  "groupDeputy",
  "groupMember",
] as const;

export async function roundsRoutes(app: App) {
  app.get("/terms", { config: roles("leadership", "officeStaff"), schema: { tags: ["rounds"] } }, (req) =>
    listTerms(ctxOf(req)),
  );

  app.post(
    "/terms",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["rounds"],
        body: z.strictObject({ name: text("届次名称", 50), startsOn: isoDate, endsOn: isoDate }),
      },
    },
    (req) => createTerm(ctxOf(req), req.body),
  );

  app.get("/rounds", { config: roles(...ROUND_VIEWERS), schema: { tags: ["rounds"] } }, (req) =>
    listRounds(ctxOf(req)),
  );

  app.post(
    "/rounds",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["rounds"],
        body: z.strictObject({
          termId: z.uuid(),
          kind: z.enum(ROUND_KINDS.keys),
          theme: z.string().trim().max(100).optional(),
          startsOn: isoDate,
          endsOn: isoDate,
        }),
      },
    },
    (req) => createRound(ctxOf(req), req.body),
  );

  app.get(
    "/rounds/:id",
    { config: roles(...ROUND_VIEWERS), schema: { tags: ["rounds"], params: idParam } },
    (req) => getRound(ctxOf(req), req.params.id),
  );

  app.patch(
    "/rounds/:id",
    {
      config: roles("officeStaff"),
      schema: {
        tags: ["rounds"],
        params: idParam,
        body: z
          .strictObject({
            stage: z.enum(ROUND_STAGES.keys).optional(),
            status: z.enum(["open", "closed"]).optional(),
          })
          .refine((b) => b.stage !== undefined || b.status !== undefined, "请指定要修改的阶段或状态"),
      },
    },
    async (req) => {
      await updateRound(ctxOf(req), req.params.id, req.body);
      return getRound(ctxOf(req), req.params.id);
    },
  );
  // Groups, draws, commitments and recusal: routes/groups/routes.ts.
}
