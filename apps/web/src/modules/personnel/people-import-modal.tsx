import { InboxOutlined } from "@ant-design/icons";
import { Alert, Button, Modal, Progress, Result, Table, Typography, Upload } from "antd";
import { useState } from "react";
import { upload } from "../../app/api-client";
import { ApiError, type ImportRowError, importRowErrors } from "../../app/api-error";
import { PEOPLE_IMPORT_COLUMNS, type PeopleImportResult } from "./api";

type Phase =
  | { kind: "idle" }
  | { kind: "uploading"; name: string; percent: number }
  | { kind: "done"; result: PeopleImportResult }
  | { kind: "failed"; message: string; rows: ImportRowError[] };

/** Import the pools from the office's Excel file (巡察人员库): all or nothing, bad rows listed with reasons. */
export function PeopleImportModal({
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
      const result = await upload<PeopleImportResult>("/people/import", file, (percent) =>
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
      title="从 Excel 导入巡察人员库"
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
            表头可在前 30 行内，须有“姓名”“入库类别”（组长库 / 人才库）列；可选列：
            {PEOPLE_IMPORT_COLUMNS.filter((c) => c !== "姓名" && c !== "入库类别").join("、")}
            。导出的文件即可作为导入模板。任何一行有错，整个文件都不会导入。
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            姓名和出生年月与库中人员相同的行将更新该人员（空白单元格保留原值），不会重复入库。
            “回避情形”按“曾任职单位：县财政局 科员 2015-03至2019-06；亲属任职单位：配偶 李某 县卫健委
            副主任（班子成员）”
            识别为工作经历和亲属记录，无法识别的内容保存为回避情形备注；“参加巡察轮次”中系统已有记录以外的内容保存为备注。
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
          title={`已导入 ${phase.result.imported} 人`}
          subTitle={[
            `新入库 ${phase.result.created} 人，更新 ${phase.result.updated} 人`,
            phase.result.jobsAdded ? `新增工作经历 ${phase.result.jobsAdded} 条` : "",
            phase.result.relativesAdded ? `新增亲属记录 ${phase.result.relativesAdded} 条` : "",
            phase.result.withRecusalNote
              ? `${phase.result.withRecusalNote} 人的回避情形有未能识别的文字，已保存为备注`
              : "",
          ]
            .filter(Boolean)
            .join("；")}
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
