import { UploadOutlined } from "@ant-design/icons";
import { Button, Upload, type UploadFile } from "antd";
import { useState } from "react";
import { type StoredFile, upload } from "../app/api-client";
import { ApiError } from "../app/api-error";
import { notifyError } from "../app/notify";

/** What the server accepts as evidence (checked there by content). */
const ACCEPT = "image/*,.pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,.wps,.mp4,.mov,.mp3,.wav";

/**
 * Evidence upload: each file goes to POST /api/files at once; the form keeps the stored files.
 * Use inside Form.Item (value/onChange).
 */
export function FileUpload({
  id,
  value,
  onChange,
  buttonText = "上传证明材料",
}: {
  id?: string;
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
      accept={ACCEPT}
      fileList={list}
      customRequest={({ file, onProgress, onSuccess, onError }) => {
        upload("/files", file as File, (percent) => onProgress?.({ percent }))
          .then((stored) => onSuccess?.(stored))
          .catch((e: unknown) => {
            notifyError(e);
            onError?.(e instanceof ApiError ? e : new Error("上传失败"));
          });
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
          <div>
            {node}
            <div style={{ color: "#cf1322", fontSize: 12 }}>
              {file.error instanceof Error ? file.error.message : "上传失败"}
            </div>
          </div>
        ) : (
          node
        )
      }
    >
      <Button id={id} icon={<UploadOutlined />}>
        {buttonText}
      </Button>
    </Upload>
  );
}
