import { CLUE_RECEIVERS, FINDING_ROUTES, type FindingRoute } from "@xuncha/domain/model";
import {
  Alert,
  App,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Radio,
  Space,
  Tag,
  Typography,
} from "antd";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { findingStatusTag } from "../../app/status";
import { useAction, useRequest } from "../../app/use-request";
import { FileLinks } from "../../components/file-links";
import { LoadError } from "../../components/load-error";
import { ReasonModal } from "../../components/reason-modal";
import { StatusTagView } from "../../components/status-tag";
import { useDrawerWidth } from "../../components/use-drawer-width";
import type { FindingDetail } from "./api";
import { FindingFields } from "./finding-fields";
import { routeText, SEVERITY_COLORS, severityLabel } from "./finding-labels";
import { ImmediateFixCard } from "./immediate-fix-card";
import { schemeAndCategory } from "./taxonomy-options";
import { WorkpaperSection } from "./workpaper-section";

interface DecisionForm {
  route: FindingRoute;
  routeDept?: string;
  clueReceiver?: keyof typeof CLUE_RECEIVERS.labels;
}

function DecisionCard({
  finding,
  onDecided,
}: {
  finding: FindingDetail;
  onDecided: (f: FindingDetail) => void;
}) {
  const [form] = Form.useForm<DecisionForm>();
  const route = Form.useWatch("route", form);
  const { modal } = App.useApp();
  const { run, pending } = useAction();
  const submit = (v: DecisionForm) =>
    modal.confirm({
      title: "确认处置决定？",
      content: `“${finding.title}”将${FINDING_ROUTES.labels[v.route]}${
        v.route === "department" && v.routeDept ? `（${v.routeDept}）` : ""
      }。决定作出后不能修改。`,
      okText: "确认决定",
      cancelText: "取消",
      onOk: async () => {
        const result = await run(() =>
          api.post<FindingDetail>(`/findings/${finding.id}/decision`, {
            route: v.route,
            routeDept: v.route === "department" ? v.routeDept?.trim() : undefined,
            clueReceiver: v.route === "clue" ? (v.clueReceiver ?? "disciplineCommission") : undefined,
          }),
        );
        if (result.ok) {
          notifySuccess("处置决定已记录");
          onDecided(result.value);
        }
      },
    });
  return (
    <>
      <Divider titlePlacement="start">领导小组处置决定</Divider>
      <Form<DecisionForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ clueReceiver: "disciplineCommission" }}
      >
        <Form.Item name="route" label="处置方式" rules={[{ required: true, message: "请选择处置方式" }]}>
          <Radio.Group>
            <Space orientation="vertical">
              {FINDING_ROUTES.keys.map((k) => (
                <Radio key={k} value={k}>
                  {FINDING_ROUTES.labels[k]}
                </Radio>
              ))}
            </Space>
          </Radio.Group>
        </Form.Item>
        {route === "department" && (
          <Form.Item
            name="routeDept"
            label="接收部门"
            rules={[{ required: true, whitespace: true, message: "请填写接收部门" }]}
            extra="移交组织部（如“县委组织部”）的问题，组织部可查看其整改，并参与销号审核。"
          >
            <Input maxLength={100} placeholder="如：县委组织部、县教育局" />
          </Form.Item>
        )}
        {route === "clue" && (
          <Form.Item name="clueReceiver" label="移交给">
            <Radio.Group
              options={CLUE_RECEIVERS.keys.map((k) => ({ value: k, label: CLUE_RECEIVERS.labels[k] }))}
            />
          </Form.Item>
        )}
        <Button type="primary" htmlType="submit" loading={pending}>
          作出决定
        </Button>
      </Form>
    </>
  );
}

interface RevisionForm {
  title: string;
  classification: string[];
  severity: string;
  description: string;
}

function RevisionForm({
  finding,
  onSaved,
  onCancel,
}: {
  finding: FindingDetail;
  onSaved: (f: FindingDetail) => void;
  onCancel: () => void;
}) {
  const [form] = Form.useForm<RevisionForm>();
  const { run, pending } = useAction();
  const submit = async (v: RevisionForm) => {
    const cls = schemeAndCategory(v.classification);
    if (!cls) return;
    const result = await run(() =>
      api.patch<FindingDetail>(`/findings/${finding.id}`, {
        title: v.title.trim(),
        description: v.description.trim(),
        scheme: cls.scheme,
        category: cls.category,
        severity: v.severity,
      }),
    );
    if (result.ok) {
      notifySuccess("已修改并重新提交组长审批");
      onSaved(result.value);
    }
  };
  return (
    <Form<RevisionForm>
      form={form}
      layout="vertical"
      onFinish={submit}
      initialValues={{
        title: finding.title,
        classification: [finding.scheme, finding.category],
        severity: finding.severity,
        description: finding.description,
      }}
    >
      <FindingFields />
      <Space>
        <Button type="primary" htmlType="submit" loading={pending}>
          保存并重新提交
        </Button>
        <Button onClick={onCancel}>取消</Button>
      </Space>
    </Form>
  );
}

