import type { GroupRole } from "@xuncha/domain/model";

export interface GroupForm {
  leader: string;
  deputies?: string[];
  members?: string[];
  liaisons?: string[];
}

/** The members of a group form, as the API wants them; a person appears once, in their first role. */
export function membersOf(v: GroupForm): { personId: string; role: GroupRole }[] {
  const seen = new Set<string>();
  const rows: { personId: string; role: GroupRole }[] = [];
  const add = (ids: string[] | undefined, role: GroupRole) => {
    for (const id of ids ?? []) {
      if (seen.has(id)) continue;
      seen.add(id);
      rows.push({ personId: id, role });
    }
  };
  add(v.leader ? [v.leader] : [], "leader");
  add(v.deputies, "deputy");
  add(v.members, "member");
  add(v.liaisons, "liaison");
  return rows;
}
