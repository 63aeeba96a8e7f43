import {
  and,
  asc,
  committees,
  type Db,
  eq,
  groups,
  groupTargets,
  rounds,
  type Tx,
  targets,
  terms,
} from "@xuncha/db";
import { loadSetting } from "../committee-settings/setting";
import { AppError } from "../model/errors";
import { TIP_CATEGORIES } from "../model/tips";
import { roundName } from "../rounds/round-name";
import { tipSettingDef } from "./tip-settings";

/** Stages in which a round takes tips from the public (from the announcement to the end of fieldwork). */
export const ACCEPTING_STAGES = ["preparation", "fieldwork"];

/** The round, when it takes tips now; otherwise tip.not_accepting (unknown rounds alike). */
export async function acceptingRound(db: Db | Tx, roundId: string) {
  const [round] = await db
    .select({
      id: rounds.id,
      committeeId: rounds.committeeId,
      number: rounds.number,
      termName: terms.name,
      committeeName: committees.name,
      endsOn: rounds.endsOn,
      stage: rounds.stage,
      status: rounds.status,
    })
    .from(rounds)
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .innerJoin(committees, eq(committees.id, rounds.committeeId))
    .where(eq(rounds.id, roundId));
  if (round?.status !== "open" || !ACCEPTING_STAGES.includes(round.stage)) {
    throw new AppError("tip.not_accepting");
  }
  return round;
}

/**
 * Public (no login): what the tip page of a round (or of one of its groups) shows: the committee,
 * the round, its targets to choose from, the categories and the attachment limits. Nothing is recorded.
 */
export async function getPublicTipPage(db: Db, input: { roundId: string; groupId?: string | undefined }) {
  const round = await acceptingRound(db, input.roundId);
  let group: { id: string; name: string } | undefined;
  if (input.groupId) {
    [group] = await db
      .select({ id: groups.id, name: groups.name })
      .from(groups)
      .where(and(eq(groups.id, input.groupId), eq(groups.roundId, round.id)));
    if (!group) throw new AppError("tip.not_accepting");
  }
  const targetRows = await db
    .select({ id: targets.id, name: targets.name, groupName: groups.name })
    .from(groupTargets)
    .innerJoin(targets, eq(targets.id, groupTargets.targetId))
    .innerJoin(groups, eq(groups.id, groupTargets.groupId))
    .where(and(eq(groupTargets.roundId, round.id), group ? eq(groupTargets.groupId, group.id) : undefined))
    .orderBy(asc(groups.number), asc(targets.name));
  const { value } = await loadSetting(db, round.committeeId, tipSettingDef);
  return {
    committeeName: round.committeeName,
    roundName: roundName(round.termName, round.number),
    groupName: group?.name ?? null,
    acceptUntil: round.endsOn,
    targets: targetRows,
    categories: TIP_CATEGORIES,
    limits: { maxFiles: value.maxFiles, maxFileMb: value.maxFileMb, maxTotalMb: value.maxTotalMb },
  };
}
