import { App } from "antd";
import { useEffect } from "react";
import { useBlocker } from "react-router-dom";

/** Leaving the page (in the app or closing the tab) with unsaved changes asks first. */
export function useUnsavedPrompt(dirty: boolean, message = "填写的内容尚未提交，确定离开此页面吗？") {
  const { modal } = App.useApp();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirty && currentLocation.pathname !== nextLocation.pathname,
  );

  useEffect(() => {
    if (blocker.state !== "blocked") return;
    modal.confirm({
      title: "离开此页面？",
      content: message,
      okText: "离开",
      cancelText: "留下",
      onOk: () => blocker.proceed(),
      onCancel: () => blocker.reset(),
    });
  }, [blocker, modal, message]);

  useEffect(() => {
    if (!dirty) return;
    const handler = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener("beforeunload", handler);
    return () => window.removeEventListener("beforeunload", handler);
  }, [dirty]);
}
