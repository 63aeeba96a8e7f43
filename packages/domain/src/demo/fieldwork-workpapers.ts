import { randomUUID } from "node:crypto";
import type { WorkpaperSource } from "../model/workpapers";
import type { FindingRow, PersonRow, TargetRow } from "./demo-rows";
import {
  postsOf,
  RETURN_REASONS,
  REVIEW_OPINIONS,
  reviewSubjectFor,
  visitSubjects,
  workpaperSummary,
} from "./fieldwork-bank";
import type { FieldworkRecorder } from "./fieldwork-records";
import type { FieldworkCtx, GroupCtx, SpecialSources, TipFindings, WorkpaperRow } from "./fieldwork-rows";
import { personName } from "./names";
import type { Rng } from "./prng";

/** What happens to a workpaper's signoff, by the finding's state. */
type Signoff = "approved" | "returned" | "draft0" | "draft1" | "draft2" | "reviewed";

/** The statuses of the demo accounts' group, in the order of its findings: every step shows. */
const ACCOUNT_GROUP_SIGNOFFS: Signoff[] = [
  "approved",
  "returned",
  "draft1",
  "reviewed",
  "approved",
  "draft2",
  "approved",
  "draft0",
];
const DRAFT_SIGNOFFS: Signoff[] = ["draft1", "draft2", "reviewed", "draft0", "draft1"];

/**
 * 5. Workpapers of every finding, signed, reviewed and approved as far as the finding went, and
 *    the interviews, reviews and visits they came from.
 */
