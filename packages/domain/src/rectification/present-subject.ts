import {
  asc,
  eq,
  files,
  findings,
  inArray,
  queryRows,
  rounds,
  type SQL,
  sql,
  targets,
  terms,
} from "@xuncha/db";
import type { Actor } from "../access/actor";
import type { Ctx } from "../access/ctx";
import { committeesWhere, contactTargetIds, groupIdsOf } from "../access/policies";
import { COMPLETIONS } from "../model/enums";
import {
  REVIEW_PARTY_LABELS,
  REVIEW_SUBJECT_KIND_LABELS,
  type ReviewParty,
  type ReviewSubjectKind,
} from "../model/rectification";
import { categoryName } from "../model/taxonomy";
import { roundName } from "../rounds/round-name";
import {
  gatherOpinions,
  JOINT_REVIEW_STATUS_LABELS,
  type JointReviewHistory,
  type JointReviewStatus,
  jointReviewState,
  REVIEW_DECISION_LABELS,
} from "./joint-review";
import {
  draftContent,
  isEditableStatus,
  liveMeasures,
  loadHistory,
  loadSubject,
  type PlanDraftJson,
  partiesOfActor,
  planFindingsWhere,
  type ReportDraftJson,
  type ReviewSubjectRow,
  validSignOff,
} from "./review-subject";

const statusLabel = (s: string) => JOINT_REVIEW_STATUS_LABELS[s as JointReviewStatus] ?? s;
const partyLabel = (p: string) => REVIEW_PARTY_LABELS[p as ReviewParty] ?? p;

async function headerOf(ctx: Ctx, subject: ReviewSubjectRow) {
  const [row] = await ctx.db
    .select({ targetName: targets.name, roundNumber: rounds.number, termName: terms.name })
    .from(targets)
    .innerJoin(rounds, eq(rounds.id, subject.roundId))
    .innerJoin(terms, eq(terms.id, rounds.termId))
    .where(eq(targets.id, subject.targetId));
  return {
    target: { id: subject.targetId, name: row?.targetName ?? "" },
    round: { id: subject.roundId, name: row ? roundName(row.termName, row.roundNumber) : "" },
  };
}

/** The latest version that was decided as returned, if any: its opinions are what the target revises. */
function latestReturned(history: JointReviewHistory) {
  for (let n = history.versions.length; n >= 1; n--) {
    const v = history.versions[n - 1]!;
    const answered = new Set(history.reviews.filter((r) => r.version === n).map((r) => r.party));
    if (!v.parties.every((p) => answered.has(p))) continue;
    const gathered = gatherOpinions(history, n);
    if (gathered.returns > 0) return gathered;
  }
  return null;
}

/**
 * One subject as the actor sees it: the header, the draft (a plan's findings with their live
 * measures, or a report's text and entries), every version, the machine's state, the opinions of the
 * latest returned version, what changed for each of the actor's parties, and what the actor may do.
 */
