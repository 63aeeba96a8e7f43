import { queryRows, sql, type Tx } from "@xuncha/db";
import type { Role } from "../model/roles";

export interface NotificationInput {
  committeeId: string | null;
  kind: string;
  title: string;
  body?: string;
  /** A path in the web app, e.g. /rectification/plans/<id>. */
  link?: string;
  /**
   * What produced the notification (e.g. `review:<versionId>`): an account gets at most one
   * notification per key, so repeating the action that produced it notifies nobody twice.
   */
  dedupeKey: string;
}

/**
 * Notifies accounts in the app, inside the caller's transaction: one row per account, in one
 * statement (unnest), skipping accounts already notified with the same key. Returns how many were
 * written.
 */
export async function notify(tx: Tx, accountIds: readonly string[], input: NotificationInput) {
  const ids = [...new Set(accountIds)];
  if (ids.length === 0) return 0;
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`insert into notifications (committee_id, account_id, kind, title, body, link, dedupe_key)
        select ${input.committeeId}::uuid, a, ${input.kind}, ${input.title}, ${input.body ?? ""},
               ${input.link ?? ""}, ${input.dedupeKey}
        from unnest(${sql.param(ids)}::uuid[]) as a
        on conflict (account_id, dedupe_key) do nothing
        returning id`,
  );
  return rows.length;
}

/**
 * The enabled accounts holding an assigned role in a committee (for a targetContact, of that target;
 * `headOnly` keeps the office head, or for a target its principal).
 */
export async function accountsWithRole(
  tx: Tx,
  committeeId: string,
  role: Role,
  options: { targetId?: string; headOnly?: boolean } = {},
) {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select distinct a.id from role_assignments r join accounts a on a.id = r.account_id
        where r.committee_id = ${committeeId} and r.role = ${role} and not a.disabled
          ${options.targetId ? sql`and r.target_id = ${options.targetId}` : sql``}
          ${options.headOnly ? sql`and r.is_head` : sql``}`,
  );
  return rows.map((r) => r.id);
}

/** The enabled accounts of a group's members holding one of `groupRoles` (leader, deputy, …). */
export async function groupAccounts(tx: Tx, groupId: string, groupRoles: readonly string[]) {
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`select distinct a.id from group_members m join people p on p.id = m.person_id
        join accounts a on a.id = p.account_id
        where m.group_id = ${groupId} and m.role = any(${sql.param([...groupRoles])}::text[])
          and not a.disabled`,
  );
  return rows.map((r) => r.id);
}
