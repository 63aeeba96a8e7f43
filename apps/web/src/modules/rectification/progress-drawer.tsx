import { COMPLETIONS, type Completion, chinaDate } from "@xuncha/domain/model";
import { Alert, DatePicker, Form, Input, Radio, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { api, type StoredFile } from "../../app/api-client";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FileUpload } from "../../components/file-upload";
import { FormDrawer } from "../../components/form-drawer";
import { useGuardedClose } from "../../components/use-guarded-close";
import type { Measure } from "./api";

interface ProgressForm {
  reportedOn: Dayjs;
  content: string;
  completion: Completion;
  files?: StoredFile[];
}

/** A target's contact reports dated progress on a measure, with evidence. History is never overwritten. */
export function ProgressDrawer({
  measure,
  onClose,
  onSaved,
}: {
  measure: Measure | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<ProgressForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);
  const completion = Form.useWatch("completion", form);
  // Dates only move forward, as the server requires: from the last update's day to today.
  const today = chinaDate();
  const earliest = measure?.progress
    .map((p) => p.reportedOn)
    .sort()
    .at(-1);
  const outOfRange = (d: Dayjs) => {
    const day = d.format("YYYY-MM-DD");
    return day > today || (!!earliest && day < earliest);
  };

  const submit = async (v: ProgressForm) => {
    if (!measure) return;
    const result = await run(() =>
      api.post(`/measures/${measure.id}/progress`, {
        reportedOn: v.reportedOn.format("YYYY-MM-DD"),
        content: v.content.trim(),
        completion: v.completion,
        fileIds: (v.files ?? []).map((f) => f.id),
      }),
    );
    if (result.ok) {
      notifySuccess("整改进展已报告");
      form.resetFields();
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={measure !== null}
      onClose={close}
      title="报告整改进展"
      width={560}
      submitText="提交进展"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      {measure && (
        <Typography.Paragraph>
          <Typography.Text strong>措施：</Typography.Text>
          {measure.content}
          <br />
          <Typography.Text type="secondary">
            时限 {formatDate(measure.deadline)}
            {measure.goal ? ` · 目标：${measure.goal}` : ""}
          </Typography.Text>
        </Typography.Paragraph>
      )}
      <Form<ProgressForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ reportedOn: dayjs(today), completion: "unfinished" }}
      >
        <Form.Item name="reportedOn" label="报告日期" rules={[{ required: true, message: "请选择报告日期" }]}>
          <DatePicker style={{ width: "100%" }} inputReadOnly disabledDate={outOfRange} />
        </Form.Item>
        <Form.Item name="completion" label="完成情况" rules={[{ required: true }]}>
          <Radio.Group
            optionType="button"
            buttonStyle="solid"
            options={COMPLETIONS.keys.map((k) => ({ value: k, label: COMPLETIONS.labels[k] }))}
          />
        </Form.Item>
        {completion === "done" && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="报告“已完成”须附上能证明整改到位的材料（制度文件、整改前后照片、退缴凭证等），巡察办核验后销号。"
          />
        )}
        <Form.Item
          name="content"
          label="进展情况"
          rules={[{ required: true, whitespace: true, message: "请填写进展情况" }]}
        >
          <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={20000} showCount />
        </Form.Item>
        <Form.Item
          name="files"
          label="佐证材料"
          rules={[
            {
              validator: (_, files: StoredFile[] | undefined) =>
                completion === "done" && !files?.length
                  ? Promise.reject(new Error("报告已完成时请上传佐证材料"))
                  : Promise.resolve(),
            },
          ]}
        >
          <FileUpload buttonText="上传佐证材料" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
