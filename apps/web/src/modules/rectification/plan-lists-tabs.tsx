import { UploadOutlined } from "@ant-design/icons";
import { Button, Card, Space, Tabs, Typography } from "antd";
import type { ColumnsType } from "antd/es/table";
import { useState } from "react";
import { formatDate } from "../../app/format";
import { DataTable } from "../../components/data-table";
import { ExcelImportModal } from "../../components/excel-import-modal";
import { ExportButton } from "../../components/export-button";
import {
  type ProblemRow,
  problemList,
  type ResponsibilityRow,
  responsibilityList,
  type TaskRow,
  taskList,
} from "./plan-lists";
import { isPlanDraft, type PlanDraft, type SubjectDetail } from "./review-api";

const dash = (s: string) => s || "—";

const PROBLEM_COLUMNS: ColumnsType<ProblemRow> = [
  { title: "序号", dataIndex: "number", width: 64 },
  { title: "问题", dataIndex: "title", width: 280 },
  { title: "类别", dataIndex: "category", width: 140 },
  { title: "措施数", dataIndex: "measureCount", width: 80 },
  { title: "责任领导", dataIndex: "leaders", width: 140, render: dash },
  { title: "完成时限", dataIndex: "deadline", width: 120, render: (d: string) => formatDate(d) },
  { title: "常态化", dataIndex: "longTerm", width: 80, render: (b: boolean) => (b ? "是" : "否") },
];

const TASK_COLUMNS: ColumnsType<TaskRow> = [
  { title: "编号", dataIndex: "label", width: 140 },
  { title: "整改措施", dataIndex: "content", width: 320 },
  { title: "整改目标", dataIndex: "goal", width: 220, render: dash },
  { title: "整改时限", dataIndex: "deadline", width: 120, render: (d: string) => formatDate(d) },
  { title: "常态化", dataIndex: "longTerm", width: 80, render: (b: boolean) => (b ? "是" : "否") },
];

const RESPONSIBILITY_COLUMNS: ColumnsType<ResponsibilityRow> = [
  { title: "编号", dataIndex: "label", width: 140 },
  { title: "整改措施", dataIndex: "content", width: 320 },
  { title: "责任领导", dataIndex: "responsibleLeader", width: 120, render: dash },
  { title: "责任部门", dataIndex: "responsibleDept", width: 140, render: dash },
  { title: "责任人", dataIndex: "responsiblePerson", width: 100, render: dash },
  { title: "整改时限", dataIndex: "deadline", width: 120, render: (d: string) => formatDate(d) },
];

/**
 * 问题清单 / 任务清单 / 责任清单: three views of the plan's measures, exported together as the
 * committee's 整改台账 workbook and imported from the same layout (all or nothing).
 */
export function PlanListsTabs({
  subjectId,
  title,
  draft,
  editable,
  onImported,
}: {
  subjectId: string;
  title: string;
  draft: PlanDraft;
  editable: boolean;
  onImported: () => void;
}) {
  const [importing, setImporting] = useState(false);
  const pagination = { pageSize: 20, hideOnSinglePage: true };
  return (
    <Card
      size="small"
      title="三张清单"
      extra={
        <Space wrap>
          <ExportButton
            path={`/rectification/subjects/${subjectId}/lists.xlsx`}
            query={{}}
            fileName={`${title}.xlsx`}
          />
          {editable && (
            <Button icon={<UploadOutlined />} onClick={() => setImporting(true)}>
              导入整改台账
            </Button>
          )}
        </Space>
      }
    >
      <Tabs
        items={[
          {
            key: "problems",
            label: "问题清单",
            children: (
              <DataTable<ProblemRow>
                rowKey="key"
                dataSource={problemList(draft)}
                columns={PROBLEM_COLUMNS}
                pagination={pagination}
              />
            ),
          },
          {
            key: "tasks",
            label: "任务清单",
            children: (
              <DataTable<TaskRow>
                rowKey="key"
                dataSource={taskList(draft)}
                columns={TASK_COLUMNS}
                pagination={pagination}
              />
            ),
          },
          {
            key: "responsibilities",
            label: "责任清单",
            children: (
              <DataTable<ResponsibilityRow>
                rowKey="key"
                dataSource={responsibilityList(draft)}
                columns={RESPONSIBILITY_COLUMNS}
                pagination={pagination}
              />
            ),
          },
        ]}
      />
      <ExcelImportModal<SubjectDetail>
        open={importing}
        title="导入整改台账"
        url={`/rectification/subjects/${subjectId}/import`}
        instructions={
          <Typography.Paragraph>
            按本委员会的整改台账格式填写：每行一条整改措施，写明问题序号、整改措施、整改目标、责任领导、责任部门、责任人、整改时限和是否常态化。导入后，方案中的措施以文件为准。
          </Typography.Paragraph>
        }
        summary={(r) => {
          // The import answers with the plan as it now stands.
          const n = isPlanDraft(r.draft) ? taskList(r.draft).length : undefined;
          return {
            title: "整改台账已导入",
            subTitle: n === undefined ? undefined : `方案现有 ${n} 条整改措施`,
          };
        }}
        onClose={() => setImporting(false)}
        onImported={onImported}
      />
    </Card>
  );
}