/** One finding: its record, evidence, and the actions the caller's abilities allow. */
export function FindingDrawer({
  findingId,
  onClose,
  onChanged,
}: {
  findingId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const me = useMe();
  const detail = useRequest<FindingDetail>(findingId ? `/findings/${findingId}` : null);
  const width = useDrawerWidth(720);
  const { run, pending } = useAction();
  const [returning, setReturning] = useState(false);
  const [editing, setEditing] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: leave edit mode when another finding opens
  useEffect(() => setEditing(false), [findingId]);
  const f = detail.data && detail.data.id === findingId ? detail.data : undefined;

  const update = (next: FindingDetail) => {
    detail.setData(next);
    setEditing(false);
    onChanged();
  };
  const sendBack = async (reason: string) => {
    if (!f) return;
    const result = await run(() => api.post<FindingDetail>(`/findings/${f.id}/return`, { reason }));
    if (result.ok) {
      notifySuccess("已退回修改");
      setReturning(false);
      update(result.value);
    }
  };

  return (
    <Drawer
      open={findingId !== null}
      onClose={onClose}
      size={width}
      title={f ? `问题 ${f.number}：${f.title}` : "问题详情"}
      destroyOnHidden
      footer={
        f &&
        (f.abilities.return || (f.abilities.edit && !editing)) && (
          <Space wrap>
            {f.abilities.return && (
              <Button danger onClick={() => setReturning(true)}>
                退回修改
              </Button>
            )}
            {f.abilities.edit && !editing && <Button onClick={() => setEditing(true)}>修改问题</Button>}
          </Space>
        )
      }
    >
      {detail.error && <LoadError error={detail.error} onRetry={detail.reload} />}
      {!f && !detail.error && <Typography.Text type="secondary">加载中…</Typography.Text>}
      {f && (
        <>
          {f.status === "returned" && (
            <Alert
              type="warning"
              showIcon
              style={{ marginBottom: 12 }}
              title="组长已退回此问题，请修改后重新提交。"
              description={f.returnReason ? `退回理由：${f.returnReason}` : undefined}
            />
          )}
          {editing ? (
            <RevisionForm finding={f} onSaved={update} onCancel={() => setEditing(false)} />
          ) : (
            <>
              <Descriptions
                size="small"
                bordered
                column={1}
                items={[
                  {
                    key: "status",
                    label: "状态",
                    children: <StatusTagView tag={findingStatusTag(f.status)} />,
                  },
                  { key: "target", label: "被巡察对象", children: f.target.name },
                  { key: "group", label: "巡察组", children: f.group.name },
                  { key: "category", label: "问题类别", children: f.categoryName },
                  {
                    key: "severity",
                    label: "严重程度",
                    children: <Tag color={SEVERITY_COLORS[f.severity]}>{severityLabel(f.severity)}</Tag>,
                  },
                  { key: "route", label: "处置方式", children: routeText(f.route, f.routeDept) },
                  {
                    key: "feedback",
                    label: "反馈与整改",
                    children: f.closedAt
                      ? `已销号（${formatDate(f.closedAt)}）`
                      : f.fedBack
                        ? "已反馈，整改中"
                        : "尚未反馈",
                  },
                  { key: "created", label: "登记日期", children: formatDate(f.createdAt) },
                ]}
              />
              <Divider titlePlacement="start">问题描述</Divider>
              <Typography.Paragraph className="xc-pre">{f.description}</Typography.Paragraph>
              <Divider titlePlacement="start">证明材料</Divider>
              <FileLinks files={f.files} />
              {hasRole(me, "groupLeader", "groupDeputy", "groupMember", "officeStaff", "leadership") && (
                <WorkpaperSection
                  key={`${f.id}-${f.status}`}
                  findingId={f.id}
                  onChanged={() => {
                    detail.reload();
                    onChanged();
                  }}
                />
              )}
              <ImmediateFixCard finding={f} />
              {f.abilities.decide && <DecisionCard finding={f} onDecided={update} />}
            </>
          )}
        </>
      )}
      <ReasonModal
        open={returning}
        title="退回问题"
        label="退回理由"
        okText="退回"
        danger
        pending={pending}
        warning="退回后，问题回到组员修改，修改后须重新提交审批。"
        onSubmit={sendBack}
        onCancel={() => setReturning(false)}
      />
    </Drawer>
  );
}
