import { z } from "zod";

/**
 * The limits the office sets for the planner (terms.plan_limits), validated here so that a stored
 * value and a request body are read the same way.
 *
 *  - groupsPerRound: groups formed in each future round.
 *  - targetsPerGroup: targets a group inspects in one round.
 *  - villagesPerGroup: villages and communities a group inspects in one round, counted apart from
 *    targetsPerGroup (a group inspecting a township goes down to its villages: 下沉). null: villages
 *    count toward targetsPerGroup like any other target.
 *  - membersPerGroup: members from the talent pool besides the leader (from the leader pool).
 *  - maxConsecutiveRounds: a person serves in at most this many rounds in a row.
 *  - keepVillagesWithTownship: a township and its villages (targets.parentTargetId) go to one group
 *    of one round; villages whose township is covered already still go together.
 *  - roundSectors: for a future round number, the sector (targets.sector) of a thematic round: it
 *    takes only targets of that sector. Existing thematic rounds take the sector named in their theme.
 */
export const planLimitsSchema = z.strictObject({
  groupsPerRound: z.number().int().min(1, "每轮至少 1 个组").max(50, "每轮最多 50 个组"),
  targetsPerGroup: z.number().int().min(1, "每组至少 1 个对象").max(100, "每组最多 100 个对象"),
  villagesPerGroup: z.number().int().min(0).max(200).nullable(),
  membersPerGroup: z.number().int().min(0).max(20, "每组组员最多 20 人"),
  maxConsecutiveRounds: z.number().int().min(1, "连续参加轮次至少为 1").max(50),
  keepVillagesWithTownship: z.boolean(),
  roundSectors: z.record(z.string().regex(/^\d{1,3}$/), z.string().trim().max(30)),
});

export type PlanLimits = z.infer<typeof planLimitsSchema>;

export const DEFAULT_PLAN_LIMITS: PlanLimits = {
  groupsPerRound: 5,
  targetsPerGroup: 8,
  villagesPerGroup: null,
  membersPerGroup: 3,
  maxConsecutiveRounds: 2,
  keepVillagesWithTownship: true,
  roundSectors: {},
};

/** Limits as stored on a term: whatever is missing or unreadable takes its default. */
export function readPlanLimits(stored: unknown): PlanLimits {
  const merged = {
    ...DEFAULT_PLAN_LIMITS,
    ...(stored && typeof stored === "object" && !Array.isArray(stored) ? stored : {}),
  };
  const parsed = planLimitsSchema.safeParse(merged);
  return parsed.success ? parsed.data : DEFAULT_PLAN_LIMITS;
}