export function writeWorkpapers(
  ctx: FieldworkCtx,
  { addInterview, addRecord, leadersOf }: FieldworkRecorder,
  accountGroupFindings: FindingRow[],
  special: SpecialSources,
  tipFinding: TipFindings,
) {
  const { rng, cal, input, out, targets, groupCtx, dayOf, accountOf } = ctx;
  const { work, actors } = input;
  const draftIndex = new Map<string, number>();
  for (const f of [...work.findings].sort((a, b) => a.number - b.number)) {
    const g = groupCtx.get(f.groupId)!;
    const target = targets.get(f.targetId)!;
    const createdOn = dayOf(f.createdAt as Date);
    const signers = signersOf(rng, g, actors.member1);
    const reviewer = g.deputy ?? g.leader;
    f.returnReason = "";

    // The finding's state, settled first (the demo accounts' group shows every step).
    let signoff: Signoff;
    if (g.inAccountGroup) {
      signoff = ACCOUNT_GROUP_SIGNOFFS[accountGroupFindings.indexOf(f)] ?? "draft1";
      if (signoff === "approved" && f.status !== "approved") {
        f.status = "approved";
        f.approvedAt = cal.at(Math.min(createdOn + rng.int(1, 3), -1), 17);
        f.updatedAt = f.approvedAt;
      } else if (signoff !== "approved" && signoff !== "returned") {
        f.status = "draft";
        f.approvedAt = null;
      }
    } else if (f.status === "approved") signoff = "approved";
    else if (f.status === "returned") signoff = "returned";
    else {
      const n = draftIndex.get(g.group.id) ?? 0;
      draftIndex.set(g.group.id, n + 1);
      signoff = DRAFT_SIGNOFFS[n % DRAFT_SIGNOFFS.length]!;
    }
    // The drafter enters the finding; the leader approves it. In the demo accounts' group member1
    // drafts, and leaves one workpaper signed by a colleague only, to sign it herself.
    f.createdBy = accountOf(signers[0]!);
    if (g.inAccountGroup && signoff === "draft1") signers.reverse();
    f.approvedBy = f.status === "approved" ? accountOf(g.leader) : null;
    if (f.status !== "approved") f.approvedAt = null;

    // Where it came from, with the record it came from.
    let source: WorkpaperSource;
    let recordId: string | null = null;
    let recordLabel: string | undefined;
    let department: string | undefined;
    const sp = special.get(f.id);
    const from = Math.max(g.start + 1, createdOn - rng.int(1, 3));
    if (tipFinding.has(f.id)) source = "tip";
    else if (sp) {
      source = sp.source;
      recordId = sp.recordId;
      department = sp.department;
    } else {
      const roll = rng.next();
      source = roll < 0.38 ? "interview" : roll < 0.72 ? "document" : roll < 0.92 ? "visit" : "other";
    }
    const problem = f.description.replace(/。$/, "");
    if (source === "interview") {
      const posts = postsOf(target);
      const [, ...others] = leadersOf(target);
      const who =
        rng.chance(0.5) && others.length ? others[others.length - 1]! : personName(rng, input.names);
      const post = others.includes(who) ? posts.deputy : rng.pick(posts.staff);
      recordLabel = `与${who}（${post}）谈话`;
      recordId = addInterview(
        g,
        target,
        from,
        { name: who, post, principal: false },
        `谈话对象反映：${problem}。巡察组已要求其提供相关资料，并将调阅${reviewSubjectFor(problem, cal.year(from))}核实。`,
      );
    } else if (source === "document" || source === "visit") {
      const subject =
        source === "document" ? reviewSubjectFor(problem, cal.year(from)) : rng.pick(visitSubjects(target));
      recordLabel = subject;
      recordId = addRecord(
        g,
        target,
        source === "document" ? "docReview" : "visit",
        from,
        subject,
        `发现：${problem}。已复印相关资料作为底稿附件。`,
      );
    }

    const persons = personsOf(rng, target, f.severity ?? "general", input.names);
    const wp: WorkpaperRow = {
      id: randomUUID(),
      committeeId: f.committeeId,
      roundId: f.roundId,
      groupId: f.groupId,
      findingId: f.id,
      number: 0,
      source,
      sourceRecordId: recordId,
      summary: workpaperSummary(source, { description: f.description, record: recordLabel, department }),
      persons,
      reviewedBy: null,
      reviewedAt: null,
      reviewOpinion: "",
      createdBy: f.createdBy,
      createdAt: f.createdAt,
      updatedAt: f.createdAt,
    };
    out.workpapers.push(wp);

    // Signatures, review and approval, dated between the finding's drafting and its approval.
    const created = (f.createdAt as Date).getTime();
    const end =
      signoff === "approved"
        ? (f.approvedAt as Date).getTime()
        : Math.min(created + rng.int(20, 40) * 3_600_000, cal.at(-1, 22).getTime());
    const at = (share: number) => new Date(created + Math.round((end - created) * share));
    let lastEvent = wp.createdAt as Date;
    const event = (action: string, p: PersonRow, when: Date, note = "") => {
      lastEvent = when;
      out.workpaperEvents.push({
        id: randomUUID(),
        workpaperId: wp.id,
        action,
        accountId: accountOf(p),
        name: p.name,
        note,
        createdAt: when,
      });
    };
    const sign = (p: PersonRow, when: Date) => {
      out.signatures.push({
        id: randomUUID(),
        workpaperId: wp.id,
        accountId: accountOf(p),
        name: p.name,
        signedAt: when,
        revokedAt: null,
      });
      event("sign", p, when);
    };
    const count = { approved: 2, returned: 2, draft0: 0, draft1: 1, draft2: 2, reviewed: 2 }[signoff];
    if (count >= 1) sign(signers[0]!, at(0.25));
    if (count >= 2) sign(signers[1]!, at(0.45));
    if (signoff === "approved" || signoff === "reviewed") {
      const when = at(0.7);
      const opinion = rng.pick(REVIEW_OPINIONS);
      wp.reviewedBy = accountOf(reviewer);
      wp.reviewedAt = when;
      wp.reviewOpinion = opinion;
      event("review", reviewer, when, opinion);
    }
    if (signoff === "approved") event("approve", g.leader, f.approvedAt as Date);
    if (signoff === "returned") {
      const reason = rng.pick(RETURN_REASONS);
      f.returnReason = reason;
      f.updatedAt = at(0.8);
      event("return", g.leader, at(0.8), reason);
    }
    wp.updatedAt = lastEvent;
  }
  // Numbered per group in the order the findings were drafted, as ensureWorkpaper numbers them.
  const byFinding = new Map(work.findings.map((f) => [f.id, f]));
  const perGroup = new Map<string, WorkpaperRow[]>();
  for (const wp of out.workpapers) perGroup.set(wp.groupId, [...(perGroup.get(wp.groupId) ?? []), wp]);
  for (const list of perGroup.values()) {
    const key = (wp: WorkpaperRow) => byFinding.get(wp.findingId)!;
    list.sort(
      (a, b) =>
        (key(a).createdAt as Date).getTime() - (key(b).createdAt as Date).getTime() ||
        key(a).number - key(b).number,
    );
    list.forEach((wp, i) => {
      wp.number = i + 1;
    });
  }
}

/** The two drafters who sign: members of the group (member1 first in the demo accounts' group). */
function signersOf(rng: Rng, g: GroupCtx, member1: string): PersonRow[] {
  const members =
    g.members.length >= 2 ? g.members : [...g.members, ...(g.deputy ? [g.deputy] : []), g.leader];
  if (g.inAccountGroup) {
    const own = members.find((p) => p.accountId === member1);
    const others = rng.shuffle(members.filter((p) => p !== own));
    return own ? [own, others[0]!] : others.slice(0, 2);
  }
  return rng.shuffle(members).slice(0, 2);
}

/** The persons concerned: the principal or the deputy in charge, and for serious ones someone else. */
function personsOf(rng: Rng, target: TargetRow, severity: string, names: Set<string>) {
  const posts = postsOf(target);
  const [principal, ...others] = (target.leaders ?? "").split("、").filter(Boolean);
  const persons: { name: string; post: string }[] = [];
  if (severity !== "general" && principal) persons.push({ name: principal, post: posts.principal });
  if (others.length && rng.chance(0.6)) persons.push({ name: rng.pick(others), post: posts.deputy });
  if (!persons.length || rng.chance(0.35))
    persons.push({ name: personName(rng, names), post: rng.pick(posts.staff) });
  return persons;
}
