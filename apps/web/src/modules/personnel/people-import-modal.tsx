import { Typography } from "antd";
import { ExcelImportModal } from "../../components/excel-import-modal";
import { PEOPLE_IMPORT_COLUMNS, type PeopleImportResult } from "./api";

/** Import the pools from the office's Excel file (巡察人员库): all or nothing, bad rows listed with reasons. */
export function PeopleImportModal(props: { open: boolean; onClose: () => void; onImported: () => void }) {
  return (
    <ExcelImportModal<PeopleImportResult>
      {...props}
      title="从 Excel 导入巡察人员库"
      url="/people/import"
      instructions={
        <>
          <Typography.Paragraph>
            表头可在前 30 行内，须有“姓名”“入库类别”（组长库 / 人才库）列；可选列：
            {PEOPLE_IMPORT_COLUMNS.filter((c) => c !== "姓名" && c !== "入库类别").join("、")}。
          </Typography.Paragraph>
          <Typography.Paragraph type="secondary">
            姓名和出生年月与库中人员相同的行将更新该人员（空白单元格保留原值），不会重复入库。
            “回避情形”按“曾任职单位：县财政局 科员 2015-03至2019-06；亲属任职单位：配偶 李某 县卫健委
            副主任（班子成员）”
            识别为工作经历和亲属记录，无法识别的内容保存为回避情形备注；“参加巡察轮次”中系统已有记录以外的内容保存为备注。
          </Typography.Paragraph>
        </>
      }
      summary={(result) => ({
        title: `已导入 ${result.imported} 人`,
        subTitle: [
          `新入库 ${result.created} 人，更新 ${result.updated} 人`,
          result.jobsAdded ? `新增工作经历 ${result.jobsAdded} 条` : "",
          result.relativesAdded ? `新增亲属记录 ${result.relativesAdded} 条` : "",
          result.withRecusalNote
            ? `${result.withRecusalNote} 人的回避情形有未能识别的文字，已保存为备注`
            : "",
        ]
          .filter(Boolean)
          .join("；"),
      })}
    />
  );
}
