import {
  Alert,
  Button,
  Descriptions,
  Divider,
  Drawer,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate, formatSize, todayIso } from "../../app/format";
import { notifyError, notifySuccess } from "../../app/notify";
import { groupGrants } from "../../app/session";
import { useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { useDrawerWidth } from "../../components/use-drawer-width";
import type { RoundDetail } from "../rounds/api";
import { REVEAL_STATUS_LABELS, type TipDetail } from "./api";
import { FindingPicker, LinkedFinding } from "./finding-picker";
import { tipStatusTag } from "./tip-status";

type Decision = "use" | "handOver" | "file";

/** One tip for handling: content, additions, files, the decision and the hand-over answer; never the identity. */
export function TipDrawer({
  tipId,
  onClose,
  onChanged,
}: {
  tipId: string | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const size = useDrawerWidth(720);
  const tip = useRequest<TipDetail>(tipId ? `/tips/${tipId}` : null);
  const round = useRequest<RoundDetail>(tip.data ? `/rounds/${tip.data.roundId}` : null);
  const [pending, setPending] = useState(false);
  const [identity, setIdentity] = useState<{ name: string; phone: string } | null>(null);
  const [decideForm] = Form.useForm();
  const [answerForm] = Form.useForm();
  const [revealForm] = Form.useForm<{ reason: string }>();
  const decision = Form.useWatch("decision", decideForm) as Decision | undefined;

  const act = async (call: () => Promise<unknown>, done: string) => {
    setPending(true);
    try {
      await call();
      notifySuccess(done);
      tip.reload();
      onChanged();
    } catch (e) {
      notifyError(e);
    } finally {
      setPending(false);
    }
  };
  const t = tip.data;
  const me = useMe();
  const inTipGroup = !!t?.groupId && groupGrants(me).some((g) => g.groupId === t.groupId);
  const groups = round.data?.groups ?? [];
  const targets = groups.flatMap((g) => g.targets);

  return (
    <Drawer
      open={tipId !== null}
      onClose={onClose}
      size={size}
      destroyOnHidden
      title={t ? `第 ${t.number} 号举报` : "举报"}
    >
      {tip.error && <LoadError error={tip.error} onRetry={tip.reload} />}
      {t && (
        <>
          <Descriptions column={{ xs: 1, sm: 2 }} size="small" bordered>
            <Descriptions.Item label="轮次">{t.roundName}</Descriptions.Item>
            <Descriptions.Item label="收到日期">{formatDate(t.receivedOn)}</Descriptions.Item>
            <Descriptions.Item label="渠道">{t.channelLabel}</Descriptions.Item>
            <Descriptions.Item label="状态">{tipStatusTag(t.status, t.statusLabel)}</Descriptions.Item>
            <Descriptions.Item label="反映对象">
              {t.targetName ?? `其他：${t.otherTarget ?? ""}`}
            </Descriptions.Item>
            <Descriptions.Item label="问题类别">{t.categoryName}</Descriptions.Item>
            <Descriptions.Item label="巡察组">{t.groupName ?? "待分送"}</Descriptions.Item>
            <Descriptions.Item label="举报人">{t.named ? "实名（信息加密保管）" : "匿名"}</Descriptions.Item>
          </Descriptions>
          <Typography.Title level={5} style={{ marginTop: 16 }}>
            反映内容
          </Typography.Title>
          <div style={{ whiteSpace: "pre-wrap", marginBottom: 16 }} data-testid="tip-text">
            {t.text}
          </div>
          {t.additions.map((a) => (
            <Alert
              key={a.id}
              style={{ marginBottom: 8 }}
              type="info"
              title={`${formatDate(a.receivedOn)} 补充`}
              description={<span style={{ whiteSpace: "pre-wrap" }}>{a.text}</span>}
            />
          ))}
          {t.files.length > 0 && (
            <>
              <Typography.Title level={5}>附件</Typography.Title>
              <ul>
                {t.files.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/tips/${t.id}/files/${f.id}`} target="_blank" rel="noreferrer">
                      {f.name}
                    </a>{" "}
                    <Typography.Text type="secondary">{formatSize(f.size)}</Typography.Text>
                    {f.additionId && <Tag style={{ marginLeft: 8 }}>补充</Tag>}
                  </li>
                ))}
              </ul>
            </>
          )}

          {(t.status === "used" ||
            t.status === "handedOver" ||
            t.status === "answered" ||
            t.status === "filed") && (
            <>
              <Divider />
              <Descriptions column={1} size="small" title="处理情况">
                <Descriptions.Item label="决定日期">{formatDate(t.decidedOn)}</Descriptions.Item>
                {t.findingId && (
                  <Descriptions.Item label="关联问题">
                    <LinkedFinding findingId={t.findingId} />
                  </Descriptions.Item>
                )}
                {t.handOverTargetName && (
                  <Descriptions.Item label="交办单位">
                    {t.handOverTargetName}（期限 {formatDate(t.handOverDeadline)}）
                  </Descriptions.Item>
                )}
                {t.handOverAnswer && (
                  <Descriptions.Item label="办理答复">
                    {t.handOverAnswer}（{formatDate(t.handOverAnsweredOn)}）
                  </Descriptions.Item>
                )}
                {t.fileReason && <Descriptions.Item label="存档理由">{t.fileReason}</Descriptions.Item>}
                {t.decisionNote && <Descriptions.Item label="处理意见">{t.decisionNote}</Descriptions.Item>}
                <Descriptions.Item label="给举报人的答复">{t.publicAnswer || "（未填写）"}</Descriptions.Item>
              </Descriptions>
            </>
          )}

          {t.abilities.route && (
            <>
              <Divider />
              <Typography.Title level={5}>分送巡察组</Typography.Title>
              <Space wrap>
                <Select
                  style={{ minWidth: 200 }}
                  placeholder="选择巡察组"
                  aria-label="分送巡察组"
                  value={t.groupId ?? undefined}
                  options={groups.map((g) => ({ value: g.id, label: g.name }))}
                  onChange={(groupId: string) =>
                    act(() => api.post(`/tips/${t.id}/route`, { groupId }), "已分送巡察组")
                  }
                  disabled={pending}
                />
              </Space>
            </>
          )}

          {t.abilities.decide && (
            <>
              <Divider />
              <Typography.Title level={5}>处理决定</Typography.Title>
              <Form
                form={decideForm}
                layout="vertical"
                initialValues={{ decision: "handOver" }}
                onFinish={(v) =>
                  act(() => api.post(`/tips/${t.id}/decision`, stripEmpty(v)), "已保存处理决定")
                }
              >
                <Form.Item name="decision" label="处理方式">
                  <Radio.Group
                    options={[
                      { value: "use", label: "采用（作为问题线索或问题）" },
                      { value: "handOver", label: "交办" },
                      { value: "file", label: "存档" },
                    ]}
                  />
                </Form.Item>
                {decision === "handOver" && (
                  <>
                    <Form.Item
                      name="targetId"
                      label="交办单位"
                      rules={[{ required: true, message: "请选择交办单位" }]}
                    >
                      <Select
                        showSearch={{ optionFilterProp: "label" }}
                        aria-label="交办单位"
                        options={targets.map((x) => ({ value: x.id, label: x.name }))}
                      />
                    </Form.Item>
                    <Form.Item
                      name="deadline"
                      label="办理期限"
                      rules={[{ required: true, message: "请填写办理期限" }]}
                    >
                      <Input type="date" min={todayIso()} aria-label="办理期限" />
                    </Form.Item>
                  </>
                )}
                {decision === "use" && (
                  <Form.Item
                    name="findingId"
                    label="关联问题（选填）"
                    extra={
                      <>
                        可按编号、标题或被巡察对象搜索{t.groupName ?? "本组"}在本轮登记的问题。
                        {inTipGroup ? (
                          <>
                            问题尚未登记的，可先
                            <Link to="/findings/new" target="_blank">
                              登记问题
                            </Link>
                            ，再回到此处关联。
                          </>
                        ) : (
                          "问题尚未登记的，可待巡察组登记后再作决定。"
                        )}
                      </>
                    }
                  >
                    <FindingPicker roundId={t.roundId} groupId={t.groupId} />
                  </Form.Item>
                )}
                {decision === "file" ? (
                  <Form.Item
                    name="reason"
                    label="存档理由"
                    rules={[{ required: true, whitespace: true, message: "请填写存档理由" }]}
                  >
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                ) : (
                  <Form.Item name="note" label="处理意见（内部）">
                    <Input.TextArea rows={2} maxLength={2000} />
                  </Form.Item>
                )}
                <Form.Item name="publicAnswer" label="给举报人的答复（凭查询码可见）">
                  <Input.TextArea
                    rows={2}
                    maxLength={2000}
                    placeholder="用通俗的话说明处理情况，不写办理人员和举报人信息"
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={pending}>
                  保存处理决定
                </Button>
              </Form>
            </>
          )}

          {t.abilities.answer && (
            <>
              <Divider />
              <Typography.Title level={5}>登记交办答复</Typography.Title>
              <Form
                form={answerForm}
                layout="vertical"
                initialValues={{ answeredOn: todayIso() }}
                onFinish={(v) => act(() => api.post(`/tips/${t.id}/answer`, stripEmpty(v)), "已登记办理答复")}
              >
                <Form.Item
                  name="answer"
                  label="办理答复"
                  rules={[{ required: true, whitespace: true, message: "请填写办理答复" }]}
                >
                  <Input.TextArea rows={3} />
                </Form.Item>
                <Form.Item name="answeredOn" label="答复日期" rules={[{ required: true }]}>
                  <Input type="date" aria-label="答复日期" />
                </Form.Item>
                <Form.Item name="publicAnswer" label="给举报人的答复（凭查询码可见）">
                  <Input.TextArea rows={2} maxLength={2000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={pending}>
                  登记答复
                </Button>
              </Form>
            </>
          )}

          {t.named && (
            <>
              <Divider />
              <Typography.Title level={5}>举报人信息</Typography.Title>
              {t.reveals.map((r) => (
                <div key={r.id} style={{ marginBottom: 4 }}>
                  <Tag
                    color={r.status === "approved" ? "green" : r.status === "pending" ? "blue" : "default"}
                  >
                    {REVEAL_STATUS_LABELS[r.status]}
                  </Tag>
                  {r.reason}
                  {r.mine && r.status === "approved" && (
                    <Button
                      size="small"
                      style={{ marginLeft: 8 }}
                      onClick={async () => {
                        try {
                          setIdentity(await api.get(`/tips/${t.id}/identity`));
                        } catch (e) {
                          notifyError(e);
                        }
                      }}
                    >
                      查看（将记录日志）
                    </Button>
                  )}
                </div>
              ))}
              {identity && (
                <Alert
                  type="warning"
                  showIcon
                  title={`${identity.name}，${identity.phone}`}
                  description="请严格保密，仅用于核实。"
                />
              )}
              {t.abilities.requestReveal && !t.reveals.some((r) => r.status === "pending") && (
                <Form
                  form={revealForm}
                  layout="inline"
                  style={{ marginTop: 8 }}
                  onFinish={(v) =>
                    act(() => api.post(`/tips/${t.id}/reveals`, v), "已提交申请，待保管人审批")
                  }
                >
                  <Form.Item
                    name="reason"
                    rules={[{ required: true, whitespace: true, message: "请填写理由" }]}
                  >
                    <Input placeholder="申请查看的理由" style={{ minWidth: 240 }} />
                  </Form.Item>
                  <Button htmlType="submit" loading={pending}>
                    申请查看
                  </Button>
                </Form>
              )}
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

/** Drops empty optional strings, which the API's strict bodies would refuse as too short. */
function stripEmpty(v: Record<string, unknown>) {
  return Object.fromEntries(Object.entries(v).filter(([, x]) => x !== undefined && x !== null && x !== ""));
}
