import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Progress, Result, Table, Typography, Upload } from "antd";
import { type ReactNode, useState } from "react";
import { upload } from "../app/api-client";
import { ApiError, type ImportRowError, importRowErrors } from "../app/api-error";

type Phase<R> =
  | { kind: "idle" }
  | { kind: "uploading"; name: string; percent: number }
  | { kind: "done"; result: R }
  | { kind: "failed"; message: string; rows: ImportRowError[] };

/**
 * Imports an office's Excel ledger: all or nothing, bad rows listed with their row, column and reason.
 * The caller says where the file goes, what the layout needs, and how to tell the result.
 */
export function ExcelImportModal<R>({
  open,
  title,
  url,
  instructions,
  summary,
  onClose,
  onImported,
}: {
  open: boolean;
  title: string;
  /** The import route, e.g. "/targets/import". */
  url: string;
  /** The expected layout, shown before a file is chosen (the all-or-nothing rule is added). */
  instructions: ReactNode;
  /** The success title and subtitle from the server's result. */
  summary: (result: R) => { title: string; subTitle?: string | undefined };
  onClose: () => void;
  onImported: () => void;
}) {
  const [phase, setPhase] = useState<Phase<R>>({ kind: "idle" });

  const start = async (file: File) => {
    setPhase({ kind: "uploading", name: file.name, percent: 0 });
    try {
      const result = await upload<R>(url, file, (percent) =>
        setPhase({ kind: "uploading", name: file.name, percent }),
      );
      setPhase({ kind: "done", result });
      onImported();
    } catch (e) {
      const error = e instanceof ApiError ? e : undefined;
      setPhase({
        kind: "failed",
        message: error?.message ?? "导入失败，请稍后重试",
        rows: error ? importRowErrors(error.details) : [],
      });
    }
  };

  const close = () => {
    if (phase.kind === "uploading") return;
    setPhase({ kind: "idle" });
    onClose();
  };

  return (
    <Modal
      open={open}
      title={title}
      onCancel={close}
      width={720}
      footer={
        phase.kind === "uploading" ? null : (
          <>
            {phase.kind !== "idle" && (
              <Button onClick={() => setPhase({ kind: "idle" })}>重新选择文件</Button>
            )}
            <Button type="primary" onClick={close}>
              {phase.kind === "done" ? "完成" : "关闭"}
            </Button>
          </>
        )
      }
      destroyOnHidden
    >
      {phase.kind === "idle" && (
        <>
          {instructions}
          <Typography.Paragraph>
            导出的文件即可作为导入模板。任何一行有错，整个文件都不会导入。
          </Typography.Paragraph>
          <Upload.Dragger
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void start(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">点击或拖拽 .xlsx 文件到此处</p>
            <p className="ant-upload-hint">单个文件，不超过上传大小限制</p>
          </Upload.Dragger>
        </>
      )}
      {phase.kind === "uploading" && (
        <div style={{ padding: "24px 0" }} aria-live="polite">
          <Typography.Paragraph>
            正在上传并校验“{phase.name}”{phase.percent >= 100 ? "，服务器正在逐行校验…" : "…"}
          </Typography.Paragraph>
          <Progress percent={phase.percent} status="active" />
        </div>
      )}
      {phase.kind === "done" && <Result status="success" {...summary(phase.result)} />}
      {phase.kind === "failed" && (
        <>
          <Alert type="error" showIcon title={phase.message} style={{ marginBottom: 12 }} role="alert" />
          {phase.rows.length > 0 && (
            <Table<ImportRowError>
              size="small"
              rowKey={(r) => `${r.row}-${r.column}-${r.message}`}
              dataSource={phase.rows}
              pagination={{ pageSize: 10, hideOnSinglePage: true, showTotal: (t) => `共 ${t} 处错误` }}
              scroll={{ x: "max-content" }}
              columns={[
                { title: "行号", dataIndex: "row", width: 80, render: (r: number) => `第 ${r} 行` },
                { title: "列", dataIndex: "column", width: 140, render: (c: string) => c || "—" },
                { title: "原因", dataIndex: "message" },
              ]}
            />
          )}
        </>
      )}
    </Modal>
  );
}
