import { randomUUID } from "node:crypto";
import type { Tx } from "../client";
import {
  accounts,
  commitments,
  committees,
  feedbacks,
  findings,
  groupMembers,
  groups,
  groupTargets,
  people,
  roleAssignments,
  rounds,
  targets,
  terms,
} from "../schema/index";

/** Password of every factory-built account; the hash below is argon2id of it. */
export const TEST_PASSWORD = "Test@Passw0rd";
const TEST_PASSWORD_HASH =
  "$argon2id$v=19$m=19456,t=2,p=1$/2n4qAU8mnfNS9RDmx5nNQ$gWH2ZJ1KougN+k51954cQupVqDlrCVrImsum2qdrTRU";

const unique = () => randomUUID().slice(0, 8);

async function insertOne<T>(rows: Promise<T[]>): Promise<T> {
  const [row] = await rows;
  if (!row) throw new Error("factory insert returned nothing");
  return row;
}

/** A fresh county committee under a fresh city committee: the unit of test isolation. */
export async function buildCommittee(db: Tx, overrides: Partial<typeof committees.$inferInsert> = {}) {
  const city = await insertOne(
    db
      .insert(committees)
      .values({ name: `测试市委${unique()}`, level: "city" })
      .returning(),
  );
  return insertOne(
    db
      .insert(committees)
      .values({ name: `测试县委${unique()}`, level: "county", parentId: city.id, ...overrides })
      .returning(),
  );
}

export async function buildAccount(
  db: Tx,
  input: {
    committeeId: string | null;
    role?: string;
    targetId?: string;
    partnerDepartmentId?: string;
    isHead?: boolean;
    name?: string;
  },
) {
  const username = `u${unique()}`;
  const account = await insertOne(
    db
      .insert(accounts)
      .values({
        username,
        displayName: input.name ?? username,
        passwordHash: TEST_PASSWORD_HASH,
        committeeId: input.committeeId,
      })
      .returning(),
  );
  if (input.role) {
    await db.insert(roleAssignments).values({
      accountId: account.id,
      role: input.role,
      committeeId: ["sysAdmin", "securityAdmin", "auditAdmin"].includes(input.role)
        ? null
        : input.committeeId,
      targetId: input.targetId ?? null,
      partnerDepartmentId: input.partnerDepartmentId ?? null,
      isHead: input.isHead ?? false,
    });
  }
  return { ...account, password: TEST_PASSWORD };
}

export function buildTarget(db: Tx, input: { committeeId: string } & Partial<typeof targets.$inferInsert>) {
  return insertOne(
    db
      .insert(targets)
      .values({ name: `测试单位${unique()}`, category: "department", orgForm: "党组", ...input })
      .returning(),
  );
}

export function buildPerson(db: Tx, input: { committeeId: string } & Partial<typeof people.$inferInsert>) {
  return insertOne(
    db
      .insert(people)
      .values({ name: `测试人员${unique()}`, pool: "talent", ...input })
      .returning(),
  );
}

export async function buildRound(
  db: Tx,
  input: { committeeId: string; termId?: string } & Partial<typeof rounds.$inferInsert>,
) {
  const termId =
    input.termId ??
    (
      await insertOne(
        db
          .insert(terms)
          .values({
            committeeId: input.committeeId,
            name: "测试届",
            startsOn: "2022-01-01",
            endsOn: "2026-12-31",
          })
          .returning(),
      )
    ).id;
  return insertOne(
    db
      .insert(rounds)
      .values({
        number: 1,
        kind: "regular",
        startsOn: "2026-03-01",
        endsOn: "2026-04-30",
        stage: "fieldwork",
        ...input,
        termId,
      })
      .returning(),
  );
}

/**
 * Both pledges of a round (保密承诺书, 廉洁履职承诺书) signed by these people: without them a
 * group membership grants no access to the group's records.
 */
export async function signPledges(
  db: Tx,
  input: { committeeId: string; roundId: string; personIds: string[] },
) {
  if (!input.personIds.length) return;
  await db
    .insert(commitments)
    .values(
      input.personIds.flatMap((personId) =>
        ["confidentiality", "integrity"].map((kind) => ({
          committeeId: input.committeeId,
          roundId: input.roundId,
          personId,
          kind,
          signedOn: "2026-02-20",
          recordedBy: randomUUID(),
        })),
      ),
    )
    .onConflictDoNothing();
}

/** A group in a round with its members (person ids and group roles) and targets. */
export async function buildGroup(
  db: Tx,
  input: {
    committeeId: string;
    roundId: string;
    number?: number;
    members?: { personId: string; role: "leader" | "deputy" | "member" | "liaison" }[];
    targetIds?: string[];
    /** Members sign both pledges of the round (without them a group grants nothing); false: unsigned. */
    signed?: boolean;
  },
) {
  const number = input.number ?? 1;
  const group = await insertOne(
    db
      .insert(groups)
      .values({ committeeId: input.committeeId, roundId: input.roundId, number, name: `第${number}巡察组` })
      .returning(),
  );
  if (input.members?.length) {
    await db
      .insert(groupMembers)
      .values(input.members.map((m) => ({ ...m, groupId: group.id, committeeId: input.committeeId })));
    if (input.signed !== false)
      await signPledges(db, {
        committeeId: input.committeeId,
        roundId: input.roundId,
        personIds: input.members.map((m) => m.personId),
      });
  }
  if (input.targetIds?.length) {
    await db.insert(groupTargets).values(
      input.targetIds.map((targetId) => ({
        groupId: group.id,
        targetId,
        roundId: input.roundId,
        committeeId: input.committeeId,
      })),
    );
  }
  return group;
}

let findingCounter = 100000;

export function buildFinding(
  db: Tx,
  input: {
    committeeId: string;
    roundId: string;
    groupId: string;
    targetId: string;
    createdBy: string;
  } & Partial<typeof findings.$inferInsert>,
) {
  return insertOne(
    db
      .insert(findings)
      .values({
        number: findingCounter++,
        title: "测试问题",
        description: "问题描述",
        scheme: "sixDisciplines",
        category: "sixDisciplines.3",
        ...input,
      })
      .returning(),
  );
}

export function buildFeedback(
  db: Tx,
  input: { committeeId: string; roundId: string; targetId: string; createdBy: string } & Partial<
    typeof feedbacks.$inferInsert
  >,
) {
  return insertOne(
    db
      .insert(feedbacks)
      .values({ givenOn: "2026-10-01", form: "meeting", ...input })
      .returning(),
  );
}
