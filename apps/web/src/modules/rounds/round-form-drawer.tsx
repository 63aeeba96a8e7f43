import { PlusOutlined } from "@ant-design/icons";
import { ROUND_KINDS } from "@xuncha/domain/model";
import { Button, DatePicker, Form, Input, Modal, Select, Space } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import { api } from "../../app/api-client";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import type { RoundSummary, Term } from "./api";

interface RoundForm {
  termId: string;
  kind: keyof typeof ROUND_KINDS.labels;
  theme?: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
}

interface TermForm {
  name: string;
  startsOn: Dayjs;
  endsOn: Dayjs;
}

const endAfterStart =
  (startField: string) =>
  ({ getFieldValue }: { getFieldValue: (name: string) => unknown }) => ({
    validator(_: unknown, value: Dayjs | undefined) {
      const start = getFieldValue(startField) as Dayjs | undefined;
      if (!value || !start || !value.isBefore(start, "day")) return Promise.resolve();
      return Promise.reject(new Error("结束日期不能早于开始日期"));
    },
  });

function TermModal({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (t: Term) => void;
}) {
  const [form] = Form.useForm<TermForm>();
  const { run, pending } = useAction();
  const submit = async () => {
    const v = await form.validateFields();
    const result = await run(() =>
      api.post<Term>("/terms", {
        name: v.name.trim(),
        startsOn: formatDate(v.startsOn.toDate()),
        endsOn: formatDate(v.endsOn.toDate()),
      }),
    );
    if (result.ok) {
      notifySuccess("届次已创建");
      form.resetFields();
      onCreated(result.value);
    }
  };
  return (
    <Modal
      open={open}
      title="新建届次"
      onCancel={onClose}
      onOk={submit}
      okText="创建"
      confirmLoading={pending}
      destroyOnHidden
    >
      <Form form={form} layout="vertical" name="term">
        <Form.Item
          name="name"
          label="届次名称"
          rules={[{ required: true, whitespace: true, message: "请填写届次名称" }]}
          extra="如：十四届县委"
        >
          <Input maxLength={50} />
        </Form.Item>
        <DateRangeFields />
      </Form>
    </Modal>
  );
}

/** The start and end dates of a term or a round, the end not before the start. */
function DateRangeFields() {
  return (
    <>
      <Form.Item name="startsOn" label="开始日期" rules={[{ required: true, message: "请选择开始日期" }]}>
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
      <Form.Item
        name="endsOn"
        label="结束日期"
        dependencies={["startsOn"]}
        rules={[{ required: true, message: "请选择结束日期" }, endAfterStart("startsOn")]}
      >
        <DatePicker style={{ width: "100%" }} />
      </Form.Item>
    </>
  );
}

/** Office: create the next round of a term (kind, theme, dates). */
export function RoundFormDrawer({
  open,
  onClose,
  onCreated,
}: {
  open: boolean;
  onClose: () => void;
  onCreated: (round: RoundSummary) => void;
}) {
  const [form] = Form.useForm<RoundForm>();
  const terms = useRequest<Term[]>(open ? "/terms" : null);
  const [termOpen, setTermOpen] = useState(false);
  const { run, pending } = useAction();
  const kind = Form.useWatch("kind", form);

  const submit = async (v: RoundForm) => {
    const result = await run(() =>
      api.post<RoundSummary>("/rounds", {
        termId: v.termId,
        kind: v.kind,
        theme: v.theme?.trim() || undefined,
        startsOn: formatDate(v.startsOn.toDate()),
        endsOn: formatDate(v.endsOn.toDate()),
      }),
    );
    if (result.ok) {
      notifySuccess(`已创建${result.value.name}`);
      form.resetFields();
      onCreated(result.value);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title="新建巡察轮次"
      width={520}
      submitText="创建"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form<RoundForm> form={form} layout="vertical" onFinish={submit} initialValues={{ kind: "regular" }}>
        <Form.Item label="届次" required htmlFor="termId">
          <Space.Compact style={{ width: "100%" }}>
            <Form.Item name="termId" noStyle rules={[{ required: true, message: "请选择届次" }]}>
              <Select
                loading={terms.loading}
                placeholder="选择届次"
                options={(terms.data ?? []).map((t) => ({
                  value: t.id,
                  label: `${t.name}（${formatDate(t.startsOn)} 至 ${formatDate(t.endsOn)}）`,
                }))}
                notFoundContent="还没有届次，请先新建"
              />
            </Form.Item>
            <Button icon={<PlusOutlined />} onClick={() => setTermOpen(true)}>
              新建届次
            </Button>
          </Space.Compact>
        </Form.Item>
        <Form.Item name="kind" label="巡察类型" rules={[{ required: true, message: "请选择巡察类型" }]}>
          <Select options={ROUND_KINDS.keys.map((k) => ({ value: k, label: ROUND_KINDS.labels[k] }))} />
        </Form.Item>
        <Form.Item
          name="theme"
          label="巡察主题"
          rules={[{ required: kind === "thematic", whitespace: true, message: "专项巡察须填写主题" }]}
          extra="专项巡察填写，如：乡村振兴资金专项"
        >
          <Input maxLength={100} />
        </Form.Item>
        <DateRangeFields />
      </Form>
      <TermModal
        open={termOpen}
        onClose={() => setTermOpen(false)}
        onCreated={(t) => {
          setTermOpen(false);
          terms.setData([...(terms.data ?? []), t]);
          form.setFieldValue("termId", t.id);
        }}
      />
    </FormDrawer>
  );
}
