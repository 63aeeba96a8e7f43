import { index, integer, jsonb, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id } from "./common";
import { files } from "./files";
import { groups, rounds } from "./rounds";
import { targets } from "./targets";

/**
 * A committee's numbering register (发文登记): documents of the kinds it serves are numbered
 * `<prefix>〔<year>〕<serial>号`, the serial restarting each year.
 */
export const numberingRegisters = pgTable(
  "numbering_registers",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    /** e.g. 县委巡察工作领导小组 */
    issuer: text("issuer").notNull(),
    /** e.g. 县巡组发 */
    prefix: text("prefix").notNull(),
    /** Document kinds numbered in this register (authorization, announcement, urgingLetter …). */
    kinds: text("kinds").array().notNull(),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("numbering_registers_prefix_key").on(t.committeeId, t.prefix)],
);

/** A formal document issued with a number (公文), its generated .docx kept as a file. */
export const documents = pgTable(
  "documents",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    registerId: uuid("register_id")
      .notNull()
      .references(() => numberingRegisters.id),
    kind: text("kind").notNull(),
    year: integer("year").notNull(),
    serial: integer("serial").notNull(),
    /** The full number as printed: 县巡组发〔2026〕3号 */
    number: text("number").notNull(),
    title: text("title").notNull(),
    roundId: uuid("round_id").references(() => rounds.id),
    groupId: uuid("group_id").references(() => groups.id, { onDelete: "set null" }),
    targetId: uuid("target_id").references(() => targets.id),
    /** The values the document was generated from (phone, mailbox, deadline …). */
    fields: jsonb("fields").notNull().default({}),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
    issuedBy: uuid("issued_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("documents_register_serial_key").on(t.registerId, t.year, t.serial),
    index("documents_round_idx").on(t.roundId),
    index("documents_committee_idx").on(t.committeeId, t.kind),
  ],
);
