import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Progress, Result, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { upload } from "../../app/api-client";
import { ApiError, type ImportRowError, importRowErrors } from "../../app/api-error";
import { TARGET_IMPORT_COLUMNS, type TargetImportResult } from "./api";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; name: string; percent: number }
  | { kind: "done"; result: TargetImportResult }
  | { kind: "failed"; message: string; rows: ImportRowError[] };

/** Import the registry from the office's Excel file: all or nothing, bad rows listed with reasons. */
export function TargetImportModal({
  open,
  onClose,
  onImported,
}: {
  open: boolean;
  onClose: () => void;
  onImported: () => void;
}) {
  const [phase, setPhase] = useState<Phase>({ kind: "idle" });

  const start = async (file: File) => {
    setPhase({ kind: "uploading", name: file.name, percent: 0 });
    try {
      const result = await upload<TargetImportResult>("/targets/import", file, (percent) =>
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
      title="从 Excel 导入被巡察对象"
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
          <Typography.Paragraph>
            表头可在前 30 行内，须有“党组织名称”列；可选列：
            {TARGET_IMPORT_COLUMNS.filter((c) => c !== "党组织名称").join("、")}
            。导出的文件即可作为导入模板。任何一行有错，整个文件都不会导入。
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
      {phase.kind === "done" && (
        <Result
          status="success"
          title={`已导入 ${phase.result.imported} 个被巡察对象`}
          subTitle={
            phase.result.linkedToTownship > 0
              ? `其中 ${phase.result.linkedToTownship} 个村(社区)已关联到所属乡镇(街道)。`
              : undefined
          }
        />
      )}
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
