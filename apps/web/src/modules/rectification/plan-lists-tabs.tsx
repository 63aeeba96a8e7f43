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
const deadlineColumn = (title: string) => ({
  title,
  dataIndex: "deadline",
  width: 120,
  render: (d: string) => formatDate(d),
});
const LONG_TERM_COLUMN = {
  title: "常态化",
  dataIndex: "longTerm",
  width: 80,
  render: (b: boolean) => (b ? "是" : "否"),
};

/** A measure's label ("问题 3 · 措施 2") and content, first in the task and responsibility lists. */
const MEASURE_COLUMNS = [
  { title: "编号", dataIndex: "label", width: 140 },
  { title: "整改措施", dataIndex: "content", width: 320 },
];

const PROBLEM_COLUMNS: ColumnsType<ProblemRow> = [
  { title: "序号", dataIndex: "number", width: 64 },
  { title: "问题", dataIndex: "title", width: 280 },
  { title: "类别", dataIndex: "category", width: 140 },
  { title: "措施数", dataIndex: "measureCount", width: 80 },
  { title: "责任领导", dataIndex: "leaders", width: 140, render: dash },
  deadlineColumn("完成时限"),
  LONG_TERM_COLUMN,
];

const TASK_COLUMNS: ColumnsType<TaskRow> = [
  ...MEASURE_COLUMNS,
  { title: "整改目标", dataIndex: "goal", width: 220, render: dash },
  deadlineColumn("整改时限"),
  LONG_TERM_COLUMN,
];

const RESPONSIBILITY_COLUMNS: ColumnsType<ResponsibilityRow> = [
  ...MEASURE_COLUMNS,
  { title: "责任领导", dataIndex: "responsibleLeader", width: 120, render: dash },
  { title: "责任部门", dataIndex: "responsibleDept", width: 140, render: dash },
  { title: "责任人", dataIndex: "responsiblePerson", width: 100, render: dash },
  deadlineColumn("整改时限"),
];

const PAGINATION = { pageSize: 20, hideOnSinglePage: true };

/** One list as a tab: its rows in a table of its columns. */
function listTab<T extends { key: string }>(key: string, label: string, rows: T[], columns: ColumnsType<T>) {
  return {
    key,
    label,
    children: <DataTable<T> rowKey="key" dataSource={rows} columns={columns} pagination={PAGINATION} />,
  };
}

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
          listTab("problems", "问题清单", problemList(draft), PROBLEM_COLUMNS),
          listTab("tasks", "任务清单", taskList(draft), TASK_COLUMNS),
          listTab("responsibilities", "责任清单", responsibilityList(draft), RESPONSIBILITY_COLUMNS),
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
