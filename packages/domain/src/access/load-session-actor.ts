import { accounts, and, eq, sessions, sql, type Tx } from "@xuncha/db";
import { sessionTokenHash } from "../auth/sessions";
import type { Role } from "../model/roles";
import type { Actor, RoleGrant } from "./actor";
import { GROUP_ROLE_TO_ROLE } from "./load-actor";

export interface SessionActor {
  accountId: string;
  csrfToken: string;
  /** null when the account is disabled (the session exists but grants nothing). */
  actor: Actor | null;
}

interface Assigned {
  role: string;
  committeeId: string | null;
  targetId: string | null;
  partnerDepartmentId: string | null;
  isHead: boolean;
}
interface Membership {
  groupId: string;
  roundId: string;
  committeeId: string;
  role: string;
}

/**
 * One statement: the session (by token hash, unexpired) joined with its account, and the account's
 * grants aggregated as JSON in the order loadActor reads them. (loadActor also joins rounds: every
 * group has its round, a not-null foreign key, so the join changes nothing and is left out here.)
 */
const sessionActorQuery = (db: Tx) =>
  db
    .select({
      accountId: sessions.accountId,
      csrfToken: sessions.csrfToken,
      name: accounts.displayName,
      committeeId: accounts.committeeId,
      disabled: accounts.disabled,
      assigned: sql<Assigned[]>`(
        select coalesce(json_agg(json_build_object('role', r.role, 'committeeId', r.committee_id,
                 'targetId', r.target_id, 'partnerDepartmentId', r.partner_department_id, 'isHead', r.is_head) order by r.created_at, r.id), '[]')
        from role_assignments r where r.account_id = ${accounts.id})`,
      memberships: sql<Membership[]>`(
        select coalesce(json_agg(json_build_object('groupId', g.id, 'roundId', g.round_id,
                 'committeeId', g.committee_id, 'role', gm.role) order by gm.group_id, gm.person_id), '[]')
        from people p
        join group_members gm on gm.person_id = p.id
        join groups g on g.id = gm.group_id
        where p.account_id = ${accounts.id}
          -- a group grant needs both pledges of the round signed (see signedBothPledges)
          and (select count(*) from commitments c where c.round_id = g.round_id and c.person_id = p.id
               and c.kind in ('confidentiality', 'integrity')) = 2)`,
      lower: sql<string[]>`(
        with recursive below(id) as (
          select c.id from role_assignments r join committees c on c.parent_id = r.committee_id
          where r.account_id = ${accounts.id} and r.role = 'leadership'
          union select c.id from committees c join below b on c.parent_id = b.id)
        select coalesce(json_agg(id), '[]') from below)`,
    })
    .from(sessions)
    .innerJoin(accounts, eq(accounts.id, sessions.accountId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder("tokenHash")),
        sql`${sessions.expiresAt} > ${sql.placeholder("now")}::timestamptz`,
      ),
    )
    // A named statement: PostgreSQL parses it once per connection and, after a few executions,
    // stops planning it (a generic plan); planning was most of its cost.
    .prepare("session_actor");

const prepared = new WeakMap<Tx, ReturnType<typeof sessionActorQuery>>();

/**
 * The session of a cookie token and its account's actor, in one SQL statement (every authenticated
 * request runs it first): the same session as findSession (unexpired at `now`; never extended) and
 * the same actor as loadActor (assigned roles, group roles from memberships, and the leading
 * group's read-only grants over lower committees), grants in the same order.
 */
export async function loadSessionActor(
  db: Tx,
  token: string,
  now = new Date(),
): Promise<SessionActor | undefined> {
  let query = prepared.get(db);
  if (!query) {
    query = sessionActorQuery(db);
    prepared.set(db, query);
  }
  const [row] = await query.execute({ tokenHash: sessionTokenHash(token), now: now.toISOString() });
  if (!row) return undefined;
  const session = { accountId: row.accountId, csrfToken: row.csrfToken };
  if (row.disabled) return { ...session, actor: null };
  const grants: RoleGrant[] = [
    ...row.assigned.map((a) => ({
      role: a.role as Role,
      committeeId: a.committeeId,
      ...(a.targetId ? { targetId: a.targetId } : {}),
      ...(a.partnerDepartmentId ? { partnerDepartmentId: a.partnerDepartmentId } : {}),
      ...(a.isHead ? { isHead: true } : {}),
    })),
    ...row.memberships.map((m) => ({
      role: GROUP_ROLE_TO_ROLE[m.role] ?? "groupMember",
      committeeId: m.committeeId,
      groupId: m.groupId,
      roundId: m.roundId,
    })),
    ...row.lower.map((id) => ({ role: "leadership" as const, committeeId: id, readOnly: true })),
  ];
  return {
    ...session,
    actor: {
      kind: "account",
      accountId: row.accountId,
      name: row.name,
      committeeId: row.committeeId,
      grants,
    },
  };
}
