import { Button, Space } from "antd";
import { RestoreDefaultButton } from "./restore-default-button";

/** The buttons under a settings card: save, discard the changes, restore the system default. */
export function SaveButtons({
  pending,
  valid,
  dirty,
  isDefault,
  onSave,
  onDiscard,
  restoreTitle,
  restoreContent,
  onRestore,
  saveText = "保存",
}: {
  pending: boolean;
  /** The draft passes the card's checks. */
  valid: boolean;
  dirty: boolean;
  isDefault: boolean | undefined;
  onSave: () => void;
  onDiscard: () => void;
  restoreTitle: string;
  restoreContent: string;
  onRestore: () => unknown;
  saveText?: string;
}) {
  return (
    <Space wrap>
      <Button type="primary" loading={pending} disabled={!valid || !dirty} onClick={onSave}>
        {saveText}
      </Button>
      <Button disabled={!dirty || pending} onClick={onDiscard}>
        放弃修改
      </Button>
      <RestoreDefaultButton
        disabled={pending || isDefault}
        title={restoreTitle}
        content={restoreContent}
        onRestore={onRestore}
      />
    </Space>
  );
}
