import { UploadOutlined } from "@ant-design/icons";
import { Button, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { type StoredFile, upload } from "../app/api-client";
import { ApiError } from "../app/api-error";

/**
 * Evidence upload: each file goes to POST /api/files at once; the form keeps the stored files.
 * Use inside Form.Item (value/onChange).
 */
export function FileUpload({
  value,
  onChange,
  buttonText = "上传证明材料",
}: {
  value?: StoredFile[];
  onChange?: (files: StoredFile[]) => void;
  buttonText?: string;
}) {
  const [list, setList] = useState<UploadFile<StoredFile>[]>(
    () =>
      value?.map((f) => ({ uid: f.id, name: f.name, status: "done" as const, response: f, size: f.size })) ??
      [],
  );

  const emit = (next: UploadFile<StoredFile>[]) => {
    setList(next);
    onChange?.(next.flatMap((f) => (f.status === "done" && f.response ? [f.response] : [])));
  };

  return (
    <Upload<StoredFile>
      multiple
      fileList={list}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        upload("/files", file as File, (percent) => onProgress?.({ percent }))
          .then((stored) => onSuccess?.(stored))
          .catch((e: unknown) => onError?.(e instanceof ApiError ? e : new Error("上传失败")));
      }}
      onChange={({ fileList }) =>
        emit(
          fileList.map((f) =>
            f.status === "error" && f.error instanceof Error
              ? { ...f, response: undefined, error: f.error }
              : f,
          ),
        )
      }
      itemRender={(node, file) =>
        file.status === "error" ? (
          <div title={file.error instanceof Error ? file.error.message : "上传失败"}>{node}</div>
        ) : (
          node
        )
      }
    >
      <Button icon={<UploadOutlined />}>{buttonText}</Button>
    </Upload>
  );
}
