import { and, eq, people, sql, trainingAttendees, trainings } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";
import { poolReaders } from "./person-fields";

/**
 * The pools' figures for statistics: pool sizes (available among them), trainings held and
 * person-times trained (人次: one per person per training), in total or in one year.
 * Counted over the actor's own committee (its office or leading group).
 */
export async function getPoolStats(ctx: Ctx, options: { year?: number | undefined } = {}) {
  const committeeId =
    poolReaders(ctx.actor).find((c) => c === ctx.actor.committeeId) ?? poolReaders(ctx.actor)[0];
  if (!committeeId) throw new AppError("auth.forbidden");
  const [pools] = await ctx.db
    .select({
      leader: sql<number>`count(*) filter (where ${people.pool} = 'leader')::int`,
      talent: sql<number>`count(*) filter (where ${people.pool} = 'talent')::int`,
      leaderAvailable: sql<number>`count(*) filter (where ${people.pool} = 'leader' and ${people.available})::int`,
      talentAvailable: sql<number>`count(*) filter (where ${people.pool} = 'talent' and ${people.available})::int`,
    })
    .from(people)
    .where(eq(people.committeeId, committeeId));
  const inYear = options.year
    ? sql`${trainings.heldOn} between ${`${options.year}-01-01`}::date and ${`${options.year}-12-31`}::date`
    : undefined;
  const [trained] = await ctx.db
    .select({
      trainings: sql<number>`count(distinct ${trainings.id})::int`,
      personTimes: sql<number>`count(${trainingAttendees.personId})::int`,
      peopleTrained: sql<number>`count(distinct ${trainingAttendees.personId})::int`,
    })
    .from(trainings)
    .leftJoin(trainingAttendees, eq(trainingAttendees.trainingId, trainings.id))
    .where(and(eq(trainings.committeeId, committeeId), inYear));
  return {
    committeeId,
    year: options.year ?? null,
    leaderPool: Number(pools?.leader ?? 0),
    talentPool: Number(pools?.talent ?? 0),
    leaderAvailable: Number(pools?.leaderAvailable ?? 0),
    talentAvailable: Number(pools?.talentAvailable ?? 0),
    trainings: Number(trained?.trainings ?? 0),
    /** 培训人次 */
    personTimes: Number(trained?.personTimes ?? 0),
    peopleTrained: Number(trained?.peopleTrained ?? 0),
  };
}