export async function getSubject(ctx: Ctx, id: string) {
  const access = await loadSubject(ctx.db, ctx.actor, id);
  const { subject } = access;
  const { history, versionRows, reviewRows } = await loadHistory(ctx.db, id);
  const state = jointReviewState(history);
  const header = await headerOf(ctx, subject);

  const findingRows = await ctx.db
    .select({
      id: findings.id,
      number: findings.number,
      title: findings.title,
      description: findings.description,
      category: findings.category,
      closedAt: findings.closedAt,
    })
    .from(findings)
    .where(planFindingsWhere(subject.feedbackId))
    .orderBy(asc(findings.number));
  const live = await liveMeasures(ctx.db, subject.feedbackId);
  const presentMeasure = (m: (typeof live)[number]) => ({
    id: m.id,
    findingId: m.findingId,
    content: m.content,
    goal: m.goal,
    responsibleLeader: m.responsibleLeader,
    responsibleDept: m.responsibleDept,
    responsiblePerson: m.responsiblePerson,
    deadline: m.deadline,
    longTerm: m.longTerm,
    position: m.position,
    updatedAt: m.updatedAt,
  });
  const findingsOut = findingRows.map((f, i) => ({
    id: f.id,
    number: i + 1,
    findingNumber: f.number,
    title: f.title,
    description: f.description,
    category: f.category,
    categoryName: categoryName(f.category),
    closed: f.closedAt !== null,
    measures: live.filter((m) => m.findingId === f.id).map(presentMeasure),
  }));

  const content = await draftContent(ctx.db, subject);
  const signOff = validSignOff(subject, content);
  // Names of the signed scans (the draft's and the versions'), to show them as downloads.
  const scanIds = [signOff?.fileId, ...versionRows.map((v) => v.signedScanFileId)].filter(
    (f): f is string => typeof f === "string",
  );
  const scanNames = new Map(
    scanIds.length
      ? (
          await ctx.db
            .select({ id: files.id, name: files.name })
            .from(files)
            .where(inArray(files.id, scanIds))
        ).map((f) => [f.id, f.name])
      : [],
  );
  const fileName = (id: string | null) => (id ? (scanNames.get(id) ?? null) : null);
  const signOffOut = signOff
    ? {
        kind: signOff.kind,
        name: signOff.name,
        at: signOff.at,
        fileId: signOff.fileId,
        fileName: fileName(signOff.fileId),
      }
    : null;
  let draft: Record<string, unknown>;
  if (subject.kind === "plan") {
    const d = subject.draft as PlanDraftJson;
    draft = { summary: d.summary ?? "", findings: findingsOut, signOff: signOffOut };
  } else {
    const d = subject.draft as ReportDraftJson;
    const entries = Object.fromEntries(content.measures.map((m) => [m.id, m.fields]));
    draft = {
      text: d.text ?? "",
      entries,
      findings: findingsOut,
      signOff: signOffOut,
      completionLabels: COMPLETIONS.labels,
    };
  }

  // Reviewer names per (version, party), for the gathered opinions.
  const reviewerOf = new Map(reviewRows.map((r) => [`${r.version}:${r.party}`, r.reviewerName]));
  const labelOpinions = (
    version: number,
    list: { party: ReviewParty; decision: string; opinion: string }[],
  ) =>
    list.map((o) => ({
      ...o,
      partyLabel: partyLabel(o.party),
      decisionLabel: REVIEW_DECISION_LABELS[o.decision as "pass" | "return"],
      reviewerName: reviewerOf.get(`${version}:${o.party}`) ?? "",
    }));
  const returned = latestReturned(history);
  const gathered = returned && {
    version: returned.version,
    returns: returned.returns,
    whole: labelOpinions(returned.version, returned.whole),
    measures: returned.measures.map((m) => ({
      measureId: m.measureId,
      opinions: labelOpinions(returned.version, m.opinions),
    })),
  };

  const latest = history.versions.at(-1);
  const myParties = latest ? access.parties.filter((p) => latest.parties.includes(p)) : [];
  const findingTitles = Object.fromEntries(findingRows.map((f) => [f.id, f.title]));
  // Titles of the findings of every measure present in any version (a removed measure's too).
  const measureFindings: Record<string, string> = {};
  for (const v of history.versions)
    for (const m of v.measures)
      measureFindings[m.id] = String(m.fields.findingId ?? measureFindings[m.id] ?? "");
  for (const m of live) measureFindings[m.id] = m.findingId;
  const changes = state.parties
    .filter((p) => myParties.includes(p.party))
    .map((p) => ({
      party: p.party,
      partyLabel: partyLabel(p.party),
      answered: p.answered,
      lastReviewedVersion: p.lastReviewedVersion,
      toReview: p.toReview,
      standing: p.standing,
      diff: p.changes,
      findingTitles,
      measureFindings,
    }));

  const editable = isEditableStatus(subject.status);
  const abilities = {
    edit: access.isContact && editable,
    signOff: access.isContact && editable,
    confirmSignOff: access.isPrincipal && editable,
    submit: access.isContact && editable && signOff !== null && content.measures.length > 0,
    review:
      state.status === "underReview" && state.parties.some((p) => myParties.includes(p.party) && !p.answered),
    openReport: access.isContact && subject.kind === "plan" && subject.status === "passed",
  };

  return {
    subject: {
      id: subject.id,
      kind: subject.kind,
      kindLabel: REVIEW_SUBJECT_KIND_LABELS[subject.kind as ReviewSubjectKind],
      sequence: subject.sequence,
      title: subject.title,
      ...header,
      feedbackId: subject.feedbackId,
      status: subject.status,
      statusLabel: statusLabel(subject.status),
      version: state.version,
      dueOn: subject.dueOn,
      passedAt: subject.passedAt,
      createdAt: subject.createdAt,
      updatedAt: subject.updatedAt,
    },
    draft,
    versions: versionRows.map((v) => ({
      number: v.number,
      parties: v.parties,
      partyLabels: v.parties.map(partyLabel),
      content: v.content,
      submittedAt: v.submittedAt,
      submittedBy: v.submittedBy,
      signOff: {
        kind: v.signOffKind,
        signedBy: v.signedBy,
        signedByName: v.signedByName,
        signedAt: v.signedAt,
        fileId: v.signedScanFileId,
        fileName: fileName(v.signedScanFileId),
      },
    })),
    state: {
      ...state,
      statusLabel: statusLabel(state.status),
      awaitingLabels: state.awaiting.map(partyLabel),
      parties: state.parties.map((p) => ({ ...p, partyLabel: partyLabel(p.party) })),
    },
    gathered,
    myParties,
    changes,
    abilities,
  };
}

export interface SubjectFilters {
  kind?: ReviewSubjectKind | undefined;
  status?: JointReviewStatus | undefined;
  roundId?: string | undefined;
  targetId?: string | undefined;
}

