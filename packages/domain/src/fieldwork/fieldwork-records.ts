import {
  accounts,
  and,
  asc,
  desc,
  eq,
  fieldworkRecordFiles,
  fieldworkRecordInspectors,
  fieldworkRecords,
  files,
  groups,
  inArray,
  people,
  rounds,
  type SQL,
  type Tx,
  targets,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { groupIdsOf } from "../access/policies";
import { recordAudit } from "../audit/record-audit";
import { claimFiles } from "../files/store-file";
import { AppError } from "../model/errors";
import type { FieldworkRecordKind } from "../model/fieldwork";
import { assertGroupInspectors, fieldworkRecordScope, ownGroupOfTarget } from "./fieldwork-scope";

const visible = (actor: Actor) =>
  fieldworkRecordScope(actor, {
    committeeId: fieldworkRecords.committeeId,
    groupId: fieldworkRecords.groupId,
  });

async function loadRecords(tx: Tx, actor: Actor, where: SQL | undefined) {
  const rows = await tx
    .select({
      record: fieldworkRecords,
      targetName: targets.name,
      groupName: groups.name,
      roundStatus: rounds.status,
      createdByName: accounts.displayName,
    })
    .from(fieldworkRecords)
    .innerJoin(targets, eq(targets.id, fieldworkRecords.targetId))
    .innerJoin(groups, eq(groups.id, fieldworkRecords.groupId))
    .innerJoin(rounds, eq(rounds.id, fieldworkRecords.roundId))
    .innerJoin(accounts, eq(accounts.id, fieldworkRecords.createdBy))
    .where(and(visible(actor), where))
    .orderBy(desc(fieldworkRecords.heldOn), asc(fieldworkRecords.createdAt));
  const ids = rows.map((r) => r.record.id);
  const inspectors = ids.length
    ? await tx
        .select({ recordId: fieldworkRecordInspectors.recordId, personId: people.id, name: people.name })
        .from(fieldworkRecordInspectors)
        .innerJoin(people, eq(people.id, fieldworkRecordInspectors.personId))
        .where(inArray(fieldworkRecordInspectors.recordId, ids))
        .orderBy(asc(people.name))
    : [];
  const attachments = ids.length
    ? await tx
        .select({
          recordId: fieldworkRecordFiles.recordId,
          id: files.id,
          name: files.name,
          mime: files.mime,
          size: files.size,
        })
        .from(fieldworkRecordFiles)
        .innerJoin(files, eq(files.id, fieldworkRecordFiles.fileId))
        .where(inArray(fieldworkRecordFiles.recordId, ids))
        .orderBy(asc(files.name))
    : [];
  const mine = groupIdsOf(actor);
  return rows.map(({ record: r, ...x }) => ({
    id: r.id,
    committeeId: r.committeeId,
    roundId: r.roundId,
    groupId: r.groupId,
    groupName: x.groupName,
    targetId: r.targetId,
    targetName: x.targetName,
    kind: r.kind as FieldworkRecordKind,
    heldOn: r.heldOn,
    subject: r.subject,
    notes: r.notes,
    inspectors: inspectors
      .filter((p) => p.recordId === r.id)
      .map(({ personId, name }) => ({ personId, name })),
    files: attachments.filter((f) => f.recordId === r.id).map(({ recordId: _r, ...f }) => f),
    createdByName: x.createdByName,
    updatedAt: r.updatedAt,
    abilities: { edit: x.roundStatus !== "closed" && mine.includes(r.groupId) },
  }));
}

export type PresentedFieldworkRecord = Awaited<ReturnType<typeof loadRecords>>[number];

/** A round's document reviews and visits the actor may see (the group's own; all for the office). */
export function listFieldworkRecords(
  ctx: Ctx,
  filters: { roundId: string; kind?: FieldworkRecordKind | undefined; targetId?: string | undefined },
) {
  return loadRecords(
    ctx.db,
    ctx.actor,
    and(
      eq(fieldworkRecords.roundId, filters.roundId),
      filters.kind ? eq(fieldworkRecords.kind, filters.kind) : undefined,
      filters.targetId ? eq(fieldworkRecords.targetId, filters.targetId) : undefined,
    ),
  );
}

export interface FieldworkRecordInput {
  roundId: string;
  targetId: string;
  kind: FieldworkRecordKind;
  heldOn: string;
  subject: string;
  notes?: string | undefined;
  inspectorIds: string[];
  fileIds?: string[] | undefined;
}

/** A group records a document review or a site visit on one of its targets, in an open round. */
export async function createFieldworkRecord(ctx: Ctx, input: FieldworkRecordInput) {
  return ctx.db.transaction(async (tx) => {
    const own = await ownGroupOfTarget(tx, ctx.actor, input.roundId, input.targetId);
    const inspectorIds = await assertGroupInspectors(tx, own.groupId, input.inspectorIds, 1);
    const [row] = await tx
      .insert(fieldworkRecords)
      .values({
        committeeId: own.committeeId,
        roundId: input.roundId,
        groupId: own.groupId,
        targetId: input.targetId,
        kind: input.kind,
        heldOn: input.heldOn,
        subject: input.subject,
        notes: input.notes ?? "",
        createdBy: ctx.actor.accountId!,
      })
      .returning({ id: fieldworkRecords.id });
    await tx
      .insert(fieldworkRecordInspectors)
      .values(inspectorIds.map((personId) => ({ recordId: row!.id, personId })));
    const fileIds = await claimFiles(tx, ctx.actor, input.fileIds ?? []);
    if (fileIds.length)
      await tx.insert(fieldworkRecordFiles).values(fileIds.map((fileId) => ({ recordId: row!.id, fileId })));
    await recordAudit(tx, ctx.actor, {
      action: `fieldwork.${input.kind}.create`,
      entity: "fieldwork_record",
      entityId: row!.id,
      committeeId: own.committeeId,
      summary: {
        kind: input.kind,
        targetId: input.targetId,
        heldOn: input.heldOn,
        subject: input.subject,
        inspectorIds,
        fileIds,
      },
    });
    const [presented] = await loadRecords(tx, ctx.actor, eq(fieldworkRecords.id, row!.id));
    return presented!;
  });
}

export interface FieldworkRecordChanges {
  heldOn?: string | undefined;
  subject?: string | undefined;
  notes?: string | undefined;
  inspectorIds?: string[] | undefined;
  /** Files to attach (added to those already attached). */
  fileIds?: string[] | undefined;
}

/** The group changes one of its records in an open round. */
export async function updateFieldworkRecord(ctx: Ctx, recordId: string, changes: FieldworkRecordChanges) {
  return ctx.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ record: fieldworkRecords, roundStatus: rounds.status })
      .from(fieldworkRecords)
      .innerJoin(rounds, eq(rounds.id, fieldworkRecords.roundId))
      .where(and(eq(fieldworkRecords.id, recordId), visible(ctx.actor)))
      .for("update", { of: fieldworkRecords });
    if (!row) throw new AppError("fieldwork_record.not_found");
    const { record } = row;
    if (!groupIdsOf(ctx.actor).includes(record.groupId)) throw new AppError("auth.forbidden");
    if (row.roundStatus === "closed") throw new AppError("round.closed");
    const { inspectorIds, fileIds, ...fields } = changes;
    await tx
      .update(fieldworkRecords)
      .set({ ...fields, updatedAt: new Date() })
      .where(eq(fieldworkRecords.id, record.id));
    if (inspectorIds) {
      const ids = await assertGroupInspectors(tx, record.groupId, inspectorIds, 1);
      await tx.delete(fieldworkRecordInspectors).where(eq(fieldworkRecordInspectors.recordId, record.id));
      await tx
        .insert(fieldworkRecordInspectors)
        .values(ids.map((personId) => ({ recordId: record.id, personId })));
    }
    const added = await claimFiles(tx, ctx.actor, fileIds ?? []);
    if (added.length)
      await tx
        .insert(fieldworkRecordFiles)
        .values(added.map((fileId) => ({ recordId: record.id, fileId })))
        .onConflictDoNothing();
    await recordAudit(tx, ctx.actor, {
      action: `fieldwork.${record.kind}.update`,
      entity: "fieldwork_record",
      entityId: record.id,
      committeeId: record.committeeId,
      summary: {
        ...fields,
        ...(inspectorIds ? { inspectorIds } : {}),
        ...(added.length ? { fileIds: added } : {}),
      },
    });
    const [presented] = await loadRecords(tx, ctx.actor, eq(fieldworkRecords.id, record.id));
    return presented!;
  });
}

/** An attachment of a document review or visit the actor may see. */
export async function readFieldworkFile(ctx: Ctx, recordId: string, fileId: string) {
  const [row] = await ctx.db
    .select({ file: files })
    .from(fieldworkRecordFiles)
    .innerJoin(fieldworkRecords, eq(fieldworkRecords.id, fieldworkRecordFiles.recordId))
    .innerJoin(files, eq(files.id, fieldworkRecordFiles.fileId))
    .where(
      and(
        eq(fieldworkRecordFiles.recordId, recordId),
        eq(fieldworkRecordFiles.fileId, fileId),
        visible(ctx.actor),
      ),
    );
  if (!row) throw new AppError("file.not_found");
  return row.file;
}
