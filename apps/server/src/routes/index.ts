import { accountsRoutes } from "./accounts/routes";
import { auditRoutes } from "./audit/routes";
import { authRoutes } from "./auth/routes";
import { briefingsRoutes } from "./briefings/routes";
import { cluesRoutes } from "./clues/routes";
import { committeeSettingsRoutes } from "./committee-settings/routes";
import { committeesRoutes } from "./committees/routes";
import { documentsRoutes } from "./documents/routes";
import { evaluationsRoutes } from "./evaluations/routes";
import { feedbackRoutes } from "./feedback/routes";
import { fieldworkRoutes } from "./fieldwork/routes";
import { filesRoutes } from "./files/routes";
import { findingsRoutes } from "./findings/routes";
import { groupsRoutes } from "./groups/routes";
import { healthRoutes } from "./health/routes";
import { notificationsRoutes } from "./notifications/routes";
import { personnelRoutes } from "./personnel/routes";
import { planningRoutes } from "./planning/routes";
import { publicTipsRoutes } from "./public-tips/routes";
import { escalationRoutes } from "./rectification/escalation-routes";
import { rectificationFollowUpRoutes } from "./rectification/follow-up-routes";
import { rectificationReviewRoutes } from "./rectification/review-routes";
import { rectificationRoutes } from "./rectification/routes";
import { reportsRoutes } from "./reports/routes";
import { roundsRoutes } from "./rounds/routes";
import { statisticsRoutes } from "./statistics/routes";
import { surveysRoutes } from "./surveys/routes";
import { targetsRoutes } from "./targets/routes";
import { tipsRoutes } from "./tips/routes";
import type { App } from "./types";
import { workItemsRoutes } from "./work-items/routes";
import { workpapersRoutes } from "./workpapers/routes";

/** Every module's routes, under /api. */
export async function registerRoutes(app: App) {
  for (const module of [
    healthRoutes,
    authRoutes,
    accountsRoutes,
    auditRoutes,
    committeesRoutes,
    targetsRoutes,
    personnelRoutes,
    roundsRoutes,
    planningRoutes,
    groupsRoutes,
    findingsRoutes,
    workpapersRoutes,
    reportsRoutes,
    feedbackRoutes,
    rectificationRoutes,
    rectificationFollowUpRoutes,
    rectificationReviewRoutes,
    escalationRoutes,
    notificationsRoutes,
    cluesRoutes,
    statisticsRoutes,
    filesRoutes,
    committeeSettingsRoutes,
    workItemsRoutes,
    evaluationsRoutes,
    surveysRoutes,
    documentsRoutes,
    briefingsRoutes,
    fieldworkRoutes,
    tipsRoutes,
    publicTipsRoutes,
  ]) {
    await app.register(module);
  }
}
