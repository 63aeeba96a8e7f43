import { BRIEFING_TOPICS } from "@xuncha/domain/model";
import { Button, Card, Empty, Form, Input, Select, Space, Spin, Typography } from "antd";
import { useState } from "react";
import type { StoredFile } from "../../app/api-client";
import { api } from "../../app/api-client";
import { formatDate, formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { FileUpload } from "../../components/file-upload";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { StatusTagView } from "../../components/status-tag";
import { useGuardedClose } from "../../components/use-guarded-close";
import type { BriefingRequest } from "./api";
import { briefingFileUrl } from "./api";
import { AttachmentLinks, BRIEFING_STATUS_TAGS } from "./shared";

interface AnswerForm {
  targetId: string;
  content: string;
  files?: StoredFile[];
}

/** One request addressed to the department, its answers so far, and the answer form. */
function RequestCard({
  request,
  onAnswer,
}: {
  request: BriefingRequest;
  onAnswer: (r: BriefingRequest) => void;
}) {
  const detail = useRequest<BriefingRequest>(`/briefings/${request.id}`);
  const r = detail.data ?? request;
  return (
    <Card
      size="small"
      style={{ marginBottom: 12 }}
      title={
        <Space wrap size={4}>
          <span>{r.roundName}</span>
          <StatusTagView tag={BRIEFING_STATUS_TAGS[r.status]} />
        </Space>
      }
    >
      <Typography.Paragraph style={{ marginBottom: 4 }}>
        <Typography.Text type="secondary">通报内容：</Typography.Text>
        {r.topics.map((t) => BRIEFING_TOPICS.labels[t]).join("、")}
      </Typography.Paragraph>
      {r.note && (
        <Typography.Paragraph className="xc-pre" style={{ marginBottom: 4 }}>
          <Typography.Text type="secondary">具体要求：</Typography.Text>
          {r.note}
        </Typography.Paragraph>
      )}
      <Typography.Paragraph style={{ marginBottom: 8 }}>
        <Typography.Text type="secondary">截止日期：</Typography.Text>
        <Typography.Text strong type={r.status === "overdue" ? "danger" : undefined}>
          {formatDate(r.dueOn)}
        </Typography.Text>
        {r.status === "overdue" && (
          <Typography.Text type="danger">（已逾期，仍可报送，将标注为逾期）</Typography.Text>
        )}
      </Typography.Paragraph>
      {detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
      {r.targets.map((t) => (
        <div key={t.targetId} style={{ borderTop: "1px solid #f0f0f0", padding: "8px 0" }}>
          <Space wrap size={4}>
            <Typography.Text strong>{t.targetName}</Typography.Text>
            <StatusTagView tag={BRIEFING_STATUS_TAGS[t.status]} />
          </Space>
          {(t.answers ?? []).map((a) => (
            <div key={a.id} style={{ marginTop: 6, paddingLeft: 8, borderLeft: "3px solid #d9d9d9" }}>
              <Typography.Text type="secondary">
                {formatDateTime(a.answeredAt)} · {a.answeredByName}
                {a.late && "（逾期）"}
              </Typography.Text>
              <Typography.Paragraph className="xc-pre" style={{ marginBottom: 2 }}>
                {a.content}
              </Typography.Paragraph>
              <AttachmentLinks files={a.files} url={(f) => briefingFileUrl(a.id, f)} />
            </div>
          ))}
        </div>
      ))}
      {r.abilities.answer && (
        <Button type="primary" block size="large" onClick={() => onAnswer(r)} style={{ marginTop: 8 }}>
          报送情况
        </Button>
      )}
    </Card>
  );
}

/**
 * A partner department's page (联席会成员单位): the requests addressed to it, and an answer per
 * target with text and files. Laid out as cards so it works on a phone.
 */
export function PartnerBriefingsPage() {
  const requests = useRequest<BriefingRequest[]>("/briefings/mine");
  const [answering, setAnswering] = useState<BriefingRequest | null>(null);
  const [version, setVersion] = useState(0);
  const [form] = Form.useForm<AnswerForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, () => setAnswering(null));

  const open = (r: BriefingRequest) => {
    form.resetFields();
    form.setFieldsValue({
      targetId: r.targets.find((t) => t.status !== "answered")?.targetId ?? r.targets[0]?.targetId,
    });
    setAnswering(r);
  };
  const submit = async (v: AnswerForm) => {
    if (!answering) return;
    const result = await run(() =>
      api.post(`/briefings/${answering.id}/answers`, {
        targetId: v.targetId,
        content: v.content.trim(),
        fileIds: (v.files ?? []).map((f) => f.id),
      }),
    );
    if (result.ok) {
      notifySuccess("已报送");
      setAnswering(null);
      setVersion((n) => n + 1);
      requests.reload();
    }
  };

  const items = requests.data ?? [];
  return (
    <PageContainer title="巡前情况通报">
      <Typography.Paragraph type="secondary">
        以下是巡察办请本单位通报的被巡察对象情况。请按对象分别报送，可上传图片、PDF 或 Office
        文件；截止日期后仍可报送，将标注为逾期。
      </Typography.Paragraph>
      {requests.error ? (
        <LoadError error={requests.error} onRetry={requests.reload} />
      ) : requests.loading && !requests.data ? (
        <Spin />
      ) : items.length === 0 ? (
        <Empty description="暂无需要本单位通报的事项" />
      ) : (
        items.map((r) => <RequestCard key={`${r.id}-${version}`} request={r} onAnswer={open} />)
      )}
      <FormDrawer
        open={answering !== null}
        onClose={close}
        title="报送情况"
        width={560}
        submitText="报送"
        pending={pending}
        onSubmit={() => form.submit()}
      >
        <Form<AnswerForm> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="targetId"
            label="被巡察对象"
            rules={[{ required: true, message: "请选择被巡察对象" }]}
          >
            <Select
              size="large"
              options={(answering?.targets ?? []).map((t) => ({
                value: t.targetId,
                label: `${t.targetName}${t.status === "answered" ? "（已报送，可补充）" : ""}`,
              }))}
            />
          </Form.Item>
          <Form.Item
            name="content"
            label="通报内容"
            rules={[
              { required: true, whitespace: true, message: "请填写通报内容" },
              { max: 20000, message: "不能超过 20000 个字" },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 8, maxRows: 20 }} maxLength={20000} showCount />
          </Form.Item>
          <Form.Item name="files" label="附件">
            <FileUpload buttonText="上传附件" />
          </Form.Item>
        </Form>
      </FormDrawer>
    </PageContainer>
  );
}
