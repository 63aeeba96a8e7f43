import { accounts, documents, eq, files, sql, type Tx } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { recordAudit } from "../audit/record-audit";
import { sha256 } from "../files/store-file";
import { DOCUMENT_KINDS, type DocumentKind } from "../model/enums";
import { AppError } from "../model/errors";
import { chinaDate } from "../work-items/due-date";
import { lockRegisterFor } from "./manage-registers";

export const DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

/** 县巡组发〔2026〕3号 */
export const documentNumber = (prefix: string, year: number, serial: number) =>
  `${prefix}〔${year}〕${serial}号`;

export interface IssueInput {
  committeeId: string;
  kind: DocumentKind;
  title: string;
  /** 成文日期 YYYY-MM-DD: its year numbers the document. */
  date: string;
  roundId?: string | null;
  groupId?: string | null;
  targetId?: string | null;
  /** The values the document is generated from, kept with it. */
  fields: Record<string, unknown>;
  /**
   * The account recorded as issuing it, when the actor is the system (the escalation sweep issues
   * in the name of the committee's office head, ADR 0011); the actor's own account by default.
   */
  issuedBy?: string;
  /** Renders the document once its number is known. */
  render: (numbered: { number: string; issuer: string }) => Promise<Uint8Array>;
}

/**
 * Issues a numbered document inside the caller's transaction: takes the next serial of the register
 * for the year under the register's row lock, renders, stores the .docx (SHA-256) and the document
 * row, and audits. Used by every kind: authorization, announcement, urging letters, 立行立改通知书.
 */
export async function issueDocument(tx: Tx, actor: Actor, input: IssueInput) {
  const issuedBy = input.issuedBy ?? assertIssuer(actor);
  const register = await lockRegisterFor(tx, input.committeeId, input.kind);
  const year = Number(input.date.slice(0, 4));
  const [{ last } = { last: 0 }] = await tx
    .select({ last: sql<number>`coalesce(max(${documents.serial}), 0)::int` })
    .from(documents)
    .where(sql`${documents.registerId} = ${register.id} and ${documents.year} = ${year}`);
  const serial = Number(last) + 1;
  const number = documentNumber(register.prefix, year, serial);
  const data = await input.render({ number, issuer: register.issuer });
  const fileName = `${input.title.replace(/[\\/:*?"<>|\n\r]+/g, "")}（${number}）.docx`.slice(0, 200);
  const [file] = await tx
    .insert(files)
    .values({
      committeeId: input.committeeId,
      name: fileName,
      mime: DOCX_MIME,
      size: data.length,
      sha256: sha256(data),
      content: data,
      uploadedBy: actor.accountId,
    })
    .returning({ id: files.id });
  const [row] = await tx
    .insert(documents)
    .values({
      committeeId: input.committeeId,
      registerId: register.id,
      kind: input.kind,
      year,
      serial,
      number,
      title: input.title,
      roundId: input.roundId ?? null,
      groupId: input.groupId ?? null,
      targetId: input.targetId ?? null,
      fields: { ...input.fields, date: input.date },
      fileId: file!.id,
      issuedBy,
    })
    .returning();
  await recordAudit(tx, actor, {
    action: "document.issue",
    entity: "document",
    entityId: row!.id,
    committeeId: input.committeeId,
    summary: {
      kind: input.kind,
      number,
      title: input.title,
      roundId: input.roundId ?? null,
      sha256: sha256(data),
    },
  });
  return presentDocument({
    ...row!,
    fileName,
    size: data.length,
    sha256: sha256(data),
    issuedByName: actor.name,
  });
}

export interface DocumentRow {
  id: string;
  kind: string;
  number: string;
  title: string;
  year: number;
  serial: number;
  roundId: string | null;
  groupId: string | null;
  targetId: string | null;
  fields: unknown;
  createdAt: Date;
  fileName: string;
  size: number;
  sha256: string;
  issuedByName: string | null;
}

/** A document as the API shows it: never the file's bytes. */
export function presentDocument(d: DocumentRow) {
  const fields = (d.fields ?? {}) as Record<string, unknown>;
  return {
    id: d.id,
    kind: d.kind as DocumentKind,
    kindLabel: DOCUMENT_KINDS.labels[d.kind as DocumentKind] ?? d.kind,
    number: d.number,
    title: d.title,
    year: d.year,
    serial: d.serial,
    date: typeof fields.date === "string" ? fields.date : chinaDate(d.createdAt),
    roundId: d.roundId,
    groupId: d.groupId,
    targetId: d.targetId,
    fields,
    file: { name: d.fileName, size: d.size, sha256: d.sha256 },
    issuedBy: d.issuedByName,
    createdAt: d.createdAt,
  };
}

/** Columns for presentDocument, joined with the file and the issuing account. */
export const documentColumns = {
  id: documents.id,
  committeeId: documents.committeeId,
  kind: documents.kind,
  number: documents.number,
  title: documents.title,
  year: documents.year,
  serial: documents.serial,
  roundId: documents.roundId,
  groupId: documents.groupId,
  targetId: documents.targetId,
  fields: documents.fields,
  createdAt: documents.createdAt,
  fileName: files.name,
  size: files.size,
  sha256: files.sha256,
  issuedByName: accounts.displayName,
};

export const joinFileAndIssuer = {
  files: eq(files.id, documents.fileId),
  accounts: eq(accounts.id, documents.issuedBy),
};

export function assertIssuer(actor: Actor): string {
  if (!actor.accountId) throw new AppError("auth.forbidden");
  return actor.accountId;
}
