import { accounts, and, eq, ne, people, type Tx, targets } from "@xuncha/db";
import type { Actor } from "../access/actor";
import { assertInCommittee, committeesWhere } from "../access/policies";
import type { PersonPool } from "../model/enums";
import { AppError } from "../model/errors";

/** The editable fields of a person of the pools. */
export interface PersonInput {
  name: string;
  pool: PersonPool;
  sex?: string;
  /** YYYY-MM */
  birthMonth?: string;
  politicalStatus?: string;
  unit?: string;
  /** The registered target that is the person's unit (recusal: the person's own unit). */
  unitTargetId?: string | null;
  post?: string;
  rank?: string;
  expertise?: string[];
  /** YYYY-MM-DD */
  joinedOn?: string | null;
  available?: boolean;
  phone?: string;
  email?: string;
  /** Recusal circumstances kept as text (what an import could not read as records). */
  recusalNote?: string;
  /** Rounds served before the system held records (imported history), as text. */
  roundsNote?: string;
  /** The person's login account, of the same committee: group access follows membership. */
  accountId?: string | null;
}

/** Trims texts, de-duplicates expertise: the row values of a person. */
export function personFields(input: PersonInput) {
  return {
    name: input.name.trim(),
    pool: input.pool,
    sex: input.sex?.trim() ?? "",
    birthMonth: input.birthMonth ?? "",
    politicalStatus: input.politicalStatus?.trim() ?? "",
    unit: input.unit?.trim() ?? "",
    unitTargetId: input.unitTargetId ?? null,
    post: input.post?.trim() ?? "",
    rank: input.rank?.trim() ?? "",
    expertise: normalizeExpertise(input.expertise ?? []),
    joinedOn: input.joinedOn ?? null,
    available: input.available ?? true,
    phone: input.phone?.trim() ?? "",
    email: input.email?.trim() ?? "",
    recusalNote: input.recusalNote?.trim() ?? "",
    roundsNote: input.roundsNote?.trim() ?? "",
    accountId: input.accountId ?? null,
  };
}

export const normalizeExpertise = (tags: readonly string[]) => [
  ...new Set(tags.map((e) => e.normalize("NFKC").trim()).filter(Boolean)),
];

/** Throws target.not_found unless the target exists in the committee (a link to another committee's target is refused). */
export async function assertTargetOfCommittee(
  tx: Tx,
  committeeId: string,
  targetId: string | null | undefined,
) {
  if (!targetId) return;
  const [row] = await tx
    .select({ id: targets.id })
    .from(targets)
    .where(and(eq(targets.id, targetId), eq(targets.committeeId, committeeId)));
  if (!row) throw new AppError("target.not_found");
}

/** Loads a person for a write by the office of its committee (locked); person.not_found otherwise. */
export async function personForWrite(tx: Tx, actor: Actor, personId: string) {
  const [row] = await tx.select().from(people).where(eq(people.id, personId)).for("update");
  if (!row) throw new AppError("person.not_found");
  assertInCommittee(actor, ["officeStaff"], row.committeeId, "person.not_found");
  return row;
}

/** The committees whose pools the actor reads: its office, its leading group (lower committees read-only). */
export const poolReaders = (actor: Actor) => committeesWhere(actor, ["officeStaff", "leadership"], "read");

/** Refuses an account outside the committee, or one already linked to another person. */
export async function assertAccountLinkable(
  tx: Tx,
  committeeId: string,
  accountId: string | null | undefined,
  exceptPersonId?: string,
) {
  if (!accountId) return;
  const [account] = await tx
    .select({ id: accounts.id })
    .from(accounts)
    .where(and(eq(accounts.id, accountId), eq(accounts.committeeId, committeeId)));
  if (!account) throw new AppError("account.not_found");
  const [linked] = await tx
    .select({ id: people.id })
    .from(people)
    .where(and(eq(people.accountId, accountId), exceptPersonId ? ne(people.id, exceptPersonId) : undefined));
  if (linked) throw new AppError("person.account_linked");
}
