import { PlusOutlined } from "@ant-design/icons";
import { ROLE_LABELS } from "@xuncha/domain/model";
import { App, Button, Drawer, Form, Input, Select, Space, Tag, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDateTime } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { textSorter, totalText, valueFilters } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { TableToolbar } from "../../components/table-toolbar";
import { useDrawerWidth } from "../../components/use-drawer-width";
import { useGuardedClose } from "../../components/use-guarded-close";
import { AddressesModal } from "./addresses-modal";
import {
  type Account,
  type AccountList,
  type Committee,
  type CommitteeTree,
  flattenCommittees,
  type RoleAssignment,
  type RoleInput,
} from "./api";
import { RoleFields } from "./role-form";

interface AccountForm {
  username: string;
  displayName: string;
  password: string;
  committeeId?: string;
}

/** What is_head means for the role: the office head, or a target's principal. */
const headLabel = (role: string) => (role === "targetContact" ? "主要负责人" : "主任");

function roleText(r: RoleAssignment, committees: Committee[]): string {
  const label = r.label ?? ROLE_LABELS[r.role] ?? r.role;
  const committee = r.committeeName ?? committees.find((c) => c.id === r.committeeId)?.name;
  const extra = [r.isHead ? headLabel(r.role) : "", r.targetName ?? ""].filter(Boolean).join("，");
  return `${label}${committee ? ` · ${committee}` : ""}${extra ? `（${extra}）` : ""}`;
}

function CreateAccountDrawer({
  open,
  committees,
  onClose,
  onCreated,
}: {
  open: boolean;
  committees: Committee[];
  onClose: () => void;
  onCreated: () => void;
}) {
  const [form] = Form.useForm<AccountForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);
  const submit = async (v: AccountForm) => {
    const result = await run(() =>
      api.post<Account>("/accounts", {
        username: v.username.trim(),
        displayName: v.displayName.trim(),
        password: v.password,
        committeeId: v.committeeId ?? null,
      }),
    );
    if (result.ok) {
      notifySuccess(`已创建账号 ${v.username.trim()}，请由安全管理员分配角色`);
      form.resetFields();
      onCreated();
    }
  };
  return (
    <FormDrawer
      open={open}
      onClose={close}
      title="新建账号"
      width={480}
      submitText="创建"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form<AccountForm> form={form} layout="vertical" onFinish={submit} autoComplete="off">
        <Form.Item
          name="username"
          label="用户名"
          rules={[
            { required: true, whitespace: true, message: "请填写用户名" },
            { pattern: /^[A-Za-z0-9_.@-]{2,50}$/, message: "用户名为 2～50 位字母、数字或 _ . @ -" },
          ]}
        >
          <Input autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item
          name="password"
          label="初始密码"
          rules={[{ required: true, message: "请设置初始密码" }]}
          extra="须符合安全策略（长度、字符类型）；请当面告知本人并提醒修改。"
        >
          <Input.Password autoComplete="new-password" />
        </Form.Item>
        <Form.Item
          name="committeeId"
          label="所属党委"
          extra="系统管理员、安全管理员、审计管理员不属于任何党委。"
        >
          <Select
            allowClear
            options={committees.map((c) => ({ value: c.id, label: c.name }))}
            placeholder="无"
          />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}

