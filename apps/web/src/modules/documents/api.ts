import type { DocumentKind } from "@xuncha/domain/model";

/** A numbered formal document (公文): POST …/documents/*, GET /api/rounds/:id/documents (items). */
export interface IssuedDocument {
  id: string;
  kind: DocumentKind;
  kindLabel: string;
  number: string;
  title: string;
  year: number;
  serial: number;
  /** 成文日期 YYYY-MM-DD */
  date: string;
  roundId: string | null;
  groupId: string | null;
  targetId: string | null;
  fields: Record<string, unknown>;
  file: { name: string; size: number; sha256: string };
  issuedBy: string | null;
  createdAt: string;
}

/** GET /api/rounds/:id/documents */
export interface RoundDocuments {
  items: IssuedDocument[];
  abilities: { issue: boolean };
}

/** A numbering register (发文字号): GET /api/numbering-registers (items). */
export interface NumberingRegister {
  id: string;
  committeeId: string;
  issuer: string;
  prefix: string;
  kinds: DocumentKind[];
  createdAt: string;
  issued: number;
  abilities: { delete: boolean };
}

/** GET /api/numbering-registers */
export interface NumberingRegisters {
  items: NumberingRegister[];
  /** What is created on the first document of a kind no register serves. */
  fallback: { issuer: string; prefix: string; kinds: DocumentKind[] };
}

export const documentFilePath = (id: string) => `/documents/${encodeURIComponent(id)}/file`;
