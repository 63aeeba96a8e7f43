import {
  and,
  asc,
  eq,
  findings,
  groupMembers,
  groups,
  isNull,
  rounds,
  sql,
  type Tx,
  workpaperSignatures,
  workpapers,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import { committeesWhere, groupIdsOf, visibleFindings } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { loadFindingForChange } from "../findings/load-finding";
import { AppError } from "../model/errors";
import type { WorkpaperSource } from "../model/workpapers";
import type { WorkpaperState } from "./workpaper-abilities";

type FindingRow = typeof findings.$inferSelect;

/**
 * Who reads a finding's workpaper: its own group, the committee's leading group and office (within
 * what they may see of findings). Never a target contact, a reviewer department or the upper level.
 */
export function readsWorkpaper(actor: Actor, f: { committeeId: string; groupId: string }) {
  return (
    groupIdsOf(actor).includes(f.groupId) ||
    committeesWhere(actor, ["leadership"], "read").includes(f.committeeId) ||
    committeesWhere(actor, ["officeStaff"]).includes(f.committeeId)
  );
}

export interface WorkpaperContext {
  finding: FindingRow & { roundOpen: boolean };
  group: { id: string; number: number; name: string };
  hasDeputy: boolean;
  workpaper: typeof workpapers.$inferSelect | null;
  signatures: (typeof workpaperSignatures.$inferSelect)[];
}

async function contextOf(tx: Tx, finding: FindingRow & { roundOpen: boolean }, lock: boolean) {
  const [group] = await tx
    .select({ id: groups.id, number: groups.number, name: groups.name })
    .from(groups)
    .where(eq(groups.id, finding.groupId));
  const [deputy] = await tx
    .select({ one: sql<number>`1` })
    .from(groupMembers)
    .where(and(eq(groupMembers.groupId, finding.groupId), eq(groupMembers.role, "deputy")))
    .limit(1);
  const query = tx.select().from(workpapers).where(eq(workpapers.findingId, finding.id));
  const [workpaper] = lock ? await query.for("update") : await query;
  const signatures = workpaper
    ? await tx
        .select()
        .from(workpaperSignatures)
        .where(and(eq(workpaperSignatures.workpaperId, workpaper.id), isNull(workpaperSignatures.revokedAt)))
        .orderBy(asc(workpaperSignatures.signedAt))
    : [];
  return { finding, group: group!, hasDeputy: !!deputy, workpaper: workpaper ?? null, signatures };
}

/** A finding's workpaper context for reading; outside the reader's scope it does not exist. */
export async function loadWorkpaperForRead(
  tx: Tx,
  actor: Actor,
  findingId: string,
): Promise<WorkpaperContext> {
  const [row] = await tx
    .select({ finding: findings, roundStatus: rounds.status })
    .from(findings)
    .innerJoin(rounds, eq(rounds.id, findings.roundId))
    .where(and(eq(findings.id, findingId), visibleFindings(actor)));
  if (!row || !readsWorkpaper(actor, row.finding)) throw new AppError("workpaper.not_found");
  return contextOf(tx, { ...row.finding, roundOpen: row.roundStatus === "open" }, false);
}

/** The same, with the finding and the workpaper rows locked for a change. */
export async function loadWorkpaperForChange(
  tx: Tx,
  actor: Actor,
  findingId: string,
): Promise<WorkpaperContext> {
  let finding: FindingRow & { roundOpen: boolean };
  try {
    finding = await loadFindingForChange(tx, actor, findingId);
  } catch (e) {
    if (e instanceof AppError && e.code === "finding.not_found") throw new AppError("workpaper.not_found");
    throw e;
  }
  if (!readsWorkpaper(actor, finding)) throw new AppError("workpaper.not_found");
  return contextOf(tx, finding, true);
}

export const stateOf = (c: WorkpaperContext): WorkpaperState => ({
  groupId: c.finding.groupId,
  status: c.finding.status,
  route: c.finding.route,
  feedbackId: c.finding.feedbackId,
  roundOpen: c.finding.roundOpen,
  hasDeputy: c.hasDeputy,
  signers: c.signatures.map((s) => s.accountId),
  reviewed: !!c.workpaper?.reviewedAt,
});

export interface WorkpaperFields {
  source?: WorkpaperSource | undefined;
  sourceRecordId?: string | null | undefined;
  summary?: string | undefined;
  persons?: { name: string; post: string }[] | undefined;
}

/**
 * The finding's workpaper, created if it has none: numbered next in its group, the group row locked
 * while the number is taken (concurrent creations in a group wait for each other).
 */
export async function ensureWorkpaper(
  tx: Tx,
  actor: Actor,
  finding: { id: string; committeeId: string; roundId: string; groupId: string },
  fields: WorkpaperFields = {},
) {
  const [existing] = await tx
    .select()
    .from(workpapers)
    .where(eq(workpapers.findingId, finding.id))
    .for("update");
  if (existing) return existing;
  await tx.select({ id: groups.id }).from(groups).where(eq(groups.id, finding.groupId)).for("update");
  const [{ last } = { last: 0 }] = await tx
    .select({ last: sql<number>`coalesce(max(${workpapers.number}), 0)::int` })
    .from(workpapers)
    .where(eq(workpapers.groupId, finding.groupId));
  const [row] = await tx
    .insert(workpapers)
    .values({
      committeeId: finding.committeeId,
      roundId: finding.roundId,
      groupId: finding.groupId,
      findingId: finding.id,
      number: Number(last) + 1,
      source: fields.source ?? "other",
      sourceRecordId: fields.sourceRecordId ?? null,
      summary: fields.summary ?? "",
      persons: fields.persons ?? [],
      createdBy: actor.accountId!,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: "workpaper.create",
    entity: "workpaper",
    entityId: row!.id,
    committeeId: finding.committeeId,
    summary: { findingId: finding.id, number: row!.number, source: row!.source },
  });
  return row!;
}
