import { type accounts, committees, inArray, roleAssignments, type Tx, targets } from "@xuncha/db";
import { ROLE_LABELS, type Role } from "../model/roles";

type AccountRow = typeof accounts.$inferSelect;

/**
 * Accounts as the administrators see them: with their roles and scopes, never a password hash.
 * Names of the committees and targets of the scopes are looked up in one query each.
 */
export async function presentAccounts(tx: Tx, rows: AccountRow[], now = new Date()) {
  const ids = rows.map((r) => r.id);
  const grants = ids.length
    ? await tx.select().from(roleAssignments).where(inArray(roleAssignments.accountId, ids))
    : [];
  const committeeIds = [
    ...new Set([...rows, ...grants].flatMap((r) => (r.committeeId ? [r.committeeId] : []))),
  ];
  const targetIds = [...new Set(grants.flatMap((g) => (g.targetId ? [g.targetId] : [])))];
  const committeeNames = new Map(
    (committeeIds.length
      ? await tx
          .select({ id: committees.id, name: committees.name })
          .from(committees)
          .where(inArray(committees.id, committeeIds))
      : []
    ).map((c) => [c.id, c.name]),
  );
  const targetNames = new Map(
    (targetIds.length
      ? await tx
          .select({ id: targets.id, name: targets.name })
          .from(targets)
          .where(inArray(targets.id, targetIds))
      : []
    ).map((t) => [t.id, t.name]),
  );
  return rows.map((row) => ({
    id: row.id,
    username: row.username,
    displayName: row.displayName,
    committeeId: row.committeeId,
    committeeName: row.committeeId ? (committeeNames.get(row.committeeId) ?? null) : null,
    disabled: row.disabled,
    email: row.email,
    mobile: row.mobile,
    lockedUntil: row.lockedUntil && row.lockedUntil > now ? row.lockedUntil : null,
    createdAt: row.createdAt,
    roles: grants
      .filter((g) => g.accountId === row.id)
      .sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime())
      .map((g) => ({
        id: g.id,
        role: g.role as Role,
        label: ROLE_LABELS[g.role as Role] ?? g.role,
        committeeId: g.committeeId,
        committeeName: g.committeeId ? (committeeNames.get(g.committeeId) ?? null) : null,
        targetId: g.targetId,
        targetName: g.targetId ? (targetNames.get(g.targetId) ?? null) : null,
        partnerDepartmentId: g.partnerDepartmentId,
        isHead: g.isHead,
      })),
  }));
}

export type PresentedAccount = Awaited<ReturnType<typeof presentAccounts>>[number];

export async function presentAccount(tx: Tx, row: AccountRow): Promise<PresentedAccount> {
  const [presented] = await presentAccounts(tx, [row]);
  return presented!;
}
