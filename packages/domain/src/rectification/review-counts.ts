import { queryRows, sql } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import { committeesWhere } from "../access/policies";
import { REVIEW_PARTIES, REVIEW_PARTY_LABELS, type ReviewParty } from "../model/rectification";
import {
  type JointReviewHistory,
  jointReviewCounts,
  type PartyReview,
  type ReviewVersion,
} from "./joint-review";

const COUNTERS = ["officeStaff", "leadership", "disciplineReviewer", "organizationReviewer"] as const;

type Counts = ReturnType<typeof jointReviewCounts>;
const zero = (): Counts => ({ reviewed: 0, returned: 0, opinions: 0, returnVerdicts: 0 });
const add = (a: Counts, b: Counts): Counts => ({
  reviewed: a.reviewed + b.reviewed,
  returned: a.returned + b.returned,
  opinions: a.opinions + b.opinions,
  returnVerdicts: a.returnVerdicts + b.returnVerdicts,
});

/**
 * Joint review counts of the actor's committee (optionally one round): versions of plans and of reports
 * reviewed (every party answered), returned, opinions given and return verdicts, by the machine's
 * counting; and per party, the versions it answered, its opinions and its return verdicts.
 */
export async function getReviewCounts(ctx: Ctx, filters: { roundId?: string | undefined }) {
  const committees = committeesWhere(ctx.actor, COUNTERS, "read");
  const round = filters.roundId ? sql`and s.round_id = ${filters.roundId}` : sql``;
  const scope = sql`s.committee_id = any(${sql.param(committees.length ? committees : [])}::uuid[]) ${round}`;
  const versions = await queryRows<{ subject_id: string; kind: string; number: number; parties: string[] }>(
    ctx.db,
    sql`select v.subject_id, s.kind, v.number, v.parties from review_versions v
        join review_subjects s on s.id = v.subject_id where ${scope} order by v.subject_id, v.number`,
  );
  const reviews = await queryRows<{
    subject_id: string;
    party: string;
    version: number;
    whole: PartyReview["whole"];
    measures: PartyReview["measures"];
  }>(
    ctx.db,
    sql`select p.subject_id, p.party, p.version, p.whole, p.measures from party_reviews p
        join review_subjects s on s.id = p.subject_id where ${scope}`,
  );
  const bySubject = new Map<
    string,
    { kind: string; history: { versions: ReviewVersion[]; reviews: PartyReview[] } }
  >();
  for (const v of versions) {
    const entry = bySubject.get(v.subject_id) ?? { kind: v.kind, history: { versions: [], reviews: [] } };
    // Counting needs who reviewed and what they said, not the content: each measure verdict names its id.
    entry.history.versions.push({
      number: v.number,
      parties: v.parties as ReviewParty[],
      whole: {},
      measures: [],
    });
    bySubject.set(v.subject_id, entry);
  }
  for (const r of reviews) {
    bySubject.get(r.subject_id)?.history.reviews.push({
      party: r.party as ReviewParty,
      version: r.version,
      whole: r.whole,
      measures: r.measures,
    });
  }
  let plans = zero();
  let reports = zero();
  for (const { kind, history } of bySubject.values()) {
    // The gathered opinions walk the version's measures: give each version the measures its reviews name.
    const withMeasures: JointReviewHistory = {
      versions: history.versions.map((v) => ({
        ...v,
        measures: [
          ...new Set(
            history.reviews.filter((r) => r.version === v.number).flatMap((r) => Object.keys(r.measures)),
          ),
        ].map((id) => ({ id, fields: {} })),
      })),
      reviews: history.reviews,
    };
    const counts = jointReviewCounts(withMeasures);
    if (kind === "plan") plans = add(plans, counts);
    else reports = add(reports, counts);
  }
  const parties = REVIEW_PARTIES.map((party) => {
    const mine = reviews.filter((r) => r.party === party);
    const verdicts = mine.flatMap((r) => [r.whole, ...Object.values(r.measures)]);
    return {
      party,
      label: REVIEW_PARTY_LABELS[party],
      reviewed: mine.length,
      opinions: verdicts.filter((v) => v.decision === "return" || v.opinion.trim() !== "").length,
      returns: verdicts.filter((v) => v.decision === "return").length,
    };
  });
  return { plans, reports, total: add(plans, reports), parties };
}