function RolesDrawer({
  account,
  committees,
  canAssign,
  onClose,
  onChanged,
}: {
  account: Account | null;
  committees: Committee[];
  canAssign: boolean;
  onClose: () => void;
  onChanged: () => void;
}) {
  const [form] = Form.useForm<RoleInput>();
  const { modal } = App.useApp();
  const { run, pending } = useAction();
  const width = useDrawerWidth(520);

  const add = async (v: RoleInput) => {
    if (!account) return;
    const result = await run(() =>
      api.post(`/accounts/${account.id}/roles`, {
        role: v.role,
        committeeId: v.committeeId ?? null,
        targetId: v.targetId?.trim() || undefined,
        partnerDepartmentId: v.role === "partnerDept" ? v.partnerDepartmentId || undefined : undefined,
        isHead: v.role === "officeStaff" || v.role === "targetContact" ? (v.isHead ?? false) : undefined,
      }),
    );
    if (result.ok) {
      notifySuccess(`已为 ${account.displayName} 分配“${ROLE_LABELS[v.role]}”`);
      form.resetFields();
      onChanged();
    }
  };
  const remove = (r: RoleAssignment) => {
    if (!account) return;
    modal.confirm({
      title: "撤销角色？",
      content: `撤销后 ${account.displayName} 将不能再以“${ROLE_LABELS[r.role]}”身份访问相应数据。`,
      okText: "撤销",
      okButtonProps: { danger: true },
      cancelText: "取消",
      onOk: async () => {
        const result = await run(() => api.delete(`/accounts/${account.id}/roles/${r.id}`));
        if (result.ok) {
          notifySuccess("角色已撤销");
          onChanged();
        }
      },
    });
  };

  return (
    <Drawer
      open={account !== null}
      onClose={onClose}
      title={account ? `角色：${account.displayName}（${account.username}）` : ""}
      size={width}
      destroyOnHidden
    >
      {account && (
        <>
          <Typography.Title level={5}>已有角色</Typography.Title>
          {account.roles.length === 0 && <Typography.Text type="secondary">尚未分配角色</Typography.Text>}
          <Space orientation="vertical" style={{ width: "100%" }}>
            {account.roles.map((r) => (
              <div
                key={r.id}
                style={{ display: "flex", justifyContent: "space-between", alignItems: "center", gap: 8 }}
              >
                <span>{roleText(r, committees)}</span>
                {canAssign && (
                  <Button size="small" danger onClick={() => remove(r)}>
                    撤销
                  </Button>
                )}
              </div>
            ))}
          </Space>
          {canAssign && (
            <>
              <Typography.Title level={5} style={{ marginTop: 24 }}>
                分配角色
              </Typography.Title>
              <Typography.Paragraph type="secondary">
                三员分立：系统管理员、安全管理员、审计管理员不得由同一账号兼任。巡察组角色随巡察组成员自动产生，无需在此分配。
              </Typography.Paragraph>
              <Form<RoleInput> form={form} layout="vertical" onFinish={add}>
                <RoleFields committees={committees} />
                <Button type="primary" htmlType="submit" loading={pending}>
                  分配
                </Button>
              </Form>
            </>
          )}
        </>
      )}
    </Drawer>
  );
}

