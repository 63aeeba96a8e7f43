import { LockOutlined, UserOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Form, Input, Tag, Typography } from "antd";
import { useState } from "react";
import { Navigate, useLocation, useNavigate } from "react-router-dom";
import { ApiError } from "../../app/api-error";
import { PageLoading } from "../../app/app-layout";
import { useAuth } from "../../app/auth";
import { homePath } from "../../app/navigation";
import { useRequest } from "../../app/use-request";

interface DemoAccounts {
  demo: boolean;
  accounts: { username: string; role: string; name: string; password: string }[];
}

interface LoginForm {
  username: string;
  password: string;
}

export function LoginPage() {
  const { state, login } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const [form] = Form.useForm<LoginForm>();
  const [error, setError] = useState<string>();
  const [pending, setPending] = useState(false);
  const demo = useRequest<DemoAccounts>("/auth/demo-accounts");
  const from = (location.state as { from?: string } | null)?.from;

  if (state.status === "loading") return <PageLoading />;
  if (state.status === "authenticated") return <Navigate to={from ?? homePath(state.me)} replace />;

  const onFinish = async (values: LoginForm) => {
    setPending(true);
    setError(undefined);
    try {
      const me = await login(values.username.trim(), values.password);
      navigate(from && from !== "/login" ? from : homePath(me), { replace: true });
    } catch (e) {
      setError(e instanceof ApiError ? e.message : "登录失败，请稍后重试");
    } finally {
      setPending(false);
    }
  };

  return (
    <main className="xc-login">
      <div style={{ width: "100%" }}>
        <div style={{ textAlign: "center", color: "#fff", marginBottom: 20 }}>
          <div style={{ fontSize: 26, fontWeight: 600, letterSpacing: 2 }}>巡察工作信息系统</div>
          <div style={{ opacity: 0.85, marginTop: 4 }}>巡察准备 · 巡察了解 · 反馈移交 · 整改督办</div>
        </div>
        <div className="xc-login-grid">
          <Card>
            <Typography.Title level={4} style={{ marginTop: 0 }}>
              账号登录
            </Typography.Title>
            {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 16 }} role="alert" />}
            <Form<LoginForm>
              form={form}
              layout="vertical"
              onFinish={onFinish}
              requiredMark={false}
              size="large"
            >
              <Form.Item
                name="username"
                label="用户名"
                rules={[{ required: true, whitespace: true, message: "请输入用户名" }]}
              >
                <Input prefix={<UserOutlined />} autoComplete="username" autoFocus />
              </Form.Item>
              <Form.Item name="password" label="密码" rules={[{ required: true, message: "请输入密码" }]}>
                <Input.Password prefix={<LockOutlined />} autoComplete="current-password" />
              </Form.Item>
              <Button type="primary" htmlType="submit" block loading={pending}>
                登录
              </Button>
            </Form>
          </Card>
          {demo.data?.demo && demo.data.accounts.length > 0 && (
            <Card
              size="small"
              title="演示账号（点击填入）"
              extra={<Typography.Text type="secondary">仅演示模式显示</Typography.Text>}
            >
              <div style={{ display: "grid", gap: 4 }}>
                {demo.data.accounts.map((a) => (
                  <Button
                    key={a.username}
                    type="text"
                    block
                    style={{
                      display: "flex",
                      justifyContent: "space-between",
                      height: "auto",
                      padding: "6px 4px",
                    }}
                    onClick={() => form.setFieldsValue({ username: a.username, password: a.password })}
                    aria-label={`使用演示账号 ${a.username}（${a.role}）`}
                  >
                    <span>
                      <Typography.Text code>{a.username}</Typography.Text> {a.name}
                    </span>
                    <Tag style={{ marginInlineEnd: 0, whiteSpace: "normal" }}>{a.role}</Tag>
                  </Button>
                ))}
              </div>
            </Card>
          )}
        </div>
      </div>
    </main>
  );
}
