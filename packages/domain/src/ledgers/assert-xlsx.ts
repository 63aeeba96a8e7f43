import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../model/errors";

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

/**
 * Refuses anything that is not an .xlsx by its content, whatever its name says: the bytes must
 * start as a zip archive, and a zip that is recognizably something else (.docx, .jar …) is refused.
 */
export async function assertXlsx(bytes: Uint8Array): Promise<void> {
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new AppError("file.type_not_allowed", "文件不是 Excel（.xlsx）格式，请另存为 .xlsx 后再导入");
  }
  const type = await fileTypeFromBuffer(bytes);
  if (type && type.ext !== "xlsx" && type.ext !== "zip") {
    throw new AppError("file.type_not_allowed", "文件不是 Excel（.xlsx）格式，请另存为 .xlsx 后再导入");
  }
}
