import { disposeClue, listClues } from "@xuncha/domain";
import { CLUE_DISPOSITIONS } from "@xuncha/domain/model";
import { z } from "zod";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { idParam, isoDate } from "../schemas";
import type { App } from "../types";

export async function cluesRoutes(app: App) {
  app.get(
    "/clues",
    {
      config: roles("leadership", "officeStaff", "disciplineReviewer", "organizationReviewer"),
      schema: { tags: ["clues"], querystring: z.strictObject({ roundId: z.uuid().optional() }) },
    },
    (req) => listClues(ctxOf(req), req.query),
  );

  app.patch(
    "/clues/:id",
    {
      config: roles("disciplineReviewer", "organizationReviewer"),
      schema: {
        tags: ["clues"],
        params: idParam,
        body: z.strictObject({
          disposition: z.enum(CLUE_DISPOSITIONS.keys).nullable().optional(),
          caseFiled: z.boolean().optional(),
          sanctionedPersons: z.number().int().min(0).max(1000).optional(),
          orgHandledPersons: z.number().int().min(0).max(1000).optional(),
          judicialReferral: z.boolean().optional(),
          result: z.string().trim().max(5000).optional(),
          concludedOn: isoDate.nullable().optional(),
        }),
      },
    },
    async (req) => {
      await disposeClue(ctxOf(req), req.params.id, req.body);
      return { ok: true };
    },
  );
}
