import type { FindingRow } from "./demo-rows";
import { addPartnerDepartments, listBriefingItems, requestBriefings } from "./fieldwork-briefings";
import { addInspectorAccounts, groupContexts } from "./fieldwork-inspectors";
import { planImmediateFix, planSurvey } from "./fieldwork-plans";
import { fieldworkRecorder, holdFieldwork } from "./fieldwork-records";
import type {
  FieldworkCtx,
  FieldworkInput,
  FieldworkRows,
  SpecialSources,
  TipFindings,
} from "./fieldwork-rows";
import { planTips } from "./fieldwork-tips";
import { writeWorkpapers } from "./fieldwork-workpapers";
import { createRng } from "./prng";

export type {
  BriefingAnswerRow,
  BriefingRequestRow,
  BriefingRequestTargetRow,
  FieldworkAccounts,
  FieldworkCounty,
  FieldworkInput,
  FieldworkRecordRow,
  FieldworkRows,
  InspectorAccountRow,
  InterviewInspectorRow,
  InterviewRow,
  PartnerDepartmentRow,
  PreInspectionItemRow,
  RecordInspectorRow,
  SignatureRow,
  SurveyPlan,
  TipPlan,
  WorkpaperEventRow,
  WorkpaperRow,
} from "./fieldwork-rows";

const DAY = 86_400_000;

/**
 * The fourth phase (its own generator, so the earlier phases keep their names): accounts for the
 * inspectors who sign, review and approve; the workpapers of every finding with their signatures,
 * review and approval; interviews, document reviews and visits of every round that reached
 * fieldwork; the partner departments with their briefings and the groups' pre-inspection lists;
 * and the plans of what is written through the use cases at load (tips, survey, 立行立改).
 */
export function buildDemoFieldwork(input: FieldworkInput): FieldworkRows {
  const rng = createRng(input.seed + 2);
  const { cal, work } = input;
  const base = Date.parse(`${cal.day(0)}T00:00:00Z`);
  const offsetOf = (iso: string) => Math.round((Date.parse(`${iso}T00:00:00Z`) - base) / DAY);
  const dayOf = (at: Date) => Math.floor((at.getTime() - base) / DAY);
  const out: FieldworkRows = {
    inspectorAccounts: [],
    partnerDepartments: [],
    departmentAccounts: [],
    briefingRequests: [],
    briefingRequestTargets: [],
    briefingAnswers: [],
    preInspectionItems: [],
    interviews: [],
    interviewInspectors: [],
    fieldworkRecords: [],
    fieldworkRecordInspectors: [],
    workpapers: [],
    signatures: [],
    workpaperEvents: [],
    tips: [],
    tipFindings: [],
    survey: undefined,
    immediateFix: undefined,
    fieldworkRoundId: undefined,
  };

  const people = new Map(input.counties.flatMap((c) => c.people).map((p) => [p.id, p]));
  const targets = new Map(input.counties.flatMap((c) => c.targets).map((t) => [t.id, t]));

  addInspectorAccounts(input, people, out);
  const groupCtx = groupContexts(input, people, targets, offsetOf);
  const ctx: FieldworkCtx = {
    input,
    rng,
    cal,
    out,
    targets,
    groupCtx,
    offsetOf,
    dayOf,
    between: (from, to) => rng.int(from, Math.max(from, to)),
    accountOf: (p) => p.accountId!,
    findingsOf: (groupId) =>
      work.findings.filter((f) => f.groupId === groupId).sort((a, b) => a.number - b.number),
  };
  const { findingsOf } = ctx;
  const recorder = fieldworkRecorder(ctx);
  holdFieldwork(ctx, recorder);

  const departments = addPartnerDepartments(ctx);
  const main = input.counties[0];

  // 4. The main county's fieldwork round: its briefings, pre-inspection lists, tips and survey.
  const fieldworkRound = work.rounds.find(
    (r) => r.committeeId === main.committeeId && r.stage === "fieldwork",
  );
  out.fieldworkRoundId = fieldworkRound?.id;
  const fieldworkGroups = [...groupCtx.values()]
    .filter((g) => g.round.id === fieldworkRound?.id)
    .sort((a, b) => a.group.number - b.group.number);

  /** Special sources of the fieldwork round's findings (tip, survey, briefing), by finding id. */
  const special: SpecialSources = new Map();
  const briefings = requestBriefings(ctx, departments, fieldworkRound, fieldworkGroups);

  // Tips and the survey of the fieldwork round, and which findings they led to.
  const tipFinding: TipFindings = new Map();
  let surveyFindingId: string | undefined;
  if (fieldworkRound) {
    const start = offsetOf(fieldworkRound.startsOn);
    const [g1, g2, g3] = fieldworkGroups;
    const early = (f: FindingRow) => dayOf(f.createdAt as Date) >= start + 5;
    if (g1) {
      const surveyTarget = g1.targets[0]!;
      const fs = findingsOf(g1.group.id);
      surveyFindingId = fs.find((f) => f.targetId === surveyTarget.id && early(f))?.id;
      if (surveyFindingId) special.set(surveyFindingId, { source: "survey", recordId: null });
      const tipped = fs.find((f) => f.id !== surveyFindingId && early(f));
      if (tipped) tipFinding.set(tipped.id, { channel: "web", named: true });
    }
    if (g2) {
      const tipped = findingsOf(g2.group.id).find(early);
      if (tipped) tipFinding.set(tipped.id, { channel: "letter", named: false });
    }
    listBriefingItems(ctx, [g1, g2, g3], departments, briefings, special, tipFinding);
    planTips(ctx, tipFinding, fieldworkGroups, start);
    planSurvey(ctx, g1, start, surveyFindingId);
  }

  const accountGroupFindings = input.accountGroupId ? findingsOf(input.accountGroupId) : [];
  writeWorkpapers(ctx, recorder, accountGroupFindings, special, tipFinding);
  planImmediateFix(ctx, accountGroupFindings);
  // The register numbers tips in the order they came in.
  out.tips.sort((a, b) => a.receivedOn - b.receivedOn);
  return out;
}
