import { z } from "zod";
import { defineSetting } from "../committee-settings/setting";
import { AppError } from "../model/errors";
import type {
  FieldChange,
  Fields,
  FieldValue,
  GatheredOpinions,
  JointReviewHistory,
  JointReviewState,
  MeasureChange,
  PartyOpinion,
  PartyReview,
  PartyStatus,
  ReviewVersion,
  Verdict,
  VersionContent,
  VersionDiff,
} from "../model/rectification";
import {
  MIN_REVIEW_PARTIES,
  REQUIRED_REVIEW_PARTY,
  REVIEW_PARTIES,
  REVIEW_PARTY_LABELS,
  type ReviewParty,
} from "../model/rectification";

/**
 * Joint review (三方/四方联审) of a rectification plan, a progress report or the final report: one
 * pure state machine over the subject's submitted versions and the parties' reviews. Nothing here
 * reads the database; a use case loads the history, asks this module whether a step is allowed
 * (it throws AppError otherwise), stores the new row and presents the state computed here.
 *
 * Rules
 * - Each submitted version is reviewed in parallel by the parties recorded on it (the committee's
 *   `rectification.jointReview` setting when it was submitted: at least two, the office always). A party answers a version once, with
 *   a verdict (pass / return with an opinion) on each measure it has to review and on the whole.
 * - The decision waits for every party: a version stays under review until all its parties have
 *   answered, even when one of them has already returned something. Then it is returned (退回) if any
 *   verdict given on it is a return, with all opinions gathered in one structure, or passed when
 *   every party passed every measure and the whole. Waiting gives the target one consolidated
 *   return instead of a trickle of partial ones.
 * - A resubmission resets only what changed: a party's pass on a measure stands while the measure's
 *   fields are unchanged since the version that pass was given on; the party reviews the measures
 *   that are new, changed, or that it did not pass. The whole-plan verdict is asked again on every
 *   version, from every party.
 * - A passed subject is final: no further version can be submitted.
 *
 * The measures of a report are its entries per measure; `whole` holds the whole document's fields.
 */

export const jointReviewSettingSchema = z.strictObject({
  parties: z
    .array(z.enum(REVIEW_PARTIES))
    .min(MIN_REVIEW_PARTIES, `至少须有 ${MIN_REVIEW_PARTIES} 个审核方`)
    .refine((ps) => new Set(ps).size === ps.length, "审核方不能重复")
    .refine(
      (ps) => ps.includes(REQUIRED_REVIEW_PARTY),
      `${REVIEW_PARTY_LABELS[REQUIRED_REVIEW_PARTY]}须参加联审`,
    ),
});
export type JointReviewSetting = z.infer<typeof jointReviewSettingSchema>;

/** The committee's reviewing parties; by default the four of 四方联审. */
export const jointReviewSetting = defineSetting({
  key: "rectification.jointReview",
  label: "整改联审审核方",
  schema: jointReviewSettingSchema,
  defaults: (): JointReviewSetting => ({ parties: [...REVIEW_PARTIES] }),
});

// The shapes of a joint review live in the shared model (the web shows them); re-exported here.
export type {
  FieldChange,
  Fields,
  FieldValue,
  GatheredOpinions,
  JointReviewHistory,
  JointReviewState,
  MeasureChange,
  PartyOpinion,
  PartyReview,
  PartyStatus,
  ReviewedMeasure,
  ReviewVersion,
  Verdict,
  VersionContent,
  VersionDiff,
} from "../model/rectification";
// The statuses and decisions with their labels live in the shared model (the web shows them too).
export {
  JOINT_REVIEW_STATUS_LABELS,
  JOINT_REVIEW_STATUSES,
  type JointReviewStatus,
  REVIEW_DECISION_LABELS,
  type ReviewDecision,
} from "../model/rectification";

// ---------------------------------------------------------------------------------------------

function valueEqual(a: FieldValue | undefined, b: FieldValue | undefined): boolean {
  const x = a ?? null;
  const y = b ?? null;
  if (Array.isArray(x) || Array.isArray(y)) {
    if (!Array.isArray(x) || !Array.isArray(y) || x.length !== y.length) return false;
    return x.every((v, i) => valueEqual(v as FieldValue, y[i] as FieldValue));
  }
  return Object.is(x, y);
}

