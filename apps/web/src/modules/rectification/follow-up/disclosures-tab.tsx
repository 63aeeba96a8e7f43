import { Button, Form, Modal, Radio, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../../app/api-client";
import { formatDate } from "../../../app/format";
import { notifySuccess } from "../../../app/notify";
import { useAction, useRequest } from "../../../app/use-request";
import { DataTable } from "../../../components/data-table";
import { LoadError } from "../../../components/load-error";
import type { RoundSummary } from "../../rounds/api";
import { RoundFilter } from "../../rounds/round-filter";
import {
  DISCLOSURE_SCOPE_LABELS,
  DISCLOSURE_STATUS_TAGS,
  type Disclosure,
  type DisclosureScope,
} from "./api";
import { DisclosureDrawer } from "./disclosure-drawer";
import { RoundTargetFields } from "./round-target-fields";

function DraftModal({
  open,
  rounds,
  onClose,
  onDone,
}: {
  open: boolean;
  rounds: RoundSummary[];
  onClose: () => void;
  onDone: (d: Disclosure) => void;
}) {
  const [form] = Form.useForm<{ roundId: string; targetId: string; scope: DisclosureScope }>();
  const { run, pending } = useAction();
  const submit = async () => {
    const v = await form.validateFields();
    const result = await run(() => api.post<Disclosure>("/rectification/disclosures", v));
    if (result.ok) {
      notifySuccess("已根据整改情况报告起草整改公开");
      onDone(result.value);
    }
  };
  return (
    <Modal
      open={open}
      title="起草整改公开"
      okText="起草"
      okButtonProps={{ loading: pending }}
      onOk={submit}
      onCancel={onClose}
      destroyOnHidden
    >
      <Typography.Paragraph type="secondary">
        根据该单位已通过联审的整改情况报告和整改台账起草；整改情况报告尚未通过联审的，不能起草。
      </Typography.Paragraph>
      <Form
        name="disclosureNew"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ scope: "party" }}
      >
        <RoundTargetFields rounds={rounds} />
        <Form.Item name="scope" label="公开范围">
          <Radio.Group
            options={(Object.keys(DISCLOSURE_SCOPE_LABELS) as DisclosureScope[]).map((s) => ({
              value: s,
              label: DISCLOSURE_SCOPE_LABELS[s],
            }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** 整改公开: drafted by the office from the final report, approved by the leading group, published and archived. */
export function DisclosuresTab({ office, contactOnly }: { office: boolean; contactOnly: boolean }) {
  const rounds = useRequest<RoundSummary[]>(contactOnly ? null : "/rounds");
  const [roundId, setRoundId] = useState<string>();
  const list = useRequest<{ items: Disclosure[] }>("/rectification/disclosures", { roundId });
  const [drafting, setDrafting] = useState(false);
  const [openId, setOpenId] = useState<string | null>(null);
  const rows = list.data?.items ?? [];

  const columns: ColumnsType<Disclosure> = [
    {
      title: "标题",
      key: "title",
      render: (_, d) => (
        <Button
          type="link"
          style={{ padding: 0, height: "auto", whiteSpace: "normal", textAlign: "left" }}
          onClick={() => setOpenId(d.id)}
        >
          {d.title}
        </Button>
      ),
    },
    { title: "被巡察单位", dataIndex: "targetName", responsive: ["md"] },
    {
      title: "范围",
      dataIndex: "scope",
      width: 100,
      render: (s: DisclosureScope) => DISCLOSURE_SCOPE_LABELS[s],
    },
    {
      title: "状态",
      dataIndex: "status",
      width: 140,
      render: (s: Disclosure["status"]) => (
        <Tag color={DISCLOSURE_STATUS_TAGS[s].color}>{DISCLOSURE_STATUS_TAGS[s].label}</Tag>
      ),
    },
    {
      title: "不公开事项",
      key: "withheld",
      width: 110,
      responsive: ["lg"],
      render: (_, d) => (d.withheld ? `${d.withheld.length} 项` : "—"),
    },
    {
      title: "发布日期",
      dataIndex: "publishedAt",
      width: 110,
      render: (v: string | null) => (v ? formatDate(v) : "—"),
    },
  ];

  return (
    <Space orientation="vertical" size={12} style={{ width: "100%" }}>
      <search className="xc-filters">
        {!contactOnly && <RoundFilter rounds={rounds} value={roundId} onChange={setRoundId} />}
        {office && (
          <Button type="primary" onClick={() => setDrafting(true)}>
            起草整改公开
          </Button>
        )}
      </search>
      {list.error && <LoadError error={list.error} onRetry={list.reload} />}
      <DataTable<Disclosure>
        rowKey="id"
        loading={list.loading}
        dataSource={rows}
        columns={columns}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
        locale={{ emptyText: contactOnly ? "暂无已发布的整改公开" : "暂无整改公开" }}
      />
      {office && (
        <DraftModal
          open={drafting}
          rounds={rounds.data ?? []}
          onClose={() => setDrafting(false)}
          onDone={(d) => {
            setDrafting(false);
            list.reload();
            setOpenId(d.id);
          }}
        />
      )}
      <DisclosureDrawer id={openId} onClose={() => setOpenId(null)} onChanged={list.reload} />
    </Space>
  );
}
