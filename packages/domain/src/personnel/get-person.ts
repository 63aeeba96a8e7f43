import { and, eq, inArray, people, targets } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { AppError } from "../model/errors";
import { poolReaders } from "./person-fields";
import { personHistory } from "./person-history";
import { canManagePerson, presentPerson } from "./present-person";

/**
 * One person of the pools with their whole history: work history, relatives and ties (personal
 * data: only the office and leadership of the person's committee read them, as they are the only
 * readers of the pools), trainings, and from the records the rounds served in, pledges signed and
 * the evaluations of their groups. person.not_found (404) outside the actor's scope.
 */
export async function getPerson(ctx: Ctx, id: string) {
  const readers = poolReaders(ctx.actor);
  if (!readers.length) throw new AppError("auth.forbidden");
  const [row] = await ctx.db
    .select({ person: people, unitTargetName: targets.name })
    .from(people)
    .leftJoin(targets, eq(targets.id, people.unitTargetId))
    .where(and(eq(people.id, id), inArray(people.committeeId, readers)));
  if (!row) throw new AppError("person.not_found");
  const history = await personHistory(ctx.db, id);
  const manage = canManagePerson(ctx.actor, row.person.committeeId);
  return {
    ...presentPerson(row.person, ctx.actor),
    unitTargetName: row.unitTargetName,
    ...history,
    abilities: { update: manage, editHistory: manage },
  };
}