/** sysAdmin creates and disables accounts; securityAdmin assigns roles and scopes. */
export function AccountsPage() {
  const me = useMe();
  const { modal } = App.useApp();
  const accounts = useRequest<AccountList>("/accounts", { pageSize: 200 });
  const committees = useRequest<CommitteeTree>("/committees");
  const [creating, setCreating] = useState(false);
  const [rolesOf, setRolesOf] = useState<string | null>(null);
  const [addressesOf, setAddressesOf] = useState<Account | null>(null);
  const [shown, setShown] = useState<number>();
  const { run } = useAction();
  const items = accounts.data?.items ?? [];
  const committeeList = flattenCommittees(committees.data?.items);
  const isSysAdmin = accounts.data?.abilities?.create ?? hasRole(me, "sysAdmin");
  const canDisable = accounts.data?.abilities?.disable ?? hasRole(me, "sysAdmin");
  const isSecurityAdmin = accounts.data?.abilities?.assignRoles ?? hasRole(me, "securityAdmin");
  const committeeName = (a: Account) =>
    a.committeeName ?? committeeList.find((c) => c.id === a.committeeId)?.name;

  const enable = async (a: Account) => {
    const result = await run(() => api.post(`/accounts/${a.id}/enable`));
    if (result.ok) {
      notifySuccess(`已启用 ${a.username}`);
      accounts.reload();
    }
  };
  const disable = (a: Account) =>
    modal.confirm({
      title: `停用账号 ${a.username}？`,
      content: "停用后该账号立即不能登录，已登录的会话失效；账号及其操作记录保留。",
      okText: "停用",
      okButtonProps: { danger: true },
      cancelText: "取消",
      onOk: async () => {
        const result = await run(() => api.post(`/accounts/${a.id}/disable`));
        if (result.ok) {
          notifySuccess(`已停用 ${a.username}`);
          accounts.reload();
        }
      },
    });

  const columns: ColumnsType<Account> = [
    { title: "用户名", dataIndex: "username", fixed: "left", sorter: textSorter((a) => a.username) },
    { title: "姓名", dataIndex: "displayName", sorter: textSorter((a) => a.displayName) },
    {
      title: "所属党委",
      key: "committee",
      filters: valueFilters(items, (a) => committeeName(a) ?? "（无）"),
      onFilter: (v, a) => (committeeName(a) ?? "（无）") === v,
      render: (_, a) => committeeName(a) ?? "—",
    },
    {
      title: "角色",
      key: "roles",
      filters: Object.entries(ROLE_LABELS).map(([value, text]) => ({ text, value })),
      onFilter: (v, a) => a.roles.some((r) => r.role === v),
      render: (_, a) =>
        a.roles.length ? (
          <Space size={[4, 4]} wrap>
            {a.roles.map((r) => (
              <Tag key={r.id} title={roleText(r, committeeList)} style={{ marginInlineEnd: 0 }}>
                {r.label ?? ROLE_LABELS[r.role] ?? r.role}
                {r.isHead ? `（${headLabel(r.role)}）` : ""}
              </Tag>
            ))}
          </Space>
        ) : (
          <Typography.Text type="secondary">未分配</Typography.Text>
        ),
    },
    {
      title: "状态",
      key: "status",
      filters: [
        { text: "正常", value: "active" },
        { text: "已停用", value: "disabled" },
        { text: "已锁定", value: "locked" },
      ],
      onFilter: (v, a) => {
        const locked = !!a.lockedUntil && new Date(a.lockedUntil) > new Date();
        return v === "disabled" ? a.disabled : v === "locked" ? locked : !a.disabled && !locked;
      },
      render: (_, a) =>
        a.disabled ? (
          <Tag color="default">已停用</Tag>
        ) : a.lockedUntil && new Date(a.lockedUntil) > new Date() ? (
          <Tag color="red" title={`锁定至 ${formatDateTime(a.lockedUntil)}`}>
            已锁定
          </Tag>
        ) : (
          <Tag color="green">正常</Tag>
        ),
    },
    {
      title: "操作",
      key: "actions",
      fixed: "right",
      render: (_, a) => (
        <Space size={0}>
          <Button type="link" size="small" onClick={() => setRolesOf(a.id)}>
            {isSecurityAdmin ? "分配角色" : "查看角色"}
          </Button>
          {isSysAdmin && (
            <Button type="link" size="small" onClick={() => setAddressesOf(a)}>
              联系方式
            </Button>
          )}
          {canDisable && !a.disabled && a.id !== me.account.id && (
            <Button type="link" size="small" danger onClick={() => disable(a)}>
              停用
            </Button>
          )}
          {canDisable && a.disabled && (
            <Button type="link" size="small" onClick={() => enable(a)}>
              启用
            </Button>
          )}
        </Space>
      ),
    },
  ];

  return (
    <PageContainer
      title="账号与角色"
      extra={
        isSysAdmin && (
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            新建账号
          </Button>
        )
      }
    >
      {accounts.error ? (
        <LoadError error={accounts.error} onRetry={accounts.reload} />
      ) : (
        <>
          <TableToolbar countText={`共 ${shown ?? accounts.data?.total ?? items.length} 个账号`} />
          <DataTable<Account>
            rowKey="id"
            size="middle"
            loading={accounts.loading}
            columns={columns}
            dataSource={items}
            scroll={{ x: "max-content" }}
            onChange={(_p, _f, _s, extra) => setShown(extra.currentDataSource.length)}
            pagination={{ pageSize: 20, showSizeChanger: true, showTotal: totalText("个账号") }}
            locale={{ emptyText: "暂无账号" }}
          />
        </>
      )}
      <CreateAccountDrawer
        open={creating}
        committees={committeeList}
        onClose={() => setCreating(false)}
        onCreated={() => {
          setCreating(false);
          accounts.reload();
        }}
      />
      <AddressesModal
        account={addressesOf}
        onClose={() => setAddressesOf(null)}
        onSaved={() => {
          setAddressesOf(null);
          accounts.reload();
        }}
      />
      <RolesDrawer
        account={items.find((a) => a.id === rolesOf) ?? null}
        committees={committeeList}
        canAssign={isSecurityAdmin}
        onClose={() => setRolesOf(null)}
        onChanged={accounts.reload}
      />
    </PageContainer>
  );
}
