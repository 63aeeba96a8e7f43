import { Typography } from "antd";
import { ExcelImportModal } from "../../components/excel-import-modal";
import { TARGET_IMPORT_COLUMNS, type TargetImportResult } from "./api";

/** Import the registry from the office's Excel file: all or nothing, bad rows listed with reasons. */
export function TargetImportModal(props: { open: boolean; onClose: () => void; onImported: () => void }) {
  return (
    <ExcelImportModal<TargetImportResult>
      {...props}
      title="从 Excel 导入被巡察对象"
      url="/targets/import"
      instructions={
        <Typography.Paragraph>
          表头可在前 30 行内，须有“党组织名称”列；可选列：
          {TARGET_IMPORT_COLUMNS.filter((c) => c !== "党组织名称").join("、")}。
        </Typography.Paragraph>
      }
      summary={(result) => ({
        title: `已导入 ${result.imported} 个被巡察对象`,
        subTitle:
          result.linkedToTownship > 0
            ? `其中 ${result.linkedToTownship} 个村(社区)已关联到所属乡镇(街道)。`
            : undefined,
      })}
    />
  );
}
