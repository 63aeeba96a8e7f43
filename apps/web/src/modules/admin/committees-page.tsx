import { PlusOutlined } from "@ant-design/icons";
import { COMMITTEE_LEVELS, type CommitteeLevel } from "@xuncha/domain/model";
import { Button, Drawer, Form, Input, Select, Space, Table, Tag } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { asPaged, type Paged } from "../../app/paged";
import { labelFilters, textSorter, totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import { useDrawerWidth } from "../../components/use-drawer-width";
import { useGuardedClose } from "../../components/use-guarded-close";
import type { Committee } from "./api";

interface CommitteeForm {
  name: string;
  level: CommitteeLevel;
  parentId?: string;
}

/** sysAdmin: the committees (tenants) of the installation, as a tree of upper and lower levels. */
export function CommitteesPage() {
  const committees = useRequest<Paged<Committee> | Committee[]>("/committees");
  const [creating, setCreating] = useState(false);
  const [form] = Form.useForm<CommitteeForm>();
  const { run, pending } = useAction();
  const width = useDrawerWidth(480);
  const close = useGuardedClose(form, () => setCreating(false));
  const items = asPaged(committees.data).items;
  const nameOf = (id: string | null) => items.find((c) => c.id === id)?.name;

  const submit = async (v: CommitteeForm) => {
    const result = await run(() =>
      api.post<Committee>("/committees", {
        name: v.name.trim(),
        level: v.level,
        parentId: v.parentId ?? null,
      }),
    );
    if (result.ok) {
      notifySuccess(`已创建${v.name.trim()}`);
      form.resetFields();
      setCreating(false);
      committees.reload();
    }
  };

  const columns: ColumnsType<Committee> = [
    { title: "党委名称", dataIndex: "name", sorter: textSorter((c) => c.name) },
    {
      title: "层级",
      dataIndex: "level",
      filters: labelFilters(COMMITTEE_LEVELS.labels),
      onFilter: (v, c) => c.level === v,
      render: (l: CommitteeLevel) => <Tag>{COMMITTEE_LEVELS.labels[l] ?? l}</Tag>,
    },
    {
      title: "上级党委",
      key: "parent",
      sorter: textSorter((c) => c.parentName ?? nameOf(c.parentId)),
      render: (_, c) => c.parentName ?? nameOf(c.parentId) ?? "—",
    },
  ];

  return (
    <PageContainer
      title="党委管理"
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          新建党委
        </Button>
      }
    >
      {committees.error ? (
        <LoadError error={committees.error} onRetry={committees.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${items.length} 个党委`} />
          <Table<Committee>
            rowKey="id"
            size="middle"
            loading={committees.loading}
            columns={columns}
            dataSource={items}
            scroll={{ x: "max-content" }}
            pagination={{ pageSize: 20, hideOnSinglePage: true, showTotal: totalText("个党委") }}
            locale={{ emptyText: "尚未创建党委。新安装请先创建本级党委，再创建账号。" }}
          />
        </>
      )}
      <Drawer
        open={creating}
        onClose={close}
        title="新建党委"
        size={width}
        destroyOnHidden
        footer={
          <Space>
            <Button onClick={close}>取消</Button>
            <Button type="primary" loading={pending} onClick={() => form.submit()}>
              创建
            </Button>
          </Space>
        }
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
          <Form.Item name="parentId" label="上级党委" extra="上级巡察机构可查看下级的汇总统计。">
            <Select
              allowClear
              options={items.map((c) => ({ value: c.id, label: c.name }))}
              placeholder="无"
            />
          </Form.Item>
        </Form>
      </Drawer>
    </PageContainer>
  );
}
