import { customType, index, integer, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { committees } from "./committees";
import { createdAt, id } from "./common";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/**
 * A stored file (evidence, attachment). Content lives in the database so that a record and its
 * evidence are written in one transaction and backed up together (ADR 0003).
 */
export const files = pgTable(
  "files",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    name: text("name").notNull(),
    mime: text("mime").notNull(),
    size: integer("size").notNull(),
    sha256: text("sha256").notNull(),
    content: bytea("content").notNull(),
    uploadedBy: uuid("uploaded_by"),
    createdAt: createdAt(),
  },
  (t) => [index("files_committee_idx").on(t.committeeId)],
);
