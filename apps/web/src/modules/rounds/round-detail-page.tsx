import { EditOutlined, PlusOutlined, TeamOutlined, ThunderboltOutlined } from "@ant-design/icons";
import {
  GROUP_ROLE_LABELS,
  ROUND_KINDS,
  ROUND_STAGES,
  type RoundStage,
  TARGET_CATEGORIES,
} from "@xuncha/domain/model";
import { App, Button, Card, Col, Descriptions, Empty, Grid, Row, Space, Steps, Tag, Typography } from "antd";
import { useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { PageLoading, useCrumbTitle } from "../../app/app-layout";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { roundStatusTag } from "../../app/status";
import { useAction, useRequest } from "../../app/use-request";
import { EllipsisText } from "../../components/ellipsis-text";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { StatusTagView } from "../../components/status-tag";
import { RoundDocumentsCard } from "../documents/round-documents-card";
import { CarriedOverCard } from "../rectification/follow-up/carried-over-card";
import { RoundWorkItemsCard } from "../work-items/round-work-items-card";
import { useMoveStage } from "../work-items/use-move-stage";
import type { Group, RoundDetail } from "./api";
import { AssignTargetsModal } from "./assign-targets-modal";
import { CommitmentsCard } from "./commitments-card";
import { DrawModal } from "./draw-modal";
import { DrawsCard } from "./draws-card";
import { GroupFormModal } from "./group-form-modal";
import { GroupMembersModal } from "./group-members-modal";
import { RecusalCard } from "./recusal-card";
import { RoundStatisticsCard } from "./round-statistics-card";

const ROLE_COLORS: Record<string, string> = {
  leader: "red",
  deputy: "orange",
  member: "blue",
  liaison: "default",
};

function GroupCard({
  group,
  manage,
  onAssign,
  onEdit,
  onDraw,
}: {
  group: Group;
  manage: boolean;
  onAssign: () => void;
  onEdit: () => void;
  onDraw: () => void;
}) {
  const secretary = group.members.find((m) => m.personId === group.branchSecretaryId);
  return (
    <Card
      size="small"
      title={
        <Space>
          <TeamOutlined />
          {group.name}
        </Space>
      }
      // The actions sit under the card, so that the group's name is never cut off.
      actions={
        manage
          ? [
              <Button key="members" type="link" size="small" icon={<EditOutlined />} onClick={onEdit}>
                成员
              </Button>,
              <Button key="draw" type="link" size="small" icon={<ThunderboltOutlined />} onClick={onDraw}>
                随机抽取
              </Button>,
              <Button key="assign" type="link" size="small" icon={<PlusOutlined />} onClick={onAssign}>
                分配对象
              </Button>,
            ]
          : undefined
      }
      style={{ height: "100%", display: "flex", flexDirection: "column" }}
      styles={{ body: { flex: 1 } }}
    >
      <Typography.Text type="secondary">成员（{group.members.length} 人）</Typography.Text>
      <div style={{ display: "flex", flexWrap: "wrap", gap: 6, margin: "6px 0 12px" }}>
        {group.members.map((m) => (
          <Tag key={m.personId} color={ROLE_COLORS[m.role]} style={{ marginInlineEnd: 0 }}>
            {GROUP_ROLE_LABELS[m.role] ?? m.role}：{m.name}
          </Tag>
        ))}
      </div>
      {secretary && (
        <div style={{ marginBottom: 12 }}>
          <Typography.Text type="secondary">临时党支部书记：</Typography.Text>
          {secretary.name}
        </div>
      )}
      <Typography.Text type="secondary">巡察对象（{group.targets.length} 个）</Typography.Text>
      {group.targets.length === 0 ? (
        <div style={{ marginTop: 6 }}>
          <Typography.Text type="secondary">尚未分配</Typography.Text>
        </div>
      ) : (
        <ul style={{ margin: "6px 0 0", paddingInlineStart: 18 }}>
          {group.targets.map((t) => (
            <li key={t.id}>
              <EllipsisText text={t.name} width={200} />{" "}
              <Typography.Text type="secondary">
                {TARGET_CATEGORIES.labels[t.category] ?? t.category}
              </Typography.Text>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}

export function RoundDetailPage() {
  const { id = "" } = useParams();
  const me = useMe();
  const { modal } = App.useApp();
  const round = useRequest<RoundDetail>(`/rounds/${id}`);
  const [forming, setForming] = useState(false);
  const [assigning, setAssigning] = useState<Group | null>(null);
  const [editingId, setEditingId] = useState<string | null>(null);
  const [drawingId, setDrawingId] = useState<string | null>(null);
  // Bumped when the draw modal closes, so that the record of draws shows the new ones.
  const [drawsSeen, setDrawsSeen] = useState(0);
  const { run } = useAction();
  const screens = Grid.useBreakpoint();
  // Moving warns about the work items still open in the stages left behind (work-items module).
  const moveStage = useMoveStage(id, () => round.reload());
  useCrumbTitle(round.data?.name);

  if (round.error) return <LoadError error={round.error} onRetry={round.reload} />;
  if (!round.data) return <PageLoading />;
  const r = round.data;
  const manage = r.abilities?.manage ?? false;
  const current = ROUND_STAGES.keys.indexOf(r.stage);
  const taken = r.groups.flatMap((g) => g.targets.map((t) => t.id));
  // Commitments and recusal follow the groups: reload them when members or targets change.
  const groupsKey = r.groups
    .map((g) => `${g.id}:${g.members.map((m) => m.personId + m.role).join()}:${g.targets.length}`)
    .join("|");

  const moveTo = (stage: RoundStage) => {
    if (manage && stage !== r.stage) moveStage(stage);
  };
  const next = ROUND_STAGES.keys[current + 1];
  const closeRound = () =>
    modal.confirm({
      title: `结束${r.name}？`,
      content: "结束后，本轮的巡察组只能查看、不能再修改记录；如需继续工作，巡察办可重新打开。",
      okText: "结束本轮",
      cancelText: "取消",
      onOk: async () => {
        const result = await run(() => api.patch<RoundDetail>(`/rounds/${r.id}`, { status: "closed" }));
        if (result.ok) {
          notifySuccess(`${r.name}已结束`);
          round.setData(result.value);
        }
      },
    });

  return (
    <PageContainer
      title={r.name}
      extra={
        <>
          <Link to={`/findings?roundId=${r.id}`}>
            <Button>查看问题</Button>
          </Link>
          {hasRole(me, "officeStaff", "leadership") && (
            <Link to={`/feedback?roundId=${r.id}`}>
              <Button>巡察反馈</Button>
            </Link>
          )}
          {manage && next && (
            <Button type="primary" onClick={() => moveTo(next)}>
              进入下一阶段：{ROUND_STAGES.labels[next]}
            </Button>
          )}
          {manage && !next && (
            <Button type="primary" onClick={closeRound}>
              结束本轮巡察
            </Button>
          )}
        </>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        <Card size="small">
          <Descriptions
            size="small"
            column={{ xs: 1, sm: 2, lg: 4 }}
            items={[
              { key: "kind", label: "巡察类型", children: ROUND_KINDS.labels[r.kind] ?? r.kind },
              { key: "theme", label: "主题", children: r.theme || "—" },
              {
                key: "dates",
                label: "起止日期",
                children: `${formatDate(r.startsOn)} 至 ${formatDate(r.endsOn)}`,
              },
              { key: "status", label: "状态", children: <StatusTagView tag={roundStatusTag(r.status)} /> },
            ]}
          />
          <Steps
            style={{ marginTop: 16 }}
            size="small"
            orientation={screens.lg === false ? "vertical" : "horizontal"}
            current={current}
            status={r.status === "closed" ? "finish" : "process"}
            onChange={manage ? (i) => moveTo(ROUND_STAGES.keys[i]!) : undefined}
            items={ROUND_STAGES.keys.map((k) => ({ key: k, title: ROUND_STAGES.labels[k] }))}
          />
        </Card>
        <RoundStatisticsCard statistics={r.statistics} />
        <RoundWorkItemsCard key={r.stage} roundId={r.id} />
        <Card
          size="small"
          title={`巡察组（${r.groups.length} 个）`}
          extra={
            manage && (
              <Button type="primary" size="small" icon={<PlusOutlined />} onClick={() => setForming(true)}>
                组建巡察组
              </Button>
            )
          }
        >
          {r.groups.length === 0 ? (
            <Empty description={manage ? "尚未组建巡察组，请点击“组建巡察组”" : "暂无巡察组"} />
          ) : (
            <Row gutter={[16, 16]}>
              {r.groups.map((g) => (
                <Col key={g.id} xs={24} md={12} xl={8}>
                  <GroupCard
                    group={g}
                    manage={manage}
                    onAssign={() => setAssigning(g)}
                    onEdit={() => setEditingId(g.id)}
                    onDraw={() => setDrawingId(g.id)}
                  />
                </Col>
              ))}
            </Row>
          )}
        </Card>
        {hasRole(me, "officeStaff", "leadership") && (
          <CommitmentsCard key={`commitments:${groupsKey}`} roundId={r.id} />
        )}
        {hasRole(me, "officeStaff", "leadership") && (
          <RecusalCard key={`recusal:${groupsKey}`} roundId={r.id} />
        )}
        {hasRole(me, "officeStaff", "leadership") && (
          <DrawsCard
            key={`draws:${groupsKey}:${drawsSeen}`}
            roundId={r.id}
            groupNames={Object.fromEntries(r.groups.map((g) => [g.id, g.name]))}
          />
        )}
        <RoundDocumentsCard roundId={r.id} groups={r.groups} />
        <CarriedOverCard roundId={r.id} />
      </Space>
      <GroupMembersModal
        group={r.groups.find((g) => g.id === editingId) ?? null}
        onClose={() => setEditingId(null)}
        onChanged={round.reload}
      />
      {drawingId && (
        <DrawModal
          roundId={r.id}
          group={r.groups.find((g) => g.id === drawingId) ?? null}
          onClose={() => {
            setDrawingId(null);
            setDrawsSeen((n) => n + 1);
          }}
          onChanged={round.reload}
        />
      )}
      <GroupFormModal
        roundId={r.id}
        open={forming}
        taken={taken}
        onClose={() => setForming(false)}
        onCreated={() => {
          setForming(false);
          round.reload();
        }}
      />
      <AssignTargetsModal
        group={assigning}
        taken={taken}
        onClose={() => setAssigning(null)}
        onAssigned={() => {
          setAssigning(null);
          round.reload();
        }}
      />
    </PageContainer>
  );
}
