import { Form, Select } from "antd";
import type { RoundSummary } from "../../rounds/api";
import { useRoundTargets } from "./round-targets";

/** The 巡察轮次 and 被巡察单位 fields of an office's form: the targets offered are those of the chosen round. */
export function RoundTargetFields({ rounds }: { rounds: RoundSummary[] }) {
  const form = Form.useFormInstance<{ roundId?: string }>();
  const roundId = Form.useWatch("roundId", form);
  const targets = useRoundTargets(roundId);
  return (
    <>
      <Form.Item name="roundId" label="巡察轮次" rules={[{ required: true, message: "请选择巡察轮次" }]}>
        <Select options={rounds.map((r) => ({ value: r.id, label: r.name }))} />
      </Form.Item>
      <Form.Item name="targetId" label="被巡察单位" rules={[{ required: true, message: "请选择被巡察单位" }]}>
        <Select showSearch optionFilterProp="label" loading={targets.loading} options={targets.options} />
      </Form.Item>
    </>
  );
}
