import { useAuth } from "../../app/auth";
import { groupGrants } from "../../app/session";
import type { RoundDetail } from "../rounds/api";

/** The account's groups in the round, with their members (for 在场人员) and targets. */
export function useMyGroups(detail: RoundDetail | undefined) {
  const { state } = useAuth();
  const me = state.status === "authenticated" ? state.me : null;
  const ids = new Set(groupGrants(me).map((g) => g.groupId));
  const groups = (detail?.groups ?? []).filter((g) => ids.has(g.id));
  const targets = groups.flatMap((g) => g.targets.map((t) => ({ id: t.id, name: t.name, groupId: g.id })));
  const membersOf = (targetId: string | undefined) =>
    groups.find((g) => g.targets.some((t) => t.id === targetId))?.members ?? [];
  return { groups, targets, membersOf, canWrite: detail?.status === "open" && groups.length > 0 };
}
