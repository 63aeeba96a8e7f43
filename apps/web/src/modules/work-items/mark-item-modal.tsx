import { DatePicker, Form, Input, Modal, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import type { WorkItem } from "./api";

/** Marks a work item done: the day (today by default, not later) and a note. */
export function MarkItemModal({
  item,
  onClose,
  onSaved,
}: {
  item: WorkItem | null;
  onClose: () => void;
  onSaved: (item: WorkItem) => void;
}) {
  const [form] = Form.useForm<{ doneOn: Dayjs; note: string }>();
  const { run, pending } = useAction();
  const submit = async (v: { doneOn: Dayjs; note: string }) => {
    if (!item) return;
    const result = await run(() =>
      api.patch<WorkItem>(`/work-items/${item.id}`, {
        done: true,
        doneOn: v.doneOn.format("YYYY-MM-DD"),
        note: v.note ?? "",
      }),
    );
    if (result.ok) {
      notifySuccess("已标记完成");
      onSaved(result.value);
    }
  };
  return (
    <Modal
      open={item !== null}
      title="标记完成"
      okText="确认完成"
      cancelText="取消"
      confirmLoading={pending}
      onCancel={onClose}
      onOk={() => form.submit()}
      destroyOnHidden
    >
      {item && (
        <Typography.Paragraph>
          {item.title}
          {item.targetName ? `（${item.targetName}）` : item.groupName ? `（${item.groupName}）` : ""}
        </Typography.Paragraph>
      )}
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ doneOn: dayjs(), note: item?.note ?? "" }}
        onFinish={submit}
      >
        <Form.Item name="doneOn" label="完成日期" rules={[{ required: true, message: "请选择完成日期" }]}>
          <DatePicker
            style={{ width: "100%" }}
            disabledDate={(d) => d.isAfter(dayjs(), "day")}
            inputReadOnly
          />
        </Form.Item>
        <Form.Item name="note" label="备注" rules={[{ max: 500, message: "备注不能超过 500 个字" }]}>
          <Input.TextArea rows={3} placeholder="如：会议时间、文号、材料去向" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
