import { DownloadOutlined, PaperClipOutlined } from "@ant-design/icons";
import { IMMEDIATE_FIX_STATUSES } from "@xuncha/domain/model";
import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Divider,
  Drawer,
  Empty,
  Form,
  Input,
  List,
  Select,
  Space,
  Statistic,
  Timeline,
  Typography,
} from "antd";
import { useState } from "react";
import { useSearchParams } from "react-router-dom";
import { api, download, type StoredFile } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate, formatDateTime, formatSize } from "../../app/format";
import { notifyError, notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { useAction, useRequest } from "../../app/use-request";
import { FileUpload } from "../../components/file-upload";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { ReasonModal } from "../../components/reason-modal";
import { TableToolbar } from "../../components/table-toolbar";
import { useDrawerWidth } from "../../components/use-drawer-width";
import type { RoundSummary } from "../rounds/api";
import { RoundFilter } from "../rounds/round-filter";
import type { ImmediateFix, ImmediateFixDetail } from "./api";
import { downloadNotice, ImmediateFixTag } from "./immediate-fix-card";

interface Counts {
  groups: {
    group: { id: string; name: string };
    total: number;
    done: number;
    open: number;
    overdue: number;
  }[];
  total: number;
  done: number;
}

function ReportForm({
  fix,
  onReported,
}: {
  fix: ImmediateFixDetail;
  onReported: (f: ImmediateFixDetail) => void;
}) {
  const [form] = Form.useForm<{ content: string; files?: StoredFile[] }>();
  const { run, pending } = useAction();
  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={async (v) => {
        const result = await run(() =>
          api.post<ImmediateFixDetail>(`/immediate-fixes/${fix.id}/reports`, {
            content: v.content.trim(),
            fileIds: (v.files ?? []).map((f) => f.id),
          }),
        );
        if (result.ok) {
          notifySuccess("整改情况已报告，等待巡察组确认");
          form.resetFields();
          onReported(result.value);
        }
      }}
    >
      <Form.Item
        name="content"
        label="整改情况"
        rules={[{ required: true, whitespace: true, message: "请填写整改情况" }]}
      >
        <Input.TextArea rows={5} maxLength={20000} showCount placeholder="已采取的措施、完成情况" />
      </Form.Item>
      <Form.Item name="files" label="佐证材料">
        <FileUpload buttonText="上传佐证材料" />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={pending}>
        报告整改情况
      </Button>
    </Form>
  );
}

function FixDrawer({
  id,
  onClose,
  onChanged,
}: {
  id: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const detail = useRequest<ImmediateFixDetail>(id ? `/immediate-fixes/${id}` : null);
  const width = useDrawerWidth(640);
  const { modal } = App.useApp();
  const { run, pending } = useAction();
  const [returning, setReturning] = useState(false);
  const f = detail.data && detail.data.id === id ? detail.data : undefined;
  const changed = (next: ImmediateFixDetail) => {
    detail.setData(next);
    onChanged();
  };
  const confirm = (decision: "done" | "return", note = "") =>
    run(() => api.post<ImmediateFixDetail>(`/immediate-fixes/${id}/confirm`, { decision, note })).then(
      (r) => {
        if (r.ok) {
          notifySuccess(decision === "done" ? "已确认整改完成" : "已退回重新整改");
          setReturning(false);
          changed(r.value);
        }
      },
    );
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={width}
      title={f ? `立行立改：${f.finding.title}` : "立行立改"}
      destroyOnHidden
    >
      {detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
      {!f && !detail.error && <Typography.Text type="secondary">加载中…</Typography.Text>}
      {f && (
        <>
          {f.returnReason && f.status === "issued" && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="巡察组已退回，请重新整改并报告"
              description={f.returnReason}
            />
          )}
          <Descriptions
            size="small"
            bordered
            column={1}
            styles={{ label: { whiteSpace: "nowrap" } }}
            items={[
              { key: "status", label: "状态", children: <ImmediateFixTag fix={f} /> },
              { key: "target", label: "被巡察单位", children: f.target.name },
              { key: "group", label: "巡察组", children: f.group.name },
              {
                key: "notice",
                label: "通知书",
                children: (
                  <Button
                    type="link"
                    style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }}
                    icon={<DownloadOutlined />}
                    onClick={() => downloadNotice(f)}
                  >
                    {f.notice.number} {f.notice.title}
                  </Button>
                ),
              },
              { key: "deadline", label: "整改时限", children: formatDate(f.deadline) },
            ]}
          />
          <Divider titlePlacement="start">发现的问题</Divider>
          <Typography.Paragraph className="xc-pre">{`${f.finding.title}。${f.finding.description}`}</Typography.Paragraph>
          <Divider titlePlacement="start">整改要求</Divider>
          <Typography.Paragraph className="xc-pre">{f.requirement}</Typography.Paragraph>
          <Divider titlePlacement="start">整改报告</Divider>
          {f.reports.length === 0 ? (
            <Typography.Text type="secondary">尚未报告</Typography.Text>
          ) : (
            <Timeline
              items={f.reports.map((r) => ({
                key: r.id,
                content: (
                  <Space orientation="vertical" size={2}>
                    <Typography.Text type="secondary">
                      {formatDateTime(r.createdAt)} {r.by}
                    </Typography.Text>
                    <span className="xc-pre">{r.content}</span>
                    {r.files.map((file) => (
                      <Button
                        key={file.id}
                        type="link"
                        size="small"
                        style={{ padding: 0 }}
                        icon={<PaperClipOutlined />}
                        onClick={() =>
                          download(`/immediate-fixes/${f.id}/files/${file.id}`, {}, file.name).catch(
                            notifyError,
                          )
                        }
                      >
                        {file.name}（{formatSize(file.size)}）
                      </Button>
                    ))}
                  </Space>
                ),
              }))}
            />
          )}
          {f.status === "done" && (
            <Alert
              type="success"
              showIcon
              title={`巡察组已确认整改完成（${formatDate(f.doneAt)}）`}
              description={f.doneNote || undefined}
            />
          )}
          {f.abilities.report && (
            <>
              <Divider titlePlacement="start">报告整改情况</Divider>
              <ReportForm fix={f} onReported={changed} />
            </>
          )}
          {f.abilities.confirm && (
            <Space wrap style={{ marginTop: 16 }}>
              <Button
                type="primary"
                loading={pending}
                onClick={() =>
                  modal.confirm({
                    title: "确认整改完成？",
                    content: "确认后该立行立改问题计为已完成。",
                    okText: "确认完成",
                    cancelText: "取消",
                    onOk: () => confirm("done"),
                  })
                }
              >
                确认整改完成
              </Button>
              <Button danger onClick={() => setReturning(true)}>
                退回重新整改
              </Button>
            </Space>
          )}
          <ReasonModal
            open={returning}
            title="退回重新整改"
            label="退回理由"
            okText="退回"
            danger
            pending={pending}
            onSubmit={(reason) => confirm("return", reason)}
            onCancel={() => setReturning(false)}
          />
        </>
      )}
    </Drawer>
  );
}

