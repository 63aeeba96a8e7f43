import { accounts, and, desc, documents, eq, files, rounds } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import type { DocumentKind } from "../model/enums";
import { AppError } from "../model/errors";
import { documentCommittees, readsRoundDocuments, visibleDocuments } from "./document-scope";
import { documentColumns, presentDocument } from "./issue-document";

const selectDocuments = (ctx: Ctx) =>
  ctx.db
    .select(documentColumns)
    .from(documents)
    .innerJoin(files, eq(files.id, documents.fileId))
    .innerJoin(accounts, eq(accounts.id, documents.issuedBy));

const abilitiesOf = (ctx: Ctx, committeeId: string, open: boolean) => ({
  issue:
    open &&
    documentCommittees(ctx.actor).includes(committeeId) &&
    ctx.actor.grants.some((g) => g.role === "officeStaff" && g.committeeId === committeeId),
});

/** A round's documents the actor may see, newest first; a round outside the actor's reach is not found. */
export async function listRoundDocuments(ctx: Ctx, roundId: string) {
  const [round] = await ctx.db.select().from(rounds).where(eq(rounds.id, roundId));
  if (!round || !readsRoundDocuments(ctx.actor, round)) throw new AppError("round.not_found");
  const rows = await selectDocuments(ctx)
    .where(and(eq(documents.roundId, roundId), visibleDocuments(ctx.actor)))
    .orderBy(desc(documents.createdAt));
  return {
    items: rows.map(presentDocument),
    abilities: abilitiesOf(ctx, round.committeeId, round.status === "open"),
  };
}

/** The committee's documents (office and leading group), optionally of one kind, newest first. */
export async function listDocuments(ctx: Ctx, filter: { kind?: DocumentKind | undefined } = {}) {
  if (!documentCommittees(ctx.actor).length) throw new AppError("auth.forbidden");
  const rows = await selectDocuments(ctx)
    .where(and(visibleDocuments(ctx.actor), filter.kind ? eq(documents.kind, filter.kind) : undefined))
    .orderBy(desc(documents.createdAt))
    .limit(500);
  return { items: rows.map(presentDocument) };
}

/** A document's .docx, when the actor may see the document. */
export async function readDocumentFile(ctx: Ctx, documentId: string) {
  const [row] = await ctx.db
    .select({ id: documents.id, number: documents.number, file: files })
    .from(documents)
    .innerJoin(files, eq(files.id, documents.fileId))
    .where(and(eq(documents.id, documentId), visibleDocuments(ctx.actor)));
  if (!row) throw new AppError("document.not_found");
  return row.file;
}
