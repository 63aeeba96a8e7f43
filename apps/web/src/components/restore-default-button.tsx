import { App, Button } from "antd";

/**
 * 恢复默认 of a settings card: asks first (what the committee's own changes were and what happens to
 * the records already made), then drops the committee's value so the system default applies.
 */
export function RestoreDefaultButton({
  disabled,
  title,
  content,
  onRestore,
}: {
  disabled?: boolean | undefined;
  title: string;
  content: string;
  onRestore: () => unknown;
}) {
  const { modal } = App.useApp();
  return (
    <Button
      disabled={disabled}
      onClick={() =>
        modal.confirm({ title, content, okText: "恢复默认", cancelText: "取消", onOk: onRestore })
      }
    >
      恢复默认
    </Button>
  );
}
