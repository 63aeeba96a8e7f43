import type { FormInstance } from "antd";
import { App } from "antd";
import { useCallback } from "react";

/** Closing a form with changes asks first (UX.md: leaving with unsaved changes asks). */
export function useGuardedClose(form: FormInstance, onClose: () => void) {
  const { modal } = App.useApp();
  return useCallback(() => {
    if (!form.isFieldsTouched()) {
      onClose();
      return;
    }
    modal.confirm({
      title: "放弃未保存的修改？",
      content: "关闭后，本次填写的内容将丢失。",
      okText: "放弃修改",
      okButtonProps: { danger: true },
      cancelText: "继续填写",
      onOk: onClose,
    });
  }, [form, modal, onClose]);
}
