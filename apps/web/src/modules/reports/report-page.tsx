import { DownloadOutlined, FileWordOutlined } from "@ant-design/icons";
import { Alert, App, Button, Card, Form, Input, List, Space, Tag, Timeline, Typography } from "antd";
import { useEffect, useState } from "react";
import { useParams } from "react-router-dom";
import { api, download } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { formatDateTime, formatSize } from "../../app/format";
import { notifyError, notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { ReasonModal } from "../../components/reason-modal";
import { useUnsavedPrompt } from "../../components/use-unsaved-prompt";
import { REPORT_STATUS_COLORS, type ReportDetail, type ReportSection } from "./api";

interface EditForm {
  title: string;
  sections: ReportSection[];
}

/**
 * One report: the group edits its sections in the browser and generates the Word document from the
 * edited text (every version kept); the leader submits it for 组办联审; the office passes or returns it.
 */
export function ReportPage() {
  const { id } = useParams();
  const report = useRequest<ReportDetail>(id ? `/reports/${id}` : null);
  const [form] = Form.useForm<EditForm>();
  const { modal } = App.useApp();
  const { run, pending } = useAction();
  const [dirty, setDirty] = useState(false);
  const [returning, setReturning] = useState(false);
  const [opinionForm] = Form.useForm<{ opinion?: string }>();
  useUnsavedPrompt(dirty && !pending);
  const r = report.data;
  useEffect(() => {
    if (r) {
      form.setFieldsValue({ title: r.title, sections: r.sections });
      setDirty(false);
    }
  }, [r, form]);

  if (report.error) return <LoadError error={report.error} onRetry={report.reload} />;
  if (!r) return <PageLoading />;

  const save = async () => {
    const v = await form.validateFields();
    const result = await run(() =>
      api.put<ReportDetail>(`/reports/${r.id}`, { title: v.title.trim(), sections: v.sections }),
    );
    if (result.ok) {
      report.setData(result.value);
      notifySuccess("已保存");
    }
    return result.ok;
  };
  const generate = async () => {
    if (dirty && !(await save())) return;
    const result = await run(() => api.post<ReportDetail>(`/reports/${r.id}/versions`));
    if (result.ok) {
      report.setData(result.value);
      notifySuccess(`已生成第 ${result.value.versions[0]?.version ?? ""} 稿`);
      const v = result.value.versions[0];
      if (v) download(`/reports/${r.id}/versions/${v.id}/file`, {}, v.name).catch(notifyError);
    }
  };
  const submit = () =>
    modal.confirm({
      title: "提交组办联审？",
      content: "提交后报告文本锁定，并生成提交稿；巡察办审核通过后报送领导小组，退回后可修改再提交。",
      okText: "提交",
      cancelText: "取消",
      onOk: async () => {
        if (dirty && !(await save())) return;
        const result = await run(() => api.post<ReportDetail>(`/reports/${r.id}/submit`));
        if (result.ok) {
          report.setData(result.value);
          notifySuccess("已提交组办联审");
        }
      },
    });
  const review = (decision: "pass" | "return", opinion = "") =>
    run(() => api.post<ReportDetail>(`/reports/${r.id}/review`, { decision, opinion })).then((res) => {
      if (res.ok) {
        report.setData(res.value);
        setReturning(false);
        notifySuccess(decision === "pass" ? "联审通过，已报送领导小组" : "已退回巡察组");
      }
    });

  return (
    <PageContainer
      title={r.title}
      extra={
        <Space wrap>
          <Tag color={REPORT_STATUS_COLORS[r.status]}>{r.statusLabel}</Tag>
          {r.abilities.edit && (
            <Button onClick={save} loading={pending} disabled={!dirty}>
              保存
            </Button>
          )}
          {r.abilities.generate && (
            <Button icon={<FileWordOutlined />} onClick={generate} loading={pending}>
              生成 Word
            </Button>
          )}
          {r.abilities.submit && (
            <Button type="primary" onClick={submit} loading={pending}>
              提交组办联审
            </Button>
          )}
          {r.abilities.review && (
            <>
              <Button
                type="primary"
                loading={pending}
                onClick={() =>
                  modal.confirm({
                    title: "联审通过，报送领导小组？",
                    content: (
                      <Form form={opinionForm} layout="vertical" preserve={false}>
                        <Form.Item name="opinion" label="联审意见（可选）">
                          <Input.TextArea rows={3} maxLength={5000} />
                        </Form.Item>
                      </Form>
                    ),
                    okText: "通过",
                    cancelText: "取消",
                    onOk: () => review("pass", opinionForm.getFieldValue("opinion") ?? ""),
                  })
                }
              >
                联审通过
              </Button>
              <Button danger onClick={() => setReturning(true)}>
                退回修改
              </Button>
            </>
          )}
        </Space>
      }
    >
      <Typography.Paragraph type="secondary">
        {r.kindLabel} · {r.group.name} · {r.target?.name ?? "本组全部对象"}
      </Typography.Paragraph>
      {r.status === "returned" && r.reviewOpinion && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          title="巡察办退回修改"
          description={r.reviewOpinion}
        />
      )}
      {r.status === "passed" && (
        <Alert
          type="success"
          showIcon
          style={{ marginBottom: 12 }}
          title="组办联审已通过，已报送领导小组"
          description={r.reviewOpinion || undefined}
        />
      )}
      <div style={{ display: "grid", gap: 16, gridTemplateColumns: "minmax(0, 1fr)" }}>
        <Card size="small" title="报告正文">
          <Form<EditForm>
            form={form}
            layout="vertical"
            disabled={!r.abilities.edit}
            onValuesChange={() => setDirty(true)}
          >
            <Form.Item
              name="title"
              label="标题"
              rules={[{ required: true, whitespace: true, message: "请填写报告标题" }]}
            >
              <Input maxLength={200} />
            </Form.Item>
            <Form.List name="sections">
              {(fields) =>
                fields.map((field) => (
                  <div key={field.key}>
                    <Form.Item name={[field.name, "key"]} hidden>
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[field.name, "heading"]}
                      label="章节标题"
                      rules={[{ required: true, whitespace: true, message: "请填写章节标题" }]}
                    >
                      <Input maxLength={100} />
                    </Form.Item>
                    <Form.Item name={[field.name, "text"]} extra="以“（一）”开头的行生成为小标题；空行分段。">
                      <Input.TextArea autoSize={{ minRows: 4, maxRows: 30 }} maxLength={50000} />
                    </Form.Item>
                  </div>
                ))
              }
            </Form.List>
          </Form>
        </Card>
        <Card size="small" title="已生成的文稿">
          <List
            size="small"
            dataSource={r.versions}
            locale={{ emptyText: "尚未生成 Word 文档" }}
            renderItem={(v) => (
              <List.Item>
                <Space orientation="vertical" size={0} style={{ minWidth: 0 }}>
                  <Button
                    type="link"
                    style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }}
                    icon={<DownloadOutlined />}
                    onClick={() =>
                      download(`/reports/${r.id}/versions/${v.id}/file`, {}, v.name).catch(notifyError)
                    }
                  >
                    第 {v.version} 稿
                  </Button>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }} title={`SHA-256：${v.sha256}`}>
                    {v.by} {formatDateTime(v.createdAt)} · {formatSize(v.size)}
                  </Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
        {r.reviews.length > 0 && (
          <Card size="small" title="组办联审记录">
            <Timeline
              items={r.reviews.map((x, i) => ({
                key: i,
                color: x.decision === "pass" ? "green" : "orange",
                content: `${formatDateTime(x.at)} ${x.by} ${x.decision === "pass" ? "通过" : "退回"}${x.opinion ? `：${x.opinion}` : ""}`,
              }))}
            />
          </Card>
        )}
      </div>
      <ReasonModal
        open={returning}
        title="退回巡察组修改"
        label="联审意见"
        okText="退回"
        danger
        pending={pending}
        onSubmit={(opinion) => review("return", opinion)}
        onCancel={() => setReturning(false)}
      />
    </PageContainer>
  );
}
