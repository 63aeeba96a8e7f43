import { PlusOutlined } from "@ant-design/icons";
import { DOCUMENT_KINDS, type DocumentKind } from "@xuncha/domain/model";
import { Alert, App, Button, Card, Form, Input, Select, Space, Tag } from "antd";
import { useEffect, useState } from "react";
import { api } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import type { NumberingRegister, NumberingRegisters } from "./api";

interface RegisterForm {
  issuer: string;
  prefix: string;
  kinds: DocumentKind[];
}

const kindOptions = DOCUMENT_KINDS.keys.map((k) => ({ value: k, label: DOCUMENT_KINDS.labels[k] }));

function RegisterDrawer({
  editing,
  open,
  onClose,
  onSaved,
}: {
  editing: NumberingRegister | null;
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<RegisterForm>();
  const { run, pending } = useAction();
  useEffect(() => {
    if (open) form.setFieldsValue(editing ?? { issuer: "", prefix: "", kinds: [] });
  }, [open, editing, form]);
  const submit = async (v: RegisterForm) => {
    const body = { issuer: v.issuer.trim(), prefix: v.prefix.trim(), kinds: v.kinds };
    const result = await run(() =>
      editing
        ? api.patch<NumberingRegister>(`/numbering-registers/${editing.id}`, body)
        : api.post<NumberingRegister>("/numbering-registers", body),
    );
    if (result.ok) {
      notifySuccess(editing ? "发文字号已修改" : "发文字号已添加");
      onSaved();
    }
  };
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title={editing ? "修改发文字号" : "添加发文字号"}
      width={480}
      submitText="保存"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form form={form} layout="vertical" name="register" onFinish={submit}>
        <Form.Item
          name="issuer"
          label="发文机关"
          rules={[{ required: true, whitespace: true, message: "请填写发文机关" }]}
          extra="用于版头（发文机关标志：发文机关 + “文件”）和落款，如：中共××县委巡察工作领导小组"
        >
          <Input maxLength={60} />
        </Form.Item>
        <Form.Item
          name="prefix"
          label="发文代字"
          rules={[
            { required: true, whitespace: true, message: "请填写发文代字" },
            { pattern: /^[^〔〕\s]+$/, message: "发文代字不能含六角括号或空格" },
          ]}
          extra="发文字号为：代字〔年份〕序号号，如：县巡组发〔2026〕3号；序号每年从 1 开始"
        >
          <Input maxLength={20} />
        </Form.Item>
        <Form.Item name="kinds" label="适用文种" rules={[{ required: true, message: "请至少选择一个文种" }]}>
          <Select mode="multiple" options={kindOptions} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

/** Office: the committee's numbering registers (发文字号设置). */
export function RegistersPage() {
  const registers = useRequest<NumberingRegisters>("/numbering-registers");
  const { modal } = App.useApp();
  const { run } = useAction();
  const [editing, setEditing] = useState<NumberingRegister | null>(null);
  const [open, setOpen] = useState(false);

  if (registers.error) return <LoadError error={registers.error} onRetry={registers.reload} />;
  if (!registers.data) return <PageLoading />;
  const { items, fallback } = registers.data;

  const remove = (r: NumberingRegister) =>
    modal.confirm({
      title: `删除发文字号“${r.prefix}”？`,
      okText: "删除",
      okButtonProps: { danger: true },
      cancelText: "取消",
      onOk: async () => {
        const result = await run(() => api.delete(`/numbering-registers/${r.id}`));
        if (result.ok) {
          notifySuccess("已删除");
          registers.reload();
        }
      },
    });

  const served = new Set(items.flatMap((r) => r.kinds));
  const unserved = fallback.kinds.filter((k) => !served.has(k));
  // Kinds with no register and no automatic one: documents of that kind cannot be issued yet.
  const missing = DOCUMENT_KINDS.keys.filter((k) => !served.has(k) && !fallback.kinds.includes(k));
  return (
    <PageContainer
      title="发文字号设置"
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => {
            setEditing(null);
            setOpen(true);
          }}
        >
          添加发文字号
        </Button>
      }
    >
      <Space orientation="vertical" size={16} style={{ width: "100%" }}>
        {unserved.length > 0 && (
          <Alert
            type="info"
            showIcon
            title={`${unserved.map((k) => DOCUMENT_KINDS.labels[k]).join("、")}尚未设置发文字号：首次发文时将自动使用“${fallback.prefix}〔年份〕序号号”，发文机关为“${fallback.issuer}”。`}
          />
        )}
        {missing.length > 0 && (
          <Alert
            type="warning"
            showIcon
            title={`${missing.map((k) => DOCUMENT_KINDS.labels[k]).join("、")}尚未设置发文字号，设置前不能生成该文种的公文：请添加发文字号，或在已有发文字号的“适用文种”中勾选。`}
          />
        )}
        <Card size="small">
          <DataTable<NumberingRegister>
            rowKey="id"
            dataSource={items}
            pagination={false}
            locale={{ emptyText: "尚未设置发文字号" }}
            columns={[
              { title: "发文代字", dataIndex: "prefix", render: (p: string) => `${p}〔年份〕序号号` },
              { title: "发文机关", dataIndex: "issuer" },
              {
                title: "适用文种",
                dataIndex: "kinds",
                render: (kinds: DocumentKind[]) => (
                  <Space wrap size={4}>
                    {kinds.map((k) => (
                      <Tag key={k} style={{ marginInlineEnd: 0 }}>
                        {DOCUMENT_KINDS.labels[k] ?? k}
                      </Tag>
                    ))}
                  </Space>
                ),
              },
              { title: "已发文", dataIndex: "issued", align: "right", render: (n: number) => `${n} 件` },
              {
                title: "操作",
                key: "actions",
                fixed: "right",
                render: (_: unknown, r) => (
                  <Space size={0}>
                    <Button
                      type="link"
                      size="small"
                      onClick={() => {
                        setEditing(r);
                        setOpen(true);
                      }}
                    >
                      修改
                    </Button>
                    {r.abilities.delete && (
                      <Button type="link" size="small" danger onClick={() => remove(r)}>
                        删除
                      </Button>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        </Card>
      </Space>
      <RegisterDrawer
        editing={editing}
        open={open}
        onClose={() => setOpen(false)}
        onSaved={() => {
          setOpen(false);
          registers.reload();
        }}
      />
    </PageContainer>
  );
}
