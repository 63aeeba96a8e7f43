import { and, commitments, eq, files, groupMembers, groups, type Tx } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { recordAudit } from "../audit/record-audit";
import { claimFiles } from "../files/store-file";
import { AppError } from "../model/errors";
import { findRoundForOversight, peopleOfRound } from "./group-read";
import { findRoundForOffice } from "./manage-rounds";

/** The two pledges every person of a round signs before opening the group's records. */
export const COMMITMENT_KINDS = ["confidentiality", "integrity"] as const;
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number];
export const COMMITMENT_LABELS: Record<CommitmentKind, string> = {
  confidentiality: "保密承诺书",
  integrity: "廉洁履职承诺书",
};

async function assertInRound(tx: Tx, roundId: string, personId: string) {
  const [row] = await tx
    .select({ personId: groupMembers.personId })
    .from(groupMembers)
    .innerJoin(groups, eq(groups.id, groupMembers.groupId))
    .where(and(eq(groups.roundId, roundId), eq(groupMembers.personId, personId)));
  if (!row) throw new AppError("commitment.person_not_in_round");
}

/**
 * The office records that a person of the round signed a pledge, on a date, optionally with the
 * signed scan (a file the office uploaded). Recording the same pledge again replaces date and scan.
 */
export async function recordCommitment(
  ctx: Ctx,
  roundId: string,
  input: { personId: string; kind: CommitmentKind; signedOn: string; fileId?: string | undefined },
) {
  return ctx.db.transaction(async (tx) => {
    const round = await findRoundForOffice(tx, ctx.actor, roundId);
    await assertInRound(tx, round.id, input.personId);
    if (input.fileId) await claimFiles(tx, ctx.actor, [input.fileId]);
    const values = {
      committeeId: round.committeeId,
      roundId: round.id,
      personId: input.personId,
      kind: input.kind,
      signedOn: input.signedOn,
      fileId: input.fileId ?? null,
      recordedBy: ctx.actor.accountId!,
    };
    const [row] = await tx
      .insert(commitments)
      .values(values)
      .onConflictDoUpdate({
        target: [commitments.roundId, commitments.personId, commitments.kind],
        set: { signedOn: values.signedOn, fileId: values.fileId, recordedBy: values.recordedBy },
      })
      .returning();
    await recordAudit(tx, ctx.actor, {
      action: "commitment.record",
      entity: "commitment",
      entityId: row!.id,
      committeeId: round.committeeId,
      summary: {
        roundId: round.id,
        personId: input.personId,
        kind: input.kind,
        signedOn: input.signedOn,
        fileId: values.fileId,
      },
    });
    return {
      id: row!.id,
      personId: row!.personId,
      kind: row!.kind,
      signedOn: row!.signedOn,
      fileId: row!.fileId,
    };
  });
}

/**
 * Everyone of the round with their two pledges (signed date and scan, or null), and who has not
 * signed both: without both, a person cannot open the group's records.
 */
export async function listCommitments(ctx: Ctx, roundId: string) {
  const round = await findRoundForOversight(ctx.db, ctx.actor, roundId);
  const [members, signed] = await Promise.all([
    peopleOfRound(ctx.db, round.id),
    ctx.db
      .select({
        id: commitments.id,
        personId: commitments.personId,
        kind: commitments.kind,
        signedOn: commitments.signedOn,
        fileId: commitments.fileId,
        fileName: files.name,
      })
      .from(commitments)
      .leftJoin(files, eq(files.id, commitments.fileId))
      .where(eq(commitments.roundId, round.id)),
  ]);
  const rows = members.map((m) => {
    const of = (kind: CommitmentKind) => {
      const s = signed.find((c) => c.personId === m.personId && c.kind === kind);
      return s ? { id: s.id, signedOn: s.signedOn, fileId: s.fileId, fileName: s.fileName } : null;
    };
    const confidentiality = of("confidentiality");
    const integrity = of("integrity");
    return {
      personId: m.personId,
      name: m.name,
      groupId: m.groupId,
      groupName: m.groupName,
      role: m.role,
      confidentiality,
      integrity,
      complete: Boolean(confidentiality && integrity),
    };
  });
  const isOffice = ctx.actor.grants.some(
    (g) => g.role === "officeStaff" && g.committeeId === round.committeeId && !g.readOnly,
  );
  return {
    people: rows,
    unsigned: rows.filter((r) => !r.complete).length,
    abilities: { record: isOffice && round.status === "open" },
  };
}

/** The signed scan of a pledge, for the office and leading group of the round's committee. */
export async function readCommitmentFile(ctx: Ctx, commitmentId: string) {
  const [row] = await ctx.db.select().from(commitments).where(eq(commitments.id, commitmentId));
  if (!row?.fileId) throw new AppError("file.not_found");
  try {
    await findRoundForOversight(ctx.db, ctx.actor, row.roundId);
  } catch {
    throw new AppError("file.not_found");
  }
  const [file] = await ctx.db.select().from(files).where(eq(files.id, row.fileId));
  if (!file) throw new AppError("file.not_found");
  return file;
}