/**
 * 立行立改: the target's contact sees the notices sent to it and reports what was done; the group,
 * the office and the leading group follow each item to done, with counts per group of a round.
 */
export function ImmediateFixesPage() {
  const me = useMe();
  const [params, setParams] = useSearchParams();
  const contactOnly =
    hasRole(me, "targetContact") &&
    !hasRole(me, "officeStaff", "leadership", "groupLeader", "groupDeputy", "groupMember");
  const roundId = params.get("roundId") ?? undefined;
  const status = params.get("status") ?? undefined;
  const openId = params.get("open");
  const rounds = useRequest<RoundSummary[]>(contactOnly ? null : "/rounds");
  const list = useRequest<{ items: ImmediateFix[] }>("/immediate-fixes", { roundId, status });
  const counts = useRequest<Counts>(!contactOnly && roundId ? "/immediate-fixes/counts" : null, { roundId });
  const setParam = (key: string, value: string | undefined) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const items = list.data?.items ?? [];

  return (
    <PageContainer title="立行立改">
      <search className="xc-filters">
        {!contactOnly && (
          <RoundFilter rounds={rounds} value={roundId} onChange={(id) => setParam("roundId", id)} />
        )}
        <Select
          allowClear
          placeholder="全部状态"
          aria-label="状态"
          value={status}
          onChange={(v?: string) => setParam("status", v)}
          options={IMMEDIATE_FIX_STATUSES.keys.map((k) => ({
            value: k,
            label: IMMEDIATE_FIX_STATUSES.labels[k],
          }))}
        />
      </search>
      {counts.data && counts.data.groups.length > 0 && (
        <Card size="small" style={{ marginBottom: 12 }}>
          <Space wrap size="large">
            <Statistic title="立行立改问题" value={counts.data.total} />
            <Statistic title="已完成" value={counts.data.done} />
            {counts.data.groups.map((g) => (
              <Statistic
                key={g.group.id}
                title={g.group.name}
                value={g.done}
                suffix={`/ ${g.total}${g.overdue ? `（逾期 ${g.overdue}）` : ""}`}
              />
            ))}
          </Space>
        </Card>
      )}
      {list.error ? (
        <LoadError error={list.error} onRetry={list.reload} />
      ) : (
        <>
          {list.data && (
            <TableToolbar
              countText={`共 ${items.length} 项立行立改，已完成 ${items.filter((f) => f.status === "done").length} 项`}
            />
          )}
          <List
            loading={list.loading}
            dataSource={items}
            locale={{
              emptyText: <Empty description={contactOnly ? "暂无立行立改通知" : "没有立行立改问题"} />,
            }}
            renderItem={(f) => (
              <List.Item
                actions={[
                  <Button key="open" type="link" onClick={() => setParam("open", f.id)}>
                    {f.abilities.report ? "报告整改" : f.abilities.confirm ? "确认" : "查看"}
                  </Button>,
                ]}
              >
                <List.Item.Meta
                  title={
                    <Button
                      type="link"
                      style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }}
                      onClick={() => setParam("open", f.id)}
                    >
                      {f.finding.title}
                    </Button>
                  }
                  description={
                    <Space wrap size={4}>
                      <ImmediateFixTag fix={f} />
                      <span>{f.notice.number}</span>
                      <span>时限 {formatDate(f.deadline)}</span>
                      {!contactOnly && <span>{f.target.name}</span>}
                      {!contactOnly && <span>{f.group.name}</span>}
                    </Space>
                  }
                />
              </List.Item>
            )}
          />
        </>
      )}
      <FixDrawer id={openId} onClose={() => setParam("open", undefined)} onChanged={list.reload} />
    </PageContainer>
  );
}
