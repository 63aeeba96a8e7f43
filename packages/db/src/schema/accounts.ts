import { sql } from "drizzle-orm";
import { boolean, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { committees } from "./committees";
import { createdAt, id } from "./common";

/** A login account. Installation administrators have no committee. */
export const accounts = pgTable(
  "accounts",
  {
    id: id(),
    committeeId: uuid("committee_id").references(() => committees.id),
    username: text("username").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    disabled: boolean("disabled").notNull().default(false),
    /** Where outbound email goes (escalation letters …); none: email is skipped. */
    email: text("email"),
    /** Where outbound SMS goes; none: SMS is skipped. */
    mobile: text("mobile"),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("accounts_username_key").on(sql`lower(${t.username})`)],
);

/**
 * A role held by an account, with its scope. Group roles are not stored here: they follow from
 * group membership (see group_members), so there is one source of truth for who is in a group.
 */
export const roleAssignments = pgTable(
  "role_assignments",
  {
    id: id(),
    accountId: uuid("account_id")
      .notNull()
      .references(() => accounts.id, { onDelete: "cascade" }),
    role: text("role").notNull(),
    /** Scope committee; null for the installation roles (sysAdmin, securityAdmin, auditAdmin). */
    committeeId: uuid("committee_id").references(() => committees.id),
    /** For targetContact: the one target whose records the account may see. */
    targetId: uuid("target_id"),
    /** For partnerDept: the department (partner_departments) the account answers for. */
    partnerDepartmentId: uuid("partner_department_id"),
    /** For officeStaff: the office head may read clues. */
    isHead: boolean("is_head").notNull().default(false),
    createdAt: createdAt(),
  },
  (t) => [index("role_assignments_account_idx").on(t.accountId)],
);

/** A login session. The cookie holds a random token; only its SHA-256 is stored. */
export const sessions = pgTable("sessions", {
  tokenHash: text("token_hash").primaryKey(),
  accountId: uuid("account_id")
    .notNull()
    .references(() => accounts.id, { onDelete: "cascade" }),
  csrfToken: text("csrf_token").notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
});
