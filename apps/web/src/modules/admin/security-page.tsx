import { Alert, Button, Card, Form, InputNumber } from "antd";
import { useEffect } from "react";
import { api } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import type { SecurityPolicy } from "./api";

/** securityAdmin: password and lockout policy of the installation. */
export function SecurityPage() {
  const policy = useRequest<SecurityPolicy>("/settings/security");
  const [form] = Form.useForm<SecurityPolicy>();
  const { run, pending } = useAction();
  useEffect(() => {
    if (policy.data) form.setFieldsValue(policy.data);
  }, [policy.data, form]);

  if (policy.error) return <LoadError error={policy.error} onRetry={policy.reload} />;
  if (!policy.data) return <PageLoading />;

  const submit = async (v: SecurityPolicy) => {
    const result = await run(() => api.put<SecurityPolicy>("/settings/security", v));
    if (result.ok) {
      notifySuccess("安全策略已保存");
      if (result.value && typeof result.value === "object") policy.setData({ ...v, ...result.value });
      form.resetFields();
      form.setFieldsValue({ ...v, ...(result.value ?? {}) });
    }
  };

  return (
    <PageContainer title="安全策略">
      <Card style={{ maxWidth: 640 }}>
        <Alert
          type="info"
          showIcon
          style={{ marginBottom: 16 }}
          title="修改将记入审计日志。新的密码规则在下次设置密码时生效；锁定规则立即生效。"
        />
        <Form<SecurityPolicy> form={form} layout="vertical" onFinish={submit}>
          <Form.Item
            name="minPasswordLength"
            label="密码最小长度"
            rules={[{ required: true, message: "请填写密码最小长度" }]}
            extra="等级保护要求一般不少于 8 位，建议 10 位以上，并包含大小写字母、数字和符号中的三类。"
          >
            <InputNumber min={8} max={64} precision={0} suffix="位" style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item
            name="maxFailedLogins"
            label="连续登录失败锁定次数"
            rules={[{ required: true, message: "请填写锁定次数" }]}
          >
            <InputNumber min={3} max={20} precision={0} suffix="次" style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item
            name="lockoutMinutes"
            label="锁定时长"
            rules={[{ required: true, message: "请填写锁定时长" }]}
          >
            <InputNumber min={1} max={1440} precision={0} suffix="分钟" style={{ width: "100%" }} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={pending}>
            保存
          </Button>
        </Form>
      </Card>
    </PageContainer>
  );
}