function fieldChanges(before: Fields, after: Fields): FieldChange[] {
  const keys = [...Object.keys(after), ...Object.keys(before).filter((k) => !Object.hasOwn(after, k))];
  return keys
    .filter((k) => !valueEqual(before[k], after[k]))
    .map((field) => ({ field, before: before[field] ?? null, after: after[field] ?? null }));
}

/** Whether two sets of fields are equal (a missing field equals null). */
export const fieldsEqual = (a: Fields, b: Fields) => fieldChanges(a, b).length === 0;

/** The per-measure diff between two versions. */
export function diffVersions(
  before: (VersionContent & { number: number }) | null,
  after: VersionContent & { number: number },
): VersionDiff {
  const old = new Map((before?.measures ?? []).map((m) => [m.id, m]));
  const ids = new Set(after.measures.map((m) => m.id));
  const measures: MeasureChange[] = [];
  const unchanged: string[] = [];
  for (const m of after.measures) {
    const prev = old.get(m.id);
    if (!prev) {
      measures.push({ id: m.id, kind: "added", after: m.fields });
      continue;
    }
    const fields = fieldChanges(prev.fields, m.fields);
    if (fields.length) measures.push({ id: m.id, kind: "changed", fields });
    else unchanged.push(m.id);
  }
  for (const m of before?.measures ?? []) {
    if (!ids.has(m.id)) measures.push({ id: m.id, kind: "removed", before: m.fields });
  }
  return {
    from: before?.number ?? null,
    to: after.number,
    whole: fieldChanges(before?.whole ?? {}, after.whole),
    measures,
    unchanged,
  };
}

const says = (v: Verdict) => v.decision === "return" || v.opinion.trim() !== "";

/** Every return and every pass with an opinion given on one version, gathered per measure. */
export function gatherOpinions(history: JointReviewHistory, versionNumber: number): GatheredOpinions {
  const version = versionOf(history, versionNumber);
  const reviews = history.reviews.filter((r) => r.version === versionNumber);
  const opinion = (r: PartyReview, v: Verdict): PartyOpinion => ({
    party: r.party,
    decision: v.decision,
    opinion: v.opinion,
  });
  let returns = 0;
  const whole: PartyOpinion[] = [];
  for (const r of reviews) {
    if (r.whole.decision === "return") returns++;
    if (says(r.whole)) whole.push(opinion(r, r.whole));
  }
  const measures: GatheredOpinions["measures"] = [];
  for (const m of version.measures) {
    const opinions: PartyOpinion[] = [];
    for (const r of reviews) {
      const v = r.measures[m.id];
      if (!v) continue;
      if (v.decision === "return") returns++;
      if (says(v)) opinions.push(opinion(r, v));
    }
    if (opinions.length) measures.push({ measureId: m.id, opinions });
  }
  return { version: versionNumber, whole, measures, returns };
}

function versionOf(history: JointReviewHistory, n: number): ReviewVersion {
  const v = history.versions[n - 1];
  if (!v || v.number !== n) throw new Error(`joint review history has no version ${n}`);
  return v;
}

function checkNumbering(history: JointReviewHistory) {
  history.versions.forEach((v, i) => {
    if (v.number !== i + 1) throw new Error("joint review versions must be numbered 1, 2, … in order");
  });
}

/** What one party has to review on a version, given the reviews of earlier versions. */
function partyStatus(history: JointReviewHistory, version: ReviewVersion, party: ReviewParty): PartyStatus {
  const earlier = history.reviews
    .filter((r) => r.party === party && r.version < version.number)
    .sort((a, b) => b.version - a.version);
  const toReview: string[] = [];
  const standing: PartyStatus["standing"] = [];
  for (const m of version.measures) {
    const latest = earlier.find((r) => Object.hasOwn(r.measures, m.id));
    const verdict = latest?.measures[m.id];
    const then = latest && versionOf(history, latest.version).measures.find((x) => x.id === m.id);
    if (verdict?.decision === "pass" && then && fieldsEqual(then.fields, m.fields)) {
      standing.push({ measureId: m.id, passedOn: latest.version });
    } else {
      toReview.push(m.id);
    }
  }
  const lastReviewedVersion = earlier[0]?.version ?? null;
  return {
    party,
    answered: history.reviews.some((r) => r.party === party && r.version === version.number),
    lastReviewedVersion,
    toReview,
    standing,
    changes: diffVersions(
      lastReviewedVersion === null ? null : versionOf(history, lastReviewedVersion),
      version,
    ),
  };
}

