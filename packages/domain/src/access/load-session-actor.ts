import { queryRows, sql, type Tx } from "@xuncha/db";
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

interface Row {
  account_id: string;
  csrf_token: string;
  display_name: string;
  committee_id: string | null;
  disabled: boolean;
  assigned: { role: string; committeeId: string | null; targetId: string | null; isHead: boolean }[];
  memberships: { groupId: string; roundId: string; committeeId: string; role: string }[];
  lower: string[];
}

/**
 * The session of a cookie token and its account's actor, in one SQL statement (every authenticated
 * request runs it first): the same session as findSession (unexpired at `now`; never extended) and
 * the same actor as loadActor (assigned roles, group roles from memberships, and the leading
 * group's read-only grants over lower committees), grants in the same order.
 */
export async function loadSessionActor(
  tx: Tx,
  token: string,
  now = new Date(),
): Promise<SessionActor | undefined> {
  const [row] = await queryRows<Row>(
    tx,
    sql`with recursive s as (
          select s.account_id, s.csrf_token, a.display_name, a.committee_id, a.disabled
          from sessions s join accounts a on a.id = s.account_id
          where s.token_hash = ${sessionTokenHash(token)} and s.expires_at > ${now.toISOString()}::timestamptz
        ),
        below(id) as (
          select c.id from committees c
          join role_assignments r on r.committee_id = c.parent_id
          join s on s.account_id = r.account_id and not s.disabled
          where r.role = 'leadership'
          union select c.id from committees c join below b on c.parent_id = b.id
        )
        select s.account_id, s.csrf_token, s.display_name, s.committee_id, s.disabled,
          coalesce((
            select json_agg(json_build_object('role', r.role, 'committeeId', r.committee_id,
                     'targetId', r.target_id, 'isHead', r.is_head) order by r.created_at, r.id)
            from role_assignments r where r.account_id = s.account_id and not s.disabled
          ), '[]'::json) as assigned,
          coalesce((
            select json_agg(json_build_object('groupId', g.id, 'roundId', g.round_id,
                     'committeeId', g.committee_id, 'role', gm.role) order by gm.group_id, gm.person_id)
            from group_members gm
            join people p on p.id = gm.person_id
            join groups g on g.id = gm.group_id
            join rounds rd on rd.id = g.round_id
            where p.account_id = s.account_id and not s.disabled
          ), '[]'::json) as memberships,
          coalesce((select json_agg(id) from below), '[]'::json) as lower
        from s`,
  );
  if (!row) return undefined;
  const session = { accountId: row.account_id, csrfToken: row.csrf_token };
  if (row.disabled) return { ...session, actor: null };
  const grants: RoleGrant[] = [
    ...row.assigned.map((a) => ({
      role: a.role as Role,
      committeeId: a.committeeId,
      ...(a.targetId ? { targetId: a.targetId } : {}),
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
      accountId: row.account_id,
      name: row.display_name,
      committeeId: row.committee_id,
      grants,
    },
  };
}
