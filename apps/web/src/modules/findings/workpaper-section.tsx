import { HistoryOutlined, PlusOutlined, UploadOutlined } from "@ant-design/icons";
import { WORKPAPER_SOURCES } from "@xuncha/domain/model";
import {
  App,
  Button,
  Descriptions,
  Divider,
  Form,
  Input,
  List,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
  Upload,
} from "antd";
import { useState } from "react";
import { api, type StoredFile, upload } from "../../app/api-client";
import { formatDateTime, formatSize } from "../../app/format";
import { notifyError, notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { ReasonModal } from "../../components/reason-modal";
import type { Workpaper, WorkpaperFileVersion } from "./api";

const EVENT_LABELS: Record<string, string> = {
  sign: "签名",
  review: "审核通过",
  return: "退回修改",
  approve: "审批通过",
  reopen: "重新打开",
  revoke: "签名与审核失效",
};

const versionUrl = (findingId: string, v: WorkpaperFileVersion) =>
  `/api/findings/${encodeURIComponent(findingId)}/workpaper/files/${encodeURIComponent(v.id)}`;

interface EditForm {
  source: string;
  summary?: string;
  persons?: { name: string; post?: string }[];
}

function EditDrawer({
  wp,
  open,
  onClose,
  onSaved,
}: {
  wp: Workpaper;
  open: boolean;
  onClose: () => void;
  onSaved: (w: Workpaper) => void;
}) {
  const [form] = Form.useForm<EditForm>();
  const { run, pending } = useAction();
  const submit = async (v: EditForm) => {
    const result = await run(() =>
      api.patch<Workpaper>(`/findings/${wp.findingId}/workpaper`, {
        source: v.source,
        summary: v.summary?.trim() ?? "",
        persons: (v.persons ?? [])
          .filter((p) => p.name?.trim())
          .map((p) => ({ name: p.name.trim(), post: p.post?.trim() ?? "" })),
      }),
    );
    if (result.ok) {
      notifySuccess(wp.signatures.length ? "底稿已保存，原有签名已失效，请重新签名" : "底稿已保存");
      onSaved(result.value);
    }
  };
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title="编辑问题底稿"
      width={560}
      submitText="保存"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form<EditForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ source: wp.source, summary: wp.summary, persons: wp.persons }}
      >
        <Form.Item name="source" label="问题来源" rules={[{ required: true, message: "请选择问题来源" }]}>
          <Select
            options={WORKPAPER_SOURCES.keys.map((k) => ({ value: k, label: WORKPAPER_SOURCES.labels[k] }))}
          />
        </Form.Item>
        <Form.Item name="summary" label="底稿摘要" extra="事实、依据和认定，供审核、审批。">
          <Input.TextArea rows={6} maxLength={20000} showCount />
        </Form.Item>
        <Typography.Text strong>涉及人员</Typography.Text>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 8 }}>
          涉及人员信息敏感，仅本组、巡察办和领导小组可见。
        </Typography.Paragraph>
        <Form.List name="persons">
          {(fields, { add, remove }) => (
            <>
              {fields.map((field) => (
                <Space key={field.key} align="start" wrap style={{ display: "flex" }}>
                  <Form.Item
                    name={[field.name, "name"]}
                    rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
                  >
                    <Input
                      placeholder="姓名"
                      aria-label="涉及人员姓名"
                      maxLength={50}
                      style={{ width: 120 }}
                    />
                  </Form.Item>
                  <Form.Item name={[field.name, "post"]}>
                    <Input
                      placeholder="单位职务"
                      aria-label="涉及人员职务"
                      maxLength={200}
                      style={{ width: 200 }}
                    />
                  </Form.Item>
                  <Button type="link" danger onClick={() => remove(field.name)}>
                    删除
                  </Button>
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: "", post: "" })}>
                添加涉及人员
              </Button>
            </>
          )}
        </Form.List>
      </Form>
    </FormDrawer>
  );
}

/** Uploads a file, then attaches it to the workpaper (a new file, or a new version of `replaces`). */
function AttachButton({
  findingId,
  replaces,
  text,
  onAttached,
}: {
  findingId: string;
  replaces?: string;
  text: string;
  onAttached: (w: Workpaper) => void;
}) {
  const [busy, setBusy] = useState(false);
  return (
    <Upload
      showUploadList={false}
      customRequest={async ({ file }) => {
        setBusy(true);
        try {
          const stored = await upload<StoredFile>("/files", file as File);
          const w = await api.post<Workpaper>(`/findings/${findingId}/workpaper/files`, {
            fileId: stored.id,
            ...(replaces ? { replaces } : {}),
          });
          notifySuccess(replaces ? "已上传新版本，原版本保留" : "材料已添加");
          onAttached(w);
        } catch (e) {
          notifyError(e);
        } finally {
          setBusy(false);
        }
      }}
    >
      <Button size="small" icon={<UploadOutlined />} loading={busy}>
        {text}
      </Button>
    </Upload>
  );
}

