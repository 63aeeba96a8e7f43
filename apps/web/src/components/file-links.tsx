import { PaperClipOutlined } from "@ant-design/icons";
import { Space, Typography } from "antd";
import { fileUrl } from "../app/api-client";
import { formatSize } from "../app/format";

export interface FileRef {
  id: string;
  name: string;
  size?: number;
  sha256?: string;
}

/** Attached files as download links, with size and SHA-256 on hover. */
export function FileLinks({ files }: { files: FileRef[] | undefined }) {
  if (!files || files.length === 0) return <Typography.Text type="secondary">无附件</Typography.Text>;
  return (
    <Space orientation="vertical" size={2}>
      {files.map((f) => (
        <a
          key={f.id}
          href={fileUrl(f.id)}
          target="_blank"
          rel="noreferrer"
          title={f.sha256 ? `SHA-256：${f.sha256}` : undefined}
        >
          <PaperClipOutlined /> {f.name}
          {f.size !== undefined && (
            <Typography.Text type="secondary">（{formatSize(f.size)}）</Typography.Text>
          )}
        </a>
      ))}
    </Space>
  );
}
