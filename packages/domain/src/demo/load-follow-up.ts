import { queryRows, sql, type Tx } from "@xuncha/db";
import type { Ctx } from "../access/ctx";
import {
  approveDisclosure,
  createDisclosure,
  publishDisclosure,
  submitDisclosure,
  updateDisclosure,
} from "../rectification/disclosure";
import { evaluateRectification } from "../rectification/effect-evaluation";
import { completeRevisit, planRevisits } from "../rectification/revisits";
import type { DemoCalendar } from "./demo-rows";

/**
 * After the concentrated period, in the demo: the targets whose final report passed get their
 * revisits (the first one done, one of them reopening a closed problem), an effect evaluation, and
 * two disclosures (one published with a problem withheld, one awaiting the leading group).
 */
export async function loadFollowUpDemo(
  tx: Tx,
  input: { cal: DemoCalendar; committeeId: string; office: Ctx; leader: Ctx },
) {
  const done = await queryRows<{ round_id: string; target_id: string }>(
    tx,
    sql`select s.round_id, s.target_id from review_subjects s join targets t on t.id = s.target_id
        where s.committee_id = ${input.committeeId} and s.kind = 'finalReport' and s.status = 'passed'
        order by t.name`,
  );
  let revisits = 0;
  for (const [i, row] of done.entries()) {
    const planned = await planRevisits(input.office, {
      roundId: row.round_id,
      targetId: row.target_id,
      from: input.cal.day(-100 - i * 3),
    });
    revisits += planned.length;
    const first = planned[0] as { id: string; plannedOn: string } | undefined;
    if (!first) continue;
    const [closed] = await queryRows<{ id: string }>(
      tx,
      sql`select id from findings where round_id = ${row.round_id} and target_id = ${row.target_id}
          and closed_at is not null order by number limit 1`,
    );
    await completeRevisit(input.office, first.id, {
      doneOn: first.plannedOn,
      conclusion:
        i === 0 && closed
          ? "回访发现个别问题整改不到位、存在反弹，已重新打开，责成限期整改。"
          : "整改措施总体落实到位，制度执行情况良好，群众反映较好。",
      ...(i === 0 && closed
        ? { reopen: [{ findingId: closed.id, reason: "回访督查发现问题反弹，整改成效不巩固" }] }
        : {}),
    });
    await evaluateRectification(input.office, {
      roundId: row.round_id,
      targetId: row.target_id,
      scores: {
        responsibility: 95 - i * 6,
        measures: 90 - i * 5,
        results: 92 - i * 9,
        rules: 85 - i * 4,
        satisfaction: 88 - i * 7,
      },
      comment: i === 0 ? "整改责任压得较实，但个别问题出现反弹。" : "整改工作扎实，成效较好。",
    });
  }

  // A public disclosure published with one problem withheld; a party-internal one awaiting approval.
  const [published, pending] = done;
  let disclosures = 0;
  if (published) {
    const d = (await createDisclosure(input.office, { ...ids(published), scope: "public" })) as {
      id: string;
    };
    const [held] = await queryRows<{ id: string }>(
      tx,
      sql`select id from findings where round_id = ${published.round_id} and target_id = ${published.target_id}
            and feedback_id is not null order by number desc limit 1`,
    );
    if (held)
      await updateDisclosure(input.office, d.id, {
        withheld: [{ findingId: held.id, reason: "openCase", note: "相关问题线索正在查处" }],
      });
    await submitDisclosure(input.office, d.id);
    await approveDisclosure(input.leader, d.id, { note: "同意公开。" });
    await publishDisclosure(input.office, d.id);
    disclosures++;
  }
  if (pending) {
    const d = (await createDisclosure(input.office, { ...ids(pending), scope: "party" })) as { id: string };
    await submitDisclosure(input.office, d.id);
    disclosures++;
  }
  return { revisits, evaluations: done.length, disclosures };
}

const ids = (r: { round_id: string; target_id: string }) => ({ roundId: r.round_id, targetId: r.target_id });
