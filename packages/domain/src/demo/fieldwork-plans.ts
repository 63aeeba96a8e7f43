import { isClosedQuestion, type SurveyAnswers } from "../surveys/questions";
import { isStraightLined } from "../surveys/straight-lining";
import { builtInQuestionnaire } from "../surveys/templates";
import type { FindingRow } from "./demo-rows";
import type { FieldworkCtx, GroupCtx, SurveyPlan } from "./fieldwork-rows";

/** The survey: a group 1 questionnaire on its first target, with one straight-liner. */
export function planSurvey(
  ctx: FieldworkCtx,
  g1: GroupCtx | undefined,
  start: number,
  surveyFindingId: string | undefined,
) {
  const { rng, cal, out, between } = ctx;
  if (g1) {
    const questions = builtInQuestionnaire("integrity")!.questions;
    const opensOn = start + 2;
    const responses: SurveyPlan["responses"] = [];
    for (let i = 0; i < 18; i++) {
      const answers: SurveyAnswers = {};
      for (const q of questions) {
        if (q.kind === "scale") answers[q.id] = rng.pick([0, 0, 1, 1, 1, 2, 2, 3]);
        else if (q.kind === "single") answers[q.id] = rng.pick([0, 0, 0, 1, 1, 2, 3]) % q.options.length;
        else if (q.kind === "multiple") {
          if (rng.chance(0.7)) answers[q.id] = rng.shuffle([0, 1, 2, 3, 4, 5]).slice(0, rng.int(1, 2));
        } else if (rng.chance(0.4)) answers[q.id] = rng.pick(SURVEY_COMMENTS);
      }
      // Only one sheet ticks the same column all the way down.
      if (i === 7) for (const q of questions.filter(isClosedQuestion)) answers[q.id] = 0;
      else if (isStraightLined(questions, answers)) answers.q2 = 2;
      responses.push({ answers, answeredOn: cal.day(between(opensOn, -1)) });
    }
    out.survey = {
      groupId: g1.group.id,
      targetId: g1.targets[0]!.id,
      builtIn: "integrity",
      opensOn: cal.day(opensOn),
      closesOn: cal.day(5),
      codeCount: 40,
      responses,
      findingId: surveyFindingId,
    };
  }
}

/** 6. 立行立改: the first approved finding of the demo accounts' group, sent to its target. */
export function planImmediateFix(ctx: FieldworkCtx, accountGroupFindings: FindingRow[]) {
  const { cal, out, dayOf } = ctx;
  const fix = accountGroupFindings.find((f) => f.status === "approved");
  if (fix) {
    const approvedOn = dayOf(fix.approvedAt as Date);
    const date = Math.min(approvedOn + 1, -1);
    out.immediateFix = {
      findingId: fix.id,
      requirement:
        "立即对照问题开展自查，逐项列出整改清单，明确责任人和完成时限。\n对问题涉及的事项按规定立即纠正，该清退的清退，该规范的规范。\n举一反三完善相关制度，堵塞管理漏洞，整改情况及佐证材料按时报送巡察组。",
      date: cal.day(date),
      deadline: cal.day(Math.max(date + 12, 4)),
    };
  }
}

const SURVEY_COMMENTS = [
  "希望单位进一步规范公务接待和公车使用管理。",
  "建议加强财务审批把关，做到公开透明。",
  "领导班子作风总体较好，希望多深入基层了解情况。",
  "建议定期公开“三重一大”事项决策情况。",
  "个别干部上班时间办私事，希望加强考勤管理。",
];
