import {
  and,
  asc,
  eq,
  files,
  findings,
  inArray,
  isNotNull,
  measures,
  progressFiles,
  progressUpdates,
  rounds,
  targets,
  terms,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { committeesWhere, contactTargetIds, visibleFindings } from "../access/policies";
import type { Completion } from "../model/enums";
import { rectificationRate } from "../model/rates";
import { categoryName } from "../model/taxonomy";
import { roundName } from "../rounds/round-name";
import { type RectificationState, rectificationState } from "./rectification-state";

export interface LedgerFilters {
  roundId?: string | undefined;
  targetId?: string | undefined;
  state?: RectificationState | undefined;
}

export const todayIso = (now = new Date()) => {
  const d = new Date(now.getTime() - now.getTimezoneOffset() * 60000);
  return d.toISOString().slice(0, 10);
};

function abilities(actor: Actor, f: { committeeId: string; targetId: string }, state: RectificationState) {
  const isContact = contactTargetIds(actor).includes(f.targetId);
  const isOffice = committeesWhere(actor, ["officeStaff"]).includes(f.committeeId);
  return {
    addMeasure: isContact && state !== "closed",
    reportProgress: isContact && state !== "closed",
    closeOut: isOffice && state === "reported",
    reopen: isOffice && state === "closed",
  };
}

/**
 * The rectification ledger (整改台账): every fed-back finding the actor may see, with its measures,
 * their dated progress and the problem's state; and the rectification rate over the same rows.
 */
export async function getLedger(ctx: Ctx, filters: LedgerFilters, now = new Date()) {
  const today = todayIso(now);
  const rows = await ctx.db
    .select({
      id: findings.id,
      committeeId: findings.committeeId,
      number: findings.number,
      title: findings.title,
      description: findings.description,
      category: findings.category,
      severity: findings.severity,
      route: findings.route,
      routeDept: findings.routeDept,
      closedAt: findings.closedAt,
      targetId: findings.targetId,
      targetName: targets.name,
      roundId: findings.roundId,
      roundNumber: rounds.number,
      termName: terms.name,
    })
    .from(findings)
    .innerJoin(targets, eq(targets.id, findings.targetId))
    .innerJoin(rounds, eq(rounds.id, findings.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(
      and(
        visibleFindings(ctx.actor),
        isNotNull(findings.feedbackId),
        filters.roundId ? eq(findings.roundId, filters.roundId) : undefined,
        filters.targetId ? eq(findings.targetId, filters.targetId) : undefined,
      ),
    )
    .orderBy(asc(rounds.number), asc(findings.number));
  const ids = rows.map((r) => r.id);
  const measureRows = ids.length
    ? await ctx.db
        .select()
        .from(measures)
        .where(inArray(measures.findingId, ids))
        .orderBy(asc(measures.createdAt))
    : [];
  const measureIds = measureRows.map((m) => m.id);
  const progressRows = measureIds.length
    ? await ctx.db
        .select()
        .from(progressUpdates)
        .where(inArray(progressUpdates.measureId, measureIds))
        .orderBy(asc(progressUpdates.reportedOn), asc(progressUpdates.createdAt))
    : [];
  const progressIds = progressRows.map((p) => p.id);
  const fileRows = progressIds.length
    ? await ctx.db
        .select({
          progressUpdateId: progressFiles.progressUpdateId,
          id: files.id,
          name: files.name,
          size: files.size,
          sha256: files.sha256,
        })
        .from(progressFiles)
        .innerJoin(files, eq(files.id, progressFiles.fileId))
        .where(inArray(progressFiles.progressUpdateId, progressIds))
    : [];

  const items = rows.map((f) => {
    const ms = measureRows
      .filter((m) => m.findingId === f.id)
      .map((m) => {
        const progress = progressRows
          .filter((p) => p.measureId === m.id)
          .map((p) => ({
            id: p.id,
            reportedOn: p.reportedOn,
            content: p.content,
            completion: p.completion as Completion,
            files: fileRows
              .filter((x) => x.progressUpdateId === p.id)
              .map(({ progressUpdateId: _, ...x }) => x),
          }));
        const { committeeId: _c, createdBy: _b, ...rest } = m;
        return { ...rest, progress, latest: progress.at(-1)?.completion };
      });
    const state = rectificationState(
      f.closedAt !== null,
      ms.map((m) => ({ deadline: m.deadline, latest: m.latest })),
      today,
    );
    return {
      finding: {
        id: f.id,
        number: f.number,
        title: f.title,
        description: f.description,
        category: f.category,
        categoryName: categoryName(f.category),
        severity: f.severity,
        route: f.route,
        routeDept: f.routeDept,
      },
      target: { id: f.targetId, name: f.targetName },
      round: { id: f.roundId, name: roundName(f.termName, f.roundNumber) },
      measures: ms,
      state,
      closedAt: f.closedAt,
      abilities: abilities(ctx.actor, f, state),
    };
  });
  const closed = items.filter((i) => i.state === "closed").length;
  return {
    items: filters.state ? items.filter((i) => i.state === filters.state) : items,
    rate: rectificationRate(closed, items.length),
  };
}