/** The subjects the actor may see, as one SQL condition over review_subjects s. */
function visibleSubjects(actor: Actor): SQL {
  const parts: SQL[] = [];
  const readers = committeesWhere(actor, ["officeStaff", "leadership"], "read");
  if (readers.length) parts.push(sql`s.committee_id = any(${sql.param(readers)}::uuid[])`);
  const targetIds = contactTargetIds(actor);
  if (targetIds.length) parts.push(sql`s.target_id = any(${sql.param(targetIds)}::uuid[])`);
  const byParty = (party: ReviewParty, committees: string[]) => {
    if (committees.length)
      parts.push(sql`(s.committee_id = any(${sql.param(committees)}::uuid[]) and exists (
        select 1 from review_versions v where v.subject_id = s.id and ${party} = any(v.parties)))`);
  };
  byParty("disciplineCommission", committeesWhere(actor, ["disciplineReviewer"]));
  byParty("organizationDept", committeesWhere(actor, ["organizationReviewer"]));
  const groups = groupIdsOf(actor, ["groupLeader", "groupDeputy"]);
  if (groups.length) {
    parts.push(sql`(exists (select 1 from review_versions v where v.subject_id = s.id and 'group' = any(v.parties))
      and (exists (select 1 from group_targets gt where gt.round_id = s.round_id and gt.target_id = s.target_id
                   and gt.group_id = any(${sql.param(groups)}::uuid[]))
        or exists (select 1 from findings f where f.feedback_id = s.feedback_id
                   and f.group_id = any(${sql.param(groups)}::uuid[]))))`);
  }
  return parts.length ? sql.join([sql`(`, sql.join(parts, sql` or `), sql`)`]) : sql`false`;
}

/** The subjects (plans and reports) the actor may see, with whose answer each awaits. */
export async function listSubjects(ctx: Ctx, filters: SubjectFilters) {
  const conditions: SQL[] = [visibleSubjects(ctx.actor)];
  if (filters.kind) conditions.push(sql`s.kind = ${filters.kind}`);
  if (filters.status) conditions.push(sql`s.status = ${filters.status}`);
  if (filters.roundId) conditions.push(sql`s.round_id = ${filters.roundId}`);
  if (filters.targetId) conditions.push(sql`s.target_id = ${filters.targetId}`);
  const rows = await queryRows<{
    id: string;
    committee_id: string;
    kind: ReviewSubjectKind;
    sequence: number;
    title: string;
    target_id: string;
    target_name: string;
    round_id: string;
    round_number: number;
    term_name: string;
    feedback_id: string;
    status: JointReviewStatus;
    due_on: string | null;
    version: number | null;
    parties: string[] | null;
    answered: string[] | null;
    group_ids: string[] | null;
    updated_at: string;
  }>(
    ctx.db,
    sql`select s.id, s.committee_id, s.kind, s.sequence, s.title, s.target_id, t.name as target_name,
          s.round_id, r.number as round_number, tm.name as term_name, s.feedback_id, s.status,
          s.due_on::text as due_on, s.updated_at::text as updated_at,
          v.number as version, v.parties,
          (select coalesce(array_agg(p.party), '{}') from party_reviews p
            where p.subject_id = s.id and p.version = v.number) as answered,
          (select coalesce(array_agg(distinct g.group_id), '{}') from (
             select gt.group_id from group_targets gt where gt.round_id = s.round_id and gt.target_id = s.target_id
             union select f.group_id from findings f where f.feedback_id = s.feedback_id and f.group_id is not null
           ) g) as group_ids
        from review_subjects s
        join targets t on t.id = s.target_id
        join rounds r on r.id = s.round_id
        join terms tm on tm.id = r.term_id
        left join lateral (select number, parties from review_versions
                           where subject_id = s.id order by number desc limit 1) v on true
        where ${sql.join(conditions, sql` and `)}
        order by s.updated_at desc, s.id`,
  );
  return {
    items: rows.map((r) => {
      const parties = (r.parties ?? []) as ReviewParty[];
      const answered = new Set(r.answered ?? []);
      const awaiting = r.status === "underReview" ? parties.filter((p) => !answered.has(p)) : [];
      const mine = partiesOfActor(ctx.actor, r.committee_id, r.group_ids ?? []).filter((p) =>
        parties.includes(p),
      );
      return {
        id: r.id,
        kind: r.kind,
        kindLabel: REVIEW_SUBJECT_KIND_LABELS[r.kind],
        sequence: r.sequence,
        title: r.title,
        target: { id: r.target_id, name: r.target_name },
        round: { id: r.round_id, name: roundName(r.term_name, r.round_number) },
        feedbackId: r.feedback_id,
        status: r.status,
        statusLabel: statusLabel(r.status),
        version: r.version,
        dueOn: r.due_on,
        awaiting,
        awaitingLabels: awaiting.map(partyLabel),
        myParties: mine,
        myTurn: mine.some((p) => awaiting.includes(p)),
        updatedAt: r.updated_at,
      };
    }),
  };
}
