import { boolean, date, index, pgTable, primaryKey, text, uuid } from "drizzle-orm/pg-core";
import { accounts } from "./accounts";
import { committees } from "./committees";
import { createdAt, id, updatedAt } from "./common";
import { files } from "./files";
import { people } from "./personnel";
import { groups, rounds } from "./rounds";
import { targets } from "./targets";

/**
 * An individual interview (个别谈话) held by a group on one of its targets: scheduled, then held with
 * a confidential record. Only the group, the office head and the leading group read it; every read
 * of the record is audited.
 */
export const interviews = pgTable(
  "interviews",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    scheduledOn: date("scheduled_on").notNull(),
    /** HH:MM, local time. */
    scheduledAt: text("scheduled_at").notNull().default(""),
    place: text("place").notNull().default(""),
    intervieweeName: text("interviewee_name").notNull(),
    intervieweePost: text("interviewee_post").notNull().default(""),
    /** The interviewee is the target's principal (主要负责人). */
    principal: boolean("principal").notNull().default(false),
    /** scheduled | held | cancelled */
    status: text("status").notNull().default("scheduled"),
    /** The confidential record (谈话记录). */
    record: text("record").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("interviews_group_idx").on(t.groupId, t.scheduledOn),
    index("interviews_round_idx").on(t.roundId, t.targetId),
  ],
);

/** The inspectors present at an interview (at least two, from the group). */
export const interviewInspectors = pgTable(
  "interview_inspectors",
  {
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => interviews.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.personId] })],
);

export const interviewFiles = pgTable(
  "interview_files",
  {
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => interviews.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.interviewId, t.fileId] })],
);

/**
 * A dated fieldwork record of a group on one of its targets: a document review (查阅资料, kind
 * docReview: what was reviewed) or a site visit (调研走访, kind visit: where).
 */
export const fieldworkRecords = pgTable(
  "fieldwork_records",
  {
    id: id(),
    committeeId: uuid("committee_id")
      .notNull()
      .references(() => committees.id),
    roundId: uuid("round_id")
      .notNull()
      .references(() => rounds.id),
    groupId: uuid("group_id")
      .notNull()
      .references(() => groups.id),
    targetId: uuid("target_id")
      .notNull()
      .references(() => targets.id),
    /** docReview | visit */
    kind: text("kind").notNull(),
    heldOn: date("held_on").notNull(),
    /** What was reviewed (docReview) or the place visited (visit). */
    subject: text("subject").notNull(),
    notes: text("notes").notNull().default(""),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => accounts.id),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("fieldwork_records_group_idx").on(t.groupId, t.kind, t.heldOn)],
);

export const fieldworkRecordInspectors = pgTable(
  "fieldwork_record_inspectors",
  {
    recordId: uuid("record_id")
      .notNull()
      .references(() => fieldworkRecords.id),
    personId: uuid("person_id")
      .notNull()
      .references(() => people.id),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.personId] })],
);

export const fieldworkRecordFiles = pgTable(
  "fieldwork_record_files",
  {
    recordId: uuid("record_id")
      .notNull()
      .references(() => fieldworkRecords.id),
    fileId: uuid("file_id")
      .notNull()
      .references(() => files.id),
  },
  (t) => [primaryKey({ columns: [t.recordId, t.fileId] })],
);
