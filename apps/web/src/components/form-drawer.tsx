import { Button, Drawer, Space } from "antd";
import type { ReactNode } from "react";
import { useDrawerWidth } from "./use-drawer-width";

/**
 * A drawer holding one form, with 取消 and a primary submit button in its footer; full screen on a phone.
 * `onSubmit` is usually `() => form.submit()`, so the form's own validation runs first.
 */
export function FormDrawer({
  open,
  onClose,
  title,
  width,
  submitText,
  pending,
  onSubmit,
  children,
}: {
  open: boolean;
  onClose: () => void;
  title: ReactNode;
  /** Width on a desktop screen, in pixels. */
  width: number;
  submitText: string;
  pending: boolean;
  onSubmit: () => void;
  children: ReactNode;
}) {
  const size = useDrawerWidth(width);
  return (
    <Drawer
      open={open}
      onClose={onClose}
      title={title}
      size={size}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>取消</Button>
          <Button type="primary" loading={pending} onClick={onSubmit}>
            {submitText}
          </Button>
        </Space>
      }
    >
      {children}
    </Drawer>
  );
}
