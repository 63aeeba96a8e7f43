import { Alert, Button, Card, Form, Input, Typography } from "antd";
import type { ReactNode } from "react";

/**
 * The first step of the public questionnaires (问卷测评, 作风评价): the one-time code handed on a
 * slip, typed in capitals, sent in a request body only. Opens once 16 letters and digits are typed.
 */
export function OneTimeCodeForm({
  label,
  intro,
  submitText,
  code,
  onCodeChange,
  error,
  pending,
  onOpen,
}: {
  /** 测评码, 评价码 */
  label: string;
  intro: ReactNode;
  submitText: string;
  code: string;
  onCodeChange: (code: string) => void;
  error: string | null;
  pending: boolean;
  onOpen: () => void;
}) {
  return (
    <Card>
      <Typography.Paragraph>{intro}</Typography.Paragraph>
      <Form layout="vertical" onFinish={onOpen}>
        <Form.Item label={label} required>
          <Input
            size="large"
            value={code}
            onChange={(e) => onCodeChange(e.target.value.toUpperCase())}
            placeholder="XXXX-XXXX-XXXX-XXXX"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={40}
            aria-label={label}
          />
        </Form.Item>
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} role="alert" />}
        <Button
          type="primary"
          size="large"
          block
          htmlType="submit"
          loading={pending}
          disabled={code.replace(/[^A-Za-z0-9]/g, "").length < 16}
        >
          {submitText}
        </Button>
      </Form>
    </Card>
  );
}
