import { PlusOutlined } from "@ant-design/icons";
import { COMMITTEE_LEVELS, type CommitteeLevel } from "@xuncha/domain/model";
import { Button, Form, Input, Select, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { textSorter } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import { useGuardedClose } from "../../components/use-guarded-close";
import { type CommitteeNode, type CommitteeTree, flattenCommittees } from "./api";

interface CommitteeForm {
  name: string;
  level: CommitteeLevel;
  parentId?: string;
}

/** Tree rows for antd's table: a leaf has no `children` (an empty array would show an expander). */
const treeRows = (nodes: CommitteeNode[] | undefined): CommitteeNode[] =>
  (nodes ?? []).map((n) => ({ ...n, children: n.children?.length ? treeRows(n.children) : undefined }));

/** sysAdmin: the committees (tenants) of the installation, as a tree of upper and lower levels. */
export function CommitteesPage() {
  const tree = useRequest<CommitteeTree>("/committees");
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CommitteeForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, () => setCreating(false));
  const flat = flattenCommittees(tree.data?.items);
  const canCreate = tree.data?.abilities?.create ?? true;
  const level = Form.useWatch("level", form);
  const rank = (l: CommitteeLevel) => COMMITTEE_LEVELS.keys.indexOf(l);

  const submit = async (v: CommitteeForm) => {
    const result = await run(() =>
      api.post("/committees", { name: v.name.trim(), level: v.level, parentId: v.parentId ?? null }),
    );
    if (result.ok) {
      notifySuccess(`已创建${v.name.trim()}`);
      form.resetFields();
      setCreating(false);
      tree.reload();
    }
  };

  const columns: ColumnsType<CommitteeNode> = [
    { title: "党委名称", dataIndex: "name", sorter: textSorter((c) => c.name) },
    {
      title: "层级",
      dataIndex: "level",
      render: (l: CommitteeLevel, c) => <Tag>{c.levelLabel ?? COMMITTEE_LEVELS.labels[l] ?? l}</Tag>,
    },
    {
      title: "下级党委",
      key: "children",
      align: "right",
      render: (_, c) => `${c.children?.length ?? 0} 个`,
    },
  ];

  return (
    <PageContainer
      title="党委管理"
      extra={
        canCreate && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建党委
          </Button>
        )
      }
    >
      {tree.error ? (
        <LoadError error={tree.error} onRetry={tree.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${flat.length} 个党委`} />
          <DataTable<CommitteeNode>
            rowKey="id"
            size="middle"
            loading={tree.loading}
            columns={columns}
            dataSource={treeRows(tree.data?.items)}
            expandable={{ defaultExpandAllRows: true }}
            scroll={{ x: "max-content" }}
            pagination={false}
            locale={{ emptyText: "尚未创建党委。新安装请先创建本级党委，再创建账号。" }}
          />
        </>
      )}
      <FormDrawer
        open={creating}
        onClose={close}
        title="新建党委"
        width={480}
        submitText="创建"
        pending={pending}
        onSubmit={() => form.submit()}
      >
        <Form<CommitteeForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ level: "county" }}
        >
          <Form.Item
            name="name"
            label="党委名称"
            rules={[{ required: true, whitespace: true, message: "请填写党委名称" }]}
          >
            <Input maxLength={100} placeholder="如：中共某某县委员会" />
          </Form.Item>
          <Form.Item name="level" label="层级" rules={[{ required: true, message: "请选择层级" }]}>
            <Select
              options={COMMITTEE_LEVELS.keys.map((k) => ({ value: k, label: COMMITTEE_LEVELS.labels[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="parentId"
            label="上级党委"
            extra="上级须比本级层级高；上级巡察机构可查看下级的汇总统计。"
          >
            <Select
              allowClear
              placeholder="无"
              options={flat
                .filter((c) => !level || rank(c.level) < rank(level))
                .map((c) => ({ value: c.id, label: `${"　".repeat(c.depth)}${c.name}` }))}
            />
          </Form.Item>
        </Form>
      </FormDrawer>
    </PageContainer>
  );
}
