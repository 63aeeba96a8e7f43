import type { people } from "@xuncha/db";
import { type Actor, hasRole } from "../access/actor";
import { PERSON_POOLS, type PersonPool } from "../model/enums";

type PersonRow = typeof people.$inferSelect;

/** A person of the pools as the API returns it, with what the caller may do. */
export function presentPerson(row: PersonRow, actor: Actor) {
  return {
    id: row.id,
    committeeId: row.committeeId,
    name: row.name,
    sex: row.sex,
    birthMonth: row.birthMonth,
    politicalStatus: row.politicalStatus,
    unit: row.unit,
    unitTargetId: row.unitTargetId,
    post: row.post,
    rank: row.rank,
    expertise: row.expertise,
    pool: row.pool as PersonPool,
    poolLabel: PERSON_POOLS.labels[row.pool as PersonPool] ?? row.pool,
    joinedOn: row.joinedOn,
    available: row.available,
    phone: row.phone,
    email: row.email,
    recusalNote: row.recusalNote,
    roundsNote: row.roundsNote,
    accountId: row.accountId,
    createdAt: row.createdAt,
    abilities: { update: canManagePerson(actor, row.committeeId) },
  };
}

/** The office of the person's committee manages the person and their history. */
export const canManagePerson = (actor: Actor, committeeId: string) =>
  actor.grants.some((g) => g.role === "officeStaff" && !g.readOnly && g.committeeId === committeeId);

export const canCreatePeople = (actor: Actor) => hasRole(actor, "officeStaff");

export type PresentedPerson = ReturnType<typeof presentPerson>;
