import { DeleteOutlined, EditOutlined, PlusOutlined } from "@ant-design/icons";
import { App, Button, Card, Descriptions, Empty, Space, Table, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { type ReactNode, useState } from "react";
import { Link, useParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { PageLoading, useCrumbTitle } from "../../app/app-layout";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import {
  monthRange,
  type PersonDetail,
  type PersonJob,
  type PersonRelative,
  type PersonTie,
  POOL_LABELS,
} from "./api";
import { type HistoryKind, HistoryRecordModal } from "./history-forms";
import { PersonFormDrawer } from "./person-form-drawer";

const dash = (v: string | null | undefined) => v || "—";

function Section({ title, extra, children }: { title: ReactNode; extra?: ReactNode; children: ReactNode }) {
  return (
    <Card size="small" title={title} extra={extra} style={{ marginBottom: 16 }}>
      {children}
    </Card>
  );
}

/** A person of the pools: profile, and the history the office keeps and the records show. */
export function PersonPage() {
  const { id = "" } = useParams();
  const person = useRequest<PersonDetail>(`/people/${id}`);
  const [editing, setEditing] = useState(false);
  const [record, setRecord] = useState<{
    kind: HistoryKind;
    row: PersonJob | PersonRelative | PersonTie | null;
  } | null>(null);
  const { modal } = App.useApp();
  const { run } = useAction();
  useCrumbTitle(person.data?.name);

  if (person.error) return <LoadError error={person.error} onRetry={person.reload} />;
  const p = person.data;
  if (!p) return <PageLoading />;
  const manage = p.abilities.editHistory;

  const remove = (kind: HistoryKind, rowId: string, what: string) =>
    modal.confirm({
      title: `删除${what}？`,
      content: "删除后回避审查将不再依据这条记录。",
      okText: "删除",
      okButtonProps: { danger: true },
      cancelText: "取消",
      onOk: async () => {
        const result = await run(() => api.delete(`/people/${p.id}/${kind}/${rowId}`));
        if (result.ok) {
          notifySuccess("已删除");
          person.reload();
        }
      },
    });

  const actions = <T extends { id: string }>(kind: HistoryKind, what: string) =>
    manage
      ? [
          {
            title: "操作",
            key: "actions",
            width: 120,
            render: (_: unknown, row: T) => (
              <Space size={0}>
                <Button
                  type="link"
                  size="small"
                  icon={<EditOutlined />}
                  aria-label={`编辑${what}`}
                  onClick={() => setRecord({ kind, row: row as unknown as PersonJob })}
                />
                <Button
                  type="link"
                  size="small"
                  danger
                  icon={<DeleteOutlined />}
                  aria-label={`删除${what}`}
                  onClick={() => remove(kind, row.id, what)}
                />
              </Space>
            ),
          },
        ]
      : [];
  const addButton = (kind: HistoryKind) =>
    manage && (
      <Button size="small" icon={<PlusOutlined />} onClick={() => setRecord({ kind, row: null })}>
        添加
      </Button>
    );
  const target = (name: string | null) => (name ? <Tag color="blue">{name}</Tag> : null);

  const jobColumns: ColumnsType<PersonJob> = [
    { title: "起止年月", key: "range", render: (_, j) => monthRange(j.startMonth, j.endMonth) },
    {
      title: "工作单位",
      dataIndex: "unit",
      render: (v: string, j) => (
        <>
          {v} {target(j.targetName)}
        </>
      ),
    },
    { title: "职务", dataIndex: "post", render: dash },
    ...actions<PersonJob>("jobs", "工作经历"),
  ];
  const relativeColumns: ColumnsType<PersonRelative> = [
    { title: "关系", dataIndex: "relationLabel" },
    { title: "姓名", dataIndex: "name" },
    {
      title: "工作单位",
      dataIndex: "unit",
      render: (v: string, r) => (
        <>
          {dash(v)} {target(r.targetName)}
        </>
      ),
    },
    { title: "职务", dataIndex: "post", render: dash },
    {
      title: "班子成员",
      dataIndex: "inLeadership",
      render: (v: boolean) => (v ? <Tag color="red">是</Tag> : "否"),
    },
    ...actions<PersonRelative>("relatives", "亲属记录"),
  ];
  const tieColumns: ColumnsType<PersonTie> = [
    { title: "关系", dataIndex: "kindLabel" },
    { title: "对方姓名", dataIndex: "officialName" },
    { title: "对方单位", dataIndex: "targetName", render: (v: string | null) => dash(v) },
    { title: "对方职务", dataIndex: "post", render: dash },
    { title: "起止年月", key: "range", render: (_, t) => monthRange(t.startMonth, t.endMonth) },
    ...actions<PersonTie>("ties", "上下级关系"),
  ];
  const table = <T extends { id: string }>(rows: T[], columns: ColumnsType<T>, empty: string) => (
    <Table<T>
      rowKey="id"
      size="small"
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: "max-content" }}
      locale={{ emptyText: <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={empty} /> }}
    />
  );

  return (
    <PageContainer
      title={
        <Space wrap>
          {p.name}
          <Tag color={p.pool === "leader" ? "red" : "blue"}>{POOL_LABELS[p.pool]}</Tag>
          {p.available ? <Tag color="green">可选派</Tag> : <Tag>暂不可选派</Tag>}
        </Space>
      }
      extra={
        p.abilities.update && (
          <Button icon={<EditOutlined />} onClick={() => setEditing(true)}>
            编辑信息
          </Button>
        )
      }
    >
      <Section title="基本信息">
        <Descriptions size="small" column={{ xs: 1, sm: 2, lg: 3 }}>
          <Descriptions.Item label="性别">{dash(p.sex)}</Descriptions.Item>
          <Descriptions.Item label="出生年月">{dash(p.birthMonth)}</Descriptions.Item>
          <Descriptions.Item label="政治面貌">{dash(p.politicalStatus)}</Descriptions.Item>
          <Descriptions.Item label="工作单位">
            {dash(p.unit)} {target(p.unitTargetName)}
          </Descriptions.Item>
          <Descriptions.Item label="职务">{dash(p.post)}</Descriptions.Item>
          <Descriptions.Item label="职级">{dash(p.rank)}</Descriptions.Item>
          <Descriptions.Item label="业务特长">
            {p.expertise.length ? p.expertise.map((e) => <Tag key={e}>{e}</Tag>) : "—"}
          </Descriptions.Item>
          <Descriptions.Item label="入库时间">{p.joinedOn ? formatDate(p.joinedOn) : "—"}</Descriptions.Item>
          <Descriptions.Item label="联系电话">{dash(p.phone)}</Descriptions.Item>
          <Descriptions.Item label="电子邮箱">{dash(p.email)}</Descriptions.Item>
        </Descriptions>
        {p.recusalNote && (
          <Typography.Paragraph type="warning" style={{ marginTop: 8, marginBottom: 0 }}>
            回避情形备注（导入时未能识别）：{p.recusalNote}
          </Typography.Paragraph>
        )}
      </Section>

      <Section title={`参加巡察（${p.rounds.length} 轮）`}>
        {table(
          p.rounds.map((r) => ({ ...r, id: r.groupId })),
          [
            {
              title: "轮次",
              dataIndex: "roundLabel",
              render: (v: string, r) => <Link to={`/rounds/${r.roundId}`}>{v}</Link>,
            },
            { title: "类型", dataIndex: "roundKindLabel" },
            { title: "巡察组", dataIndex: "groupName" },
            { title: "担任", dataIndex: "roleLabel" },
            {
              title: "时间",
              key: "dates",
              render: (_, r) => `${formatDate(r.startsOn)} 至 ${formatDate(r.endsOn)}`,
            },
          ],
          "系统中暂无参加巡察的记录",
        )}
        {p.roundsNote && (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            系统外记录：{p.roundsNote}
          </Typography.Paragraph>
        )}
      </Section>

      <Section title="工作经历" extra={addButton("jobs")}>
        {table(p.jobs, jobColumns, "暂无工作经历")}
      </Section>
      <Section title="亲属任职" extra={addButton("relatives")}>
        {table(p.relatives, relativeColumns, "暂无亲属任职记录")}
      </Section>
      <Section title="上下级关系" extra={addButton("ties")}>
        {table(p.ties, tieColumns, "暂无上下级关系记录")}
      </Section>

      <Section title={`培训（${p.trainingTimes} 人次，${p.trainingHours} 学时）`}>
        {table(
          p.trainings,
          [
            { title: "培训日期", dataIndex: "heldOn", render: formatDate },
            { title: "培训名称", dataIndex: "title" },
            { title: "学时", dataIndex: "hours" },
          ],
          "暂无培训记录",
        )}
      </Section>

      <Section title="签署承诺书">
        {table(
          p.commitments,
          [
            { title: "轮次", dataIndex: "roundLabel" },
            { title: "承诺书", dataIndex: "kindLabel" },
            { title: "签署日期", dataIndex: "signedOn", render: formatDate },
          ],
          "暂无签署记录",
        )}
      </Section>

      <Section title="一巡一评">
        {table(
          p.evaluations,
          [
            { title: "轮次", dataIndex: "roundLabel" },
            { title: "巡察组", dataIndex: "groupName" },
            { title: "担任", dataIndex: "roleLabel" },
            { title: "得分", dataIndex: "total" },
            { title: "等次", dataIndex: "grade", render: (v: string) => <Tag>{v}</Tag> },
            { title: "评价意见", dataIndex: "comment", render: dash },
          ],
          "暂无评价",
        )}
      </Section>

      <PersonFormDrawer
        open={editing}
        person={p}
        onClose={() => setEditing(false)}
        onSaved={() => {
          setEditing(false);
          person.reload();
        }}
      />
      <HistoryRecordModal
        personId={p.id}
        kind={record?.kind ?? null}
        record={record?.row ?? null}
        onClose={() => setRecord(null)}
        onSaved={() => {
          setRecord(null);
          person.reload();
        }}
      />
    </PageContainer>
  );
}
