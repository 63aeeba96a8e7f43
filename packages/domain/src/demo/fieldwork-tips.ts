import { TIP_TEXTS, unitName } from "./fieldwork-bank";
import type { FieldworkCtx, GroupCtx, TipFindings } from "./fieldwork-rows";
import { personName } from "./names";

/** The tips of the fieldwork round, by the way they came in and what became of them. */
export function planTips(
  ctx: FieldworkCtx,
  tipFinding: TipFindings,
  fieldworkGroups: GroupCtx[],
  start: number,
) {
  const { rng, input, out, targets, dayOf, between } = ctx;
  const { work } = input;
  const [g1, g2, g3] = fieldworkGroups;
  const phone = () => `1${rng.pick(["33", "35", "38", "39", "58", "77"])}${rng.digits(8)}`;
  const named = () => ({ name: personName(rng, input.names), phone: phone() });
  const text = (category: string) => TIP_TEXTS.find((t) => t.category === category)!;
  for (const [findingId, how] of tipFinding) {
    const f = work.findings.find((x) => x.id === findingId)!;
    const target = targets.get(f.targetId)!;
    const decided = dayOf(f.createdAt as Date);
    out.tips.push({
      channel: how.channel,
      targetId: target.id,
      category: f.scheme === "sixDisciplines" ? f.category : "sixDisciplines.5",
      text: `反映${unitName(target)}的问题：${f.description.replace(/。$/, "")}。希望巡察组认真查一查。`,
      ...(how.named ? { identity: named() } : {}),
      receivedOn: decided - rng.int(2, 4),
      outcome: {
        kind: "use",
        findingId,
        note: "经核实，反映问题属实，已作为问题底稿来源。",
        publicAnswer: "您反映的问题已被巡察组采用，经核实情况属实，巡察组将督促有关单位整改。感谢您的监督。",
        decidedOn: decided,
      },
    });
    out.tipFindings.push(findingId);
  }
  if (g1 && g2 && g3) {
    const t1 = g1.targets;
    const t3 = g3.targets;
    const township = t3.find((t) => t.category === "township") ?? t3[0]!;
    const community = t3.find((t) => t.parentTargetId === township.id) ?? t3[t3.length - 1]!;
    const day = (from: number) => between(start + from, -2);
    const handedOn = day(4);
    const school = t1.find((t) => t.category === "school") ?? t1[0]!;
    const schoolOn = day(5);
    const schoolDecided = Math.min(schoolOn + 1, -1);
    out.tips.push(
      {
        channel: "web",
        targetId: t1[1]?.id ?? t1[0]!.id,
        category: "sixDisciplines.3",
        text: text("sixDisciplines.3").text(unitName(t1[1] ?? t1[0]!)),
        identity: named(),
        receivedOn: -2,
        outcome: { kind: "routed" },
        revealReason: "反映情况较为具体，需要与举报人当面核实就餐时间和地点，进一步了解有关问题。",
      },
      {
        channel: "phone",
        targetId: community.id,
        category: "sixDisciplines.4",
        text: text("sixDisciplines.4").text(unitName(community)),
        receivedOn: handedOn - 2,
        outcome: {
          kind: "handOver",
          targetId: township.id,
          deadline: handedOn + 10,
          note: "属社区日常管理问题，交街道党工委调查处理并限期回复。",
          decidedOn: handedOn,
          answer: {
            text: `经${unitName(township)}调查核实，反映的低保评审问题部分属实：1户家庭经营门面收入未如实申报，已停发低保并追回资金；社区经办人员受到批评教育。`,
            answeredOn: Math.min(handedOn + 8, -1),
            publicAnswer: "您反映的问题已交街道党工委办理，经核实部分属实，已依规处理。感谢您的监督。",
          },
        },
      },
      {
        channel: "letter",
        targetId: t3[0]!.id,
        category: "sixDisciplines.5",
        text: text("sixDisciplines.5").text(unitName(t3[0]!)),
        identity: named(),
        receivedOn: -6,
        outcome: {
          kind: "handOver",
          targetId: t3[0]!.id,
          deadline: 8,
          note: "交被巡察单位党组织核查，结果报巡察组。",
          decidedOn: -4,
        },
      },
      {
        channel: "visit",
        targetId: g2.targets[0]!.id,
        category: "sixDisciplines.2",
        text: text("sixDisciplines.2").text(unitName(g2.targets[0]!)),
        identity: named(),
        receivedOn: day(2),
        outcome: {
          kind: "use",
          note: "列入干部选拔任用专项检查，在个别谈话中重点了解。",
          publicAnswer: "您反映的情况已被巡察组采用，作为巡察工作的参考。",
          decidedOn: -1,
        },
      },
      {
        channel: "web",
        targetId: t1[0]!.id,
        category: "sixDisciplines.6",
        text: text("sixDisciplines.6").text(unitName(t1[0]!)),
        receivedOn: day(3),
        outcome: {
          kind: "file",
          reason: "反映内容不具体，未提供人员姓名和具体时间，经初步了解无法查证，予以存档。",
          publicAnswer: "您反映的情况经研究后予以存档。如有具体线索，可凭查询码补充。",
          decidedOn: -1,
        },
      },
      {
        channel: "web",
        groupId: g1.group.id,
        targetId: null,
        otherTarget: "城东某在建小区工地",
        category: "other",
        text: text("other").text(""),
        receivedOn: day(1),
        outcome: {
          kind: "file",
          reason: "反映的施工噪音问题不属于本轮巡察范围，已告知向县住建局、生态环境分局反映。",
          publicAnswer:
            "您反映的问题不属于本轮巡察范围，建议向县住建局或县生态环境分局反映，也可拨打12345热线。",
          decidedOn: -1,
        },
      },
      {
        channel: "web",
        targetId: null,
        otherTarget: "县城某学校",
        category: "sixDisciplines.4",
        text: "反映县城有学校在假期组织有偿补课，每人收费两千元，家长不敢不报名。",
        receivedOn: -1,
        outcome: { kind: "new" },
      },
      {
        channel: "letter",
        targetId: null,
        otherTarget: `${unitName(township)}所属村`,
        category: "sixDisciplines.3",
        text: `${unitName(township)}有村干部优亲厚友，把村里的公益性岗位安排给自己亲属，请巡察组调查。`,
        receivedOn: -3,
        outcome: { kind: "routeTo", groupId: g3.group.id },
      },
      {
        channel: "email",
        targetId: g2.targets[1]?.id ?? g2.targets[0]!.id,
        category: "sixDisciplines.3",
        text: `反映${unitName(g2.targets[1] ?? g2.targets[0]!)}采购办公用品长期指定一家商店，价格明显高于市场价，疑有利益输送。`,
        identity: named(),
        receivedOn: -2,
        outcome: { kind: "routed" },
      },
      {
        channel: "web",
        targetId: school.id,
        category: "sixDisciplines.3",
        text: `反映${unitName(school)}食堂采购价格偏高，学生家长反映伙食质量与收费不相符。`,
        receivedOn: schoolOn,
        outcome: {
          kind: "handOver",
          targetId: school.id,
          deadline: schoolDecided + 7,
          note: "交学校党组织自查，重点核查食材采购台账。",
          decidedOn: schoolDecided,
          answer: {
            text: "经学校自查，食堂存在部分食材未集中采购、价格偏高的问题，已终止与原供应商合作，改为公开招标采购，并在校内公示食堂收支情况。",
            answeredOn: Math.min(schoolDecided + 5, -1),
            publicAnswer: "您反映的问题已交学校党组织办理并整改：食材改为公开招标采购，食堂收支定期公示。",
          },
        },
      },
    );
  }
}