/** The state of the joint review after the given versions and reviews. */
export function jointReviewState(history: JointReviewHistory): JointReviewState {
  checkNumbering(history);
  const current = history.versions.at(-1);
  if (!current) return { status: "draft", version: null, parties: [], awaiting: [], returned: null };
  const parties = current.parties.map((p) => partyStatus(history, current, p));
  const awaiting = parties.filter((p) => !p.answered).map((p) => p.party);
  if (awaiting.length) {
    return { status: "underReview", version: current.number, parties, awaiting, returned: null };
  }
  const opinions = gatherOpinions(history, current.number);
  return opinions.returns > 0
    ? { status: "returned", version: current.number, parties, awaiting, returned: opinions }
    : { status: "passed", version: current.number, parties, awaiting, returned: null };
}

/**
 * Submits a new version (the first one, or a resubmission after a return), reviewed by `parties`
 * (the committee's setting now). Throws when the subject is under review or passed, or when the
 * content has no measures or repeats a measure id. Returns the version to store and the state after.
 */
export function submitVersion(
  history: JointReviewHistory,
  content: VersionContent,
  parties: readonly ReviewParty[],
): { version: ReviewVersion; state: JointReviewState } {
  const { status } = jointReviewState(history);
  if (status === "underReview") throw new AppError("joint_review.under_review");
  if (status === "passed") throw new AppError("joint_review.already_passed");
  const checked = jointReviewSettingSchema.safeParse({ parties: [...parties] });
  if (!checked.success) throw new Error(`invalid reviewing parties: ${checked.error.message}`);
  if (content.measures.length === 0) throw new AppError("joint_review.no_measures");
  const seen = new Set<string>();
  const repeated = content.measures.filter((m) => seen.has(m.id) || !seen.add(m.id)).map((m) => m.id);
  if (repeated.length)
    throw new AppError("joint_review.duplicate_measure", undefined, { measureIds: repeated });
  const version: ReviewVersion = {
    number: history.versions.length + 1,
    parties: checked.data.parties,
    whole: content.whole,
    measures: content.measures,
  };
  return { version, state: jointReviewState({ ...history, versions: [...history.versions, version] }) };
}

/**
 * Records one party's answer to the version under review. Throws unless the version is the one
 * under review, the party is one of its parties and has not answered it yet, the answer rules on
 * exactly the measures the party has to review (`toReview`), and every return carries an opinion.
 * Returns the state after (returned or passed once the last party has answered).
 */
export function giveVerdicts(history: JointReviewHistory, review: PartyReview): { state: JointReviewState } {
  const before = jointReviewState(history);
  if (before.status !== "underReview" || review.version !== before.version) {
    throw new AppError("joint_review.not_under_review");
  }
  const party = before.parties.find((p) => p.party === review.party);
  if (!party) throw new AppError("joint_review.not_a_party");
  if (party.answered) throw new AppError("joint_review.already_reviewed");
  const given = Object.keys(review.measures);
  const missing = party.toReview.filter((id) => !Object.hasOwn(review.measures, id));
  const unexpected = given.filter((id) => !party.toReview.includes(id));
  if (missing.length || unexpected.length) {
    throw new AppError("joint_review.verdicts_invalid", undefined, { missing, unexpected });
  }
  const silent = (v: Verdict) => v.decision === "return" && v.opinion.trim() === "";
  const withoutOpinion = party.toReview.filter((id) => silent(review.measures[id]!));
  if (silent(review.whole) || withoutOpinion.length) {
    throw new AppError("joint_review.opinion_required", undefined, {
      whole: silent(review.whole),
      measureIds: withoutOpinion,
    });
  }
  return { state: jointReviewState({ ...history, reviews: [...history.reviews, review] }) };
}

/** Counts for statistics: versions decided, opinions given, versions returned and return verdicts. */
export function jointReviewCounts(history: JointReviewHistory) {
  checkNumbering(history);
  let reviewed = 0;
  let returned = 0;
  let opinions = 0;
  let returnVerdicts = 0;
  for (const v of history.versions) {
    const answered = new Set(history.reviews.filter((r) => r.version === v.number).map((r) => r.party));
    const gathered = gatherOpinions(history, v.number);
    opinions += gathered.whole.length + gathered.measures.reduce((n, m) => n + m.opinions.length, 0);
    returnVerdicts += gathered.returns;
    if (v.parties.every((p) => answered.has(p))) {
      reviewed++;
      if (gathered.returns > 0) returned++;
    }
  }
  return { reviewed, returned, opinions, returnVerdicts };
}
