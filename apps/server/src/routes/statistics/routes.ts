import { committeeOverview, findVisibleRound, roundStatistics } from "@xuncha/domain";
import { roles } from "../../http/access";
import { ctxOf } from "../context";
import { idParam } from "../schemas";
import type { App } from "../types";

export async function statisticsRoutes(app: App) {
  app.get(
    "/statistics/overview",
    { config: roles("leadership", "officeStaff", "upperLevel"), schema: { tags: ["statistics"] } },
    (req) => committeeOverview(ctxOf(req)),
  );

  app.get(
    "/rounds/:id/statistics",
    {
      config: roles("leadership", "officeStaff", "groupLeader", "groupDeputy", "groupMember"),
      schema: { tags: ["statistics"], params: idParam },
    },
    async (req) => {
      const ctx = ctxOf(req);
      const round = await findVisibleRound(ctx.db, ctx.actor, req.params.id);
      return roundStatistics(ctx.db, ctx.actor, round.id);
    },
  );
}
