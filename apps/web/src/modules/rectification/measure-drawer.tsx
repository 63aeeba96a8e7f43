import { Form, InputNumber, Select, Typography } from "antd";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { useGuardedClose } from "../../components/use-guarded-close";
import type { LedgerItem, Measure } from "./api";
import {
  MeasureFindingHeading,
  type MeasureForm,
  MeasureFormFields,
  measureBody,
} from "./measure-form-fields";

/** A target's contact adds a rectification measure (整改措施) to a fed-back problem. */
export function MeasureDrawer({
  item,
  onClose,
  onSaved,
}: {
  item: LedgerItem | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<MeasureForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);

  const submit = async (v: MeasureForm) => {
    if (!item) return;
    const result = await run(() =>
      api.post(`/findings/${item.finding.id}/measures`, measureBody(v, undefined)),
    );
    if (result.ok) {
      notifySuccess("整改措施已添加");
      form.resetFields();
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={item !== null}
      onClose={close}
      title="添加整改措施"
      width={560}
      submitText="保存措施"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      {item && <MeasureFindingHeading finding={item.finding} />}
      <Form<MeasureForm> form={form} layout="vertical" onFinish={submit}>
        <MeasureFormFields />
      </Form>
    </FormDrawer>
  );
}

interface OutcomesForm {
  rulesMade: string[];
  moneyRecovered: number | null;
  accountablePersons: number | null;
}

/**
 * The contact records a measure's outcomes (成效): the rules made or revised (建章立制, by name), the
 * money recovered (挽回经济损失, 万元) and the people held accountable (追责问责, 人); summed in the ledger.
 */
export function OutcomesDrawer({
  measure,
  onClose,
  onSaved,
}: {
  measure: Measure | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<OutcomesForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);

  const submit = async (v: OutcomesForm) => {
    if (!measure) return;
    const result = await run(() =>
      api.put(`/measures/${measure.id}/outcomes`, {
        rulesMade: (v.rulesMade ?? []).map((r) => r.trim()).filter((r) => r !== ""),
        moneyRecovered: v.moneyRecovered ?? 0,
        accountablePersons: v.accountablePersons ?? 0,
      }),
    );
    if (result.ok) {
      notifySuccess("整改成效已保存");
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={measure !== null}
      onClose={close}
      title="记录整改成效"
      width={520}
      submitText="保存成效"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      {measure && (
        <Typography.Paragraph ellipsis={{ rows: 3 }}>
          <Typography.Text strong>措施：</Typography.Text>
          {measure.content}
        </Typography.Paragraph>
      )}
      {measure && (
        <Form<OutcomesForm>
          key={measure.id}
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{
            rulesMade: measure.rulesMade ?? [],
            moneyRecovered: measure.moneyRecovered ?? 0,
            accountablePersons: measure.accountablePersons ?? 0,
          }}
        >
          <Form.Item
            name="rulesMade"
            label="建章立制（制度名称）"
            extra="输入制度名称后按回车，可填写多项，如《公务接待管理办法》。"
          >
            <Select mode="tags" open={false} tokenSeparators={["，", ",", "；", ";"]} aria-label="建章立制" />
          </Form.Item>
          <Form.Item
            name="moneyRecovered"
            label="挽回经济损失（万元）"
            rules={[{ type: "number", min: 0, message: "不能为负数" }]}
          >
            <InputNumber min={0} precision={2} step={0.01} style={{ width: "100%" }} suffix="万元" />
          </Form.Item>
          <Form.Item
            name="accountablePersons"
            label="追责问责（人）"
            rules={[{ type: "number", min: 0, message: "不能为负数" }]}
          >
            <InputNumber min={0} precision={0} style={{ width: "100%" }} suffix="人" />
          </Form.Item>
        </Form>
      )}
    </FormDrawer>
  );
}