/**
 * The workpaper (问题底稿) of a finding in its drawer: number, source, summary, persons concerned,
 * supporting files with their versions, signatures, review, approval and reopening.
 */
export function WorkpaperSection({ findingId, onChanged }: { findingId: string; onChanged: () => void }) {
  const wp = useRequest<Workpaper>(`/findings/${findingId}/workpaper`);
  const { modal } = App.useApp();
  const { run, pending } = useAction();
  const [editing, setEditing] = useState(false);
  const [returning, setReturning] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [history, setHistory] = useState<string | null>(null);
  const [reviewForm] = Form.useForm<{ opinion?: string }>();

  if (wp.error) return <LoadError error={wp.error} onRetry={wp.reload} />;
  const w = wp.data;
  if (!w || w.findingId !== findingId) return <Typography.Text type="secondary">底稿加载中…</Typography.Text>;

  const updated = (next: Workpaper, findingChanged = false) => {
    wp.setData(next);
    if (findingChanged) onChanged();
  };
  const act = async (path: string, body: unknown, done: string, findingChanged = false) => {
    const result = await run(() => api.post<Workpaper>(`/findings/${findingId}/workpaper/${path}`, body));
    if (result.ok) {
      notifySuccess(done);
      updated(result.value, findingChanged);
    }
    return result.ok;
  };
  const approve = async () => {
    const result = await run(() => api.post(`/findings/${findingId}/approve`));
    if (result.ok) {
      notifySuccess("已审批通过");
      wp.reload();
      onChanged();
    }
  };
  const sign = () =>
    modal.confirm({
      title: "确认在问题底稿上签名？",
      content: "签名表示您参与起草并确认底稿内容属实。底稿内容此后如有修改，签名将失效，须重新签名。",
      okText: "签名",
      cancelText: "取消",
      onOk: () => act("sign", {}, "已签名"),
    });
  const review = () =>
    modal.confirm({
      title: "审核通过问题底稿",
      content: (
        <Form form={reviewForm} layout="vertical" preserve={false}>
          <Form.Item name="opinion" label="审核意见（可选）">
            <Input.TextArea rows={3} maxLength={2000} />
          </Form.Item>
        </Form>
      ),
      okText: "审核通过",
      cancelText: "取消",
      onOk: () =>
        act("review", { decision: "pass", opinion: reviewForm.getFieldValue("opinion") ?? "" }, "已审核通过"),
    });

  const reviewerLabel = w.reviewer === "deputy" ? "副组长" : "组长（本组未设副组长）";
  const signCount = w.signatures.length;

  return (
    <>
      <Divider titlePlacement="start">问题底稿{w.code ? ` ${w.code}` : ""}</Divider>
      {!w.exists && (
        <Typography.Paragraph type="secondary">
          该问题登记时尚未建立底稿；编辑、签名或添加材料时自动编号建立。
        </Typography.Paragraph>
      )}
      <Descriptions
        size="small"
        bordered
        column={1}
        items={[
          { key: "code", label: "底稿编号", children: w.code ?? "（待建立）" },
          { key: "source", label: "问题来源", children: w.sourceLabel },
          {
            key: "summary",
            label: "底稿摘要",
            children: w.summary ? (
              <span className="xc-pre">{w.summary}</span>
            ) : (
              <Typography.Text type="secondary">未填写</Typography.Text>
            ),
          },
          {
            key: "persons",
            label: "涉及人员",
            children: w.persons.length ? (
              w.persons.map((p) => `${p.name}${p.post ? `（${p.post}）` : ""}`).join("；")
            ) : (
              <Typography.Text type="secondary">无</Typography.Text>
            ),
          },
          {
            key: "signatures",
            label: `起草人签名（${signCount}/2）`,
            children: signCount ? (
              <Space orientation="vertical" size={0}>
                {w.signatures.map((s) => (
                  <span key={s.accountId}>
                    {s.name} <Typography.Text type="secondary">{formatDateTime(s.signedAt)}</Typography.Text>
                  </span>
                ))}
              </Space>
            ) : (
              <Typography.Text type="secondary">尚无签名，须至少两名本组巡察人员签名</Typography.Text>
            ),
          },
          {
            key: "review",
            label: "审核",
            children: w.review ? (
              <span>
                <Tag color="green">已审核</Tag>
                {w.review.by} {formatDateTime(w.review.at)}
                {w.review.opinion ? `：${w.review.opinion}` : ""}
              </span>
            ) : (
              <Typography.Text type="secondary">待{reviewerLabel}审核</Typography.Text>
            ),
          },
          {
            key: "approval",
            label: "审批",
            children: w.approval ? (
              <span>
                <Tag color="green">已审批</Tag>
                {w.approval.by} {formatDateTime(w.approval.at)}
              </span>
            ) : (
              <Typography.Text type="secondary">待组长审批</Typography.Text>
            ),
          },
        ]}
      />
      <Space wrap style={{ marginTop: 12 }}>
        {w.abilities.sign && (
          <Button type="primary" ghost loading={pending} onClick={sign}>
            签名确认
          </Button>
        )}
        {w.abilities.review && (
          <Button type="primary" ghost loading={pending} onClick={review}>
            审核通过
          </Button>
        )}
        {w.abilities.approve && (
          <Button type="primary" loading={pending} onClick={approve}>
            审批通过
          </Button>
        )}
        {w.abilities.return && w.reviewer === "deputy" && !w.abilities.approve && (
          <Button danger onClick={() => setReturning(true)}>
            审核退回
          </Button>
        )}
        {w.abilities.edit && <Button onClick={() => setEditing(true)}>编辑底稿</Button>}
        {w.abilities.reopen && (
          <Button danger onClick={() => setReopening(true)}>
            重新打开
          </Button>
        )}
      </Space>

      <Divider titlePlacement="start" plain>
        底稿材料
      </Divider>
      <List
        size="small"
        locale={{ emptyText: "暂无材料" }}
        dataSource={w.files}
        renderItem={(slot) => (
          <List.Item
            actions={[
              ...(w.abilities.edit
                ? [
                    <AttachButton
                      key="v"
                      findingId={findingId}
                      replaces={slot.slot}
                      text="新版本"
                      onAttached={(x) => updated(x)}
                    />,
                  ]
                : []),
              ...(slot.versions.length > 1
                ? [
                    <Button
                      key="h"
                      size="small"
                      type="link"
                      icon={<HistoryOutlined />}
                      onClick={() => setHistory(history === slot.slot ? null : slot.slot)}
                    >
                      {slot.versions.length} 个版本
                    </Button>,
                  ]
                : []),
            ]}
          >
            <Space orientation="vertical" size={2} style={{ minWidth: 0 }}>
              <a href={versionUrl(findingId, slot.current)} title={`SHA-256：${slot.current.sha256}`}>
                {slot.current.name}
              </a>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                第{slot.current.version}版 · {formatSize(slot.current.size)} · {slot.current.addedBy}{" "}
                {formatDateTime(slot.current.addedAt)}
              </Typography.Text>
              {history === slot.slot &&
                slot.versions.slice(1).map((v) => (
                  <Typography.Text key={v.id} style={{ fontSize: 12 }}>
                    第{v.version}版：<a href={versionUrl(findingId, v)}>{v.name}</a>（
                    {formatDateTime(v.addedAt)}，SHA-256 {v.sha256.slice(0, 12)}…）
                  </Typography.Text>
                ))}
            </Space>
          </List.Item>
        )}
      />
      {w.abilities.edit && (
        <div style={{ marginTop: 8 }}>
          <AttachButton findingId={findingId} text="添加材料" onAttached={(x) => updated(x)} />
        </div>
      )}

      {w.events.length > 0 && (
        <>
          <Divider titlePlacement="start" plain>
            底稿记录
          </Divider>
          <Timeline
            items={w.events.map((e, i) => ({
              key: i,
              content: (
                <span>
                  {formatDateTime(e.at)} {e.name} {EVENT_LABELS[e.action] ?? e.action}
                  {e.note ? `：${e.note}` : ""}
                </span>
              ),
            }))}
          />
        </>
      )}

      <EditDrawer
        wp={w}
        open={editing}
        onClose={() => setEditing(false)}
        onSaved={(x) => {
          setEditing(false);
          updated(x);
        }}
      />
      <ReasonModal
        open={returning}
        title="审核退回"
        label="审核意见"
        okText="退回"
        danger
        pending={pending}
        warning="退回后，问题回到起草人修改，修改后须重新签名、审核。"
        onSubmit={async (opinion) => {
          if (await act("review", { decision: "return", opinion }, "已退回修改", true)) setReturning(false);
        }}
        onCancel={() => setReturning(false)}
      />
      <ReasonModal
        open={reopening}
        title="重新打开已审批的问题"
        label="重新打开的理由"
        okText="重新打开"
        danger
        pending={pending}
        warning="重新打开后，问题回到待审批状态，原有签名和审核失效，修改后须重新签名、审核、审批。"
        onSubmit={async (reason) => {
          if (await act("reopen", { reason }, "已重新打开", true)) setReopening(false);
        }}
        onCancel={() => setReopening(false)}
      />
    </>
  );
}
