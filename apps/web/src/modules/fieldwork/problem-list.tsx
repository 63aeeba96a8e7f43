import { PlusOutlined } from "@ant-design/icons";
import { BRIEFING_TOPICS, PRE_INSPECTION_SOURCES, SEVERITIES, type Severity } from "@xuncha/domain/model";
import { Button, Card, Cascader, Empty, Form, Input, Radio, Select, Space, Spin, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useMemo, useState } from "react";
import { api } from "../../app/api-client";
import { formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { textSorter, totalText, valueFilters } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { EllipsisText } from "../../components/ellipsis-text";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { TableToolbar } from "../../components/table-toolbar";
import { useGuardedClose } from "../../components/use-guarded-close";
import { useIsPhone } from "../../components/use-is-phone";
import { schemeAndCategory, taxonomyOptions } from "../findings/taxonomy-options";
import { briefingFileUrl, type PreInspectionItem, type RoundBriefingAnswer } from "./api";
import { AttachmentLinks } from "./shared";

const TAXONOMY_OPTIONS = taxonomyOptions();

interface ItemForm {
  targetId: string;
  title: string;
  description?: string;
}

interface PromoteForm {
  title: string;
  classification: string[];
  severity: Severity;
  description: string;
}

/**
 * The group's side of 巡前情况通报: the answers on its targets, and its pre-inspection problem list
 * (巡前问题清单) built from them; an item is promoted into a finding once confirmed. The office
 * and the leading group read both.
 */
export function ProblemListTab({
  roundId,
  targets,
  canWrite,
}: {
  roundId: string;
  targets: { id: string; name: string; groupId: string }[];
  canWrite: boolean;
}) {
  const answers = useRequest<RoundBriefingAnswer[]>("/briefings/answers", { roundId });
  const items = useRequest<PreInspectionItem[]>("/pre-inspection-items", { roundId });
  const [adding, setAdding] = useState<{ answer?: RoundBriefingAnswer } | null>(null);
  const [promoting, setPromoting] = useState<PreInspectionItem | null>(null);
  const [itemForm] = Form.useForm<ItemForm>();
  const [promoteForm] = Form.useForm<PromoteForm>();
  const { run, pending } = useAction();
  const closeAdd = useGuardedClose(itemForm, () => setAdding(null));
  const closePromote = useGuardedClose(promoteForm, () => setPromoting(null));
  const [shown, setShown] = useState<number>();
  const phone = useIsPhone();

  const byTarget = useMemo(() => {
    const map = new Map<string, RoundBriefingAnswer[]>();
    for (const a of answers.data ?? []) map.set(a.targetName, [...(map.get(a.targetName) ?? []), a]);
    return [...map.entries()];
  }, [answers.data]);

  const startAdd = (answer?: RoundBriefingAnswer) => {
    itemForm.setFieldsValue({
      targetId: answer?.targetId ?? targets[0]?.id,
      title: "",
      description: answer ? `${answer.departmentName}通报：${answer.content}`.slice(0, 5000) : "",
    });
    setAdding(answer ? { answer } : {});
  };
  const submitItem = async (v: ItemForm) => {
    const result = await run(() =>
      api.post("/pre-inspection-items", {
        roundId,
        targetId: v.targetId,
        title: v.title.trim(),
        description: v.description?.trim() ?? "",
        briefingAnswerId: adding?.answer?.id ?? null,
      }),
    );
    if (result.ok) {
      notifySuccess("已列入巡前问题清单");
      setAdding(null);
      items.reload();
    }
  };
  const startPromote = (item: PreInspectionItem) => {
    promoteForm.setFieldsValue({
      title: item.title,
      description: item.description || item.title,
      severity: "general",
      classification: [],
    });
    setPromoting(item);
  };
  const submitPromote = async (v: PromoteForm) => {
    const sc = schemeAndCategory(v.classification);
    if (!promoting || !sc) return;
    const result = await run(() =>
      api.post(`/pre-inspection-items/${promoting.id}/promote`, {
        ...sc,
        severity: v.severity,
        title: v.title.trim(),
        description: v.description.trim(),
      }),
    );
    if (result.ok) {
      notifySuccess("已转为问题（草稿），可在“巡察发现问题”中继续完善底稿");
      setPromoting(null);
      items.reload();
    }
  };

  const list = items.data ?? [];
  const columns: ColumnsType<PreInspectionItem> = [
    {
      title: "被巡察对象",
      dataIndex: "targetName",
      sorter: textSorter((i) => i.targetName),
      filters: valueFilters(list, (i) => i.targetName),
      onFilter: (v, i) => i.targetName === v,
      render: (t: string) => <EllipsisText text={t} width={160} />,
    },
    { title: "问题", dataIndex: "title", render: (t: string) => <EllipsisText text={t} width={240} /> },
    {
      title: "来源",
      key: "source",
      render: (_, i) => sourceText(i),
    },
    {
      title: "状态",
      key: "finding",
      render: (_, i) => statusText(i),
    },
    { title: "列入人", dataIndex: "createdByName" },
    {
      title: "操作",
      key: "actions",
      render: (_, i) =>
        i.abilities.promote && (
          <Button type="link" size="small" onClick={() => startPromote(i)}>
            转为问题
          </Button>
        ),
    },
  ];

  const sourceText = (i: PreInspectionItem) =>
    i.source === "briefing" ? `${i.departmentName ?? ""}通报` : PRE_INSPECTION_SOURCES.labels[i.source];
  const statusText = (i: PreInspectionItem) => (i.finding ? `已转为问题 第${i.finding.number}号` : "待核实");
  const phoneColumns: ColumnsType<PreInspectionItem> = [
    {
      title: "问题",
      key: "summary",
      filters: columns[0]!.filters,
      onFilter: columns[0]!.onFilter,
      render: (_, i) => (
        <Space orientation="vertical" size={0} style={{ width: "100%" }}>
          <Typography.Text strong>{i.title}</Typography.Text>
          <Typography.Text type="secondary">
            {i.targetName} · {sourceText(i)} · {i.createdByName}
          </Typography.Text>
          {i.description && (
            <Typography.Paragraph
              className="xc-pre"
              style={{ marginBottom: 0 }}
              ellipsis={{ rows: 2, expandable: "collapsible", symbol: (open) => (open ? "收起" : "展开") }}
            >
              {i.description}
            </Typography.Paragraph>
          )}
          <span>{statusText(i)}</span>
        </Space>
      ),
    },
    ...(list.some((i) => i.abilities.promote) ? [columns[columns.length - 1]!] : []),
  ];

  return (
    <>
      <Typography.Title level={5}>情况通报内容</Typography.Title>
      {answers.error ? (
        <LoadError error={answers.error} onRetry={answers.reload} />
      ) : answers.loading && !answers.data ? (
        <Spin />
      ) : byTarget.length === 0 ? (
        <Empty description="尚无联席会成员单位通报本组对象的情况" />
      ) : (
        byTarget.map(([targetName, rows]) => (
          <Card key={targetName} size="small" title={targetName} style={{ marginBottom: 12 }}>
            {rows.map((a) => (
              <div key={a.id} style={{ borderLeft: "3px solid #d9d9d9", paddingLeft: 12, marginBottom: 12 }}>
                <Space wrap size={4}>
                  <Typography.Text strong>{a.departmentName}</Typography.Text>
                  <Typography.Text type="secondary">
                    {a.topics.map((t) => BRIEFING_TOPICS.labels[t]).join("、")} ·{" "}
                    {formatDateTime(a.answeredAt)}
                  </Typography.Text>
                  {a.late && <Typography.Text type="danger">逾期报送</Typography.Text>}
                </Space>
                <Typography.Paragraph className="xc-pre" style={{ margin: "4px 0" }}>
                  {a.content}
                </Typography.Paragraph>
                <AttachmentLinks files={a.files} url={(f) => briefingFileUrl(a.id, f)} />
                {canWrite && targets.some((t) => t.id === a.targetId) && (
                  <div>
                    <Button size="small" type="link" style={{ padding: 0 }} onClick={() => startAdd(a)}>
                      列入问题清单
                    </Button>
                  </div>
                )}
              </div>
            ))}
          </Card>
        ))
      )}

      <Typography.Title level={5} style={{ marginTop: 24 }}>
        巡前问题清单
      </Typography.Title>
      {items.error ? (
        <LoadError error={items.error} onRetry={items.reload} />
      ) : (
        <>
          <TableToolbar
            countText={`共 ${shown ?? list.length} 个问题，已转为问题 ${list.filter((i) => i.findingId).length} 个`}
          >
            {canWrite && targets.length > 0 && (
              <Button icon={<PlusOutlined />} onClick={() => startAdd()}>
                添加问题
              </Button>
            )}
          </TableToolbar>
          <DataTable<PreInspectionItem>
            rowKey="id"
            loading={items.loading}
            columns={columns}
            phoneColumns={phoneColumns}
            dataSource={list}
            onChange={(_p, _f, _s, extra) => setShown(extra.currentDataSource.length)}
            expandable={
              phone
                ? undefined
                : {
                    expandedRowRender: (i) => (
                      <Typography.Paragraph className="xc-pre">{i.description || "—"}</Typography.Paragraph>
                    ),
                  }
            }
            pagination={{ pageSize: 20, showTotal: totalText("个问题"), hideOnSinglePage: true }}
            locale={{ emptyText: "尚未列入问题" }}
          />
        </>
      )}

      <FormDrawer
        open={adding !== null}
        onClose={closeAdd}
        title="列入巡前问题清单"
        width={560}
        submitText="保存"
        pending={pending}
        onSubmit={() => itemForm.submit()}
      >
        <Form<ItemForm> form={itemForm} layout="vertical" onFinish={submitItem}>
          <Form.Item
            name="targetId"
            label="被巡察对象"
            rules={[{ required: true, message: "请选择被巡察对象" }]}
          >
            <Select
              disabled={!!adding?.answer}
              options={targets.map((t) => ({ value: t.id, label: t.name }))}
            />
          </Form.Item>
          <Form.Item
            name="title"
            label="问题"
            rules={[{ required: true, whitespace: true, message: "请概括问题" }, { max: 200 }]}
          >
            <Input placeholder="一句话概括需要核实的问题" />
          </Form.Item>
          <Form.Item name="description" label="情况说明">
            <Input.TextArea autoSize={{ minRows: 4, maxRows: 12 }} maxLength={5000} showCount />
          </Form.Item>
        </Form>
      </FormDrawer>

      <FormDrawer
        open={promoting !== null}
        onClose={closePromote}
        title="转为问题"
        width={600}
        submitText="转为问题"
        pending={pending}
        onSubmit={() => promoteForm.submit()}
      >
        <Form<PromoteForm> form={promoteForm} layout="vertical" onFinish={submitPromote}>
          <Form.Item
            name="title"
            label="问题标题"
            rules={[{ required: true, whitespace: true, message: "请填写问题标题" }, { max: 200 }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="classification"
            label="问题类别"
            rules={[{ required: true, type: "array", len: 2, message: "请选择分类体系和问题类别" }]}
          >
            <Cascader
              options={TAXONOMY_OPTIONS}
              placeholder="分类体系 / 问题类别"
              showSearch
              classNames={phone ? { popup: { root: "xc-cascader-phone" } } : undefined}
            />
          </Form.Item>
          <Form.Item name="severity" label="严重程度" rules={[{ required: true }]}>
            <Radio.Group
              optionType="button"
              options={SEVERITIES.keys.map((k) => ({ value: k, label: SEVERITIES.labels[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="description"
            label="问题描述"
            rules={[{ required: true, whitespace: true, message: "请填写问题描述" }]}
          >
            <Input.TextArea autoSize={{ minRows: 6, maxRows: 16 }} maxLength={20000} showCount />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
