import { CheckCircleOutlined, PaperClipOutlined, SendOutlined, UploadOutlined } from "@ant-design/icons";
import { Alert, Button, Card, Popconfirm, Space, Typography, Upload } from "antd";
import { useState } from "react";
import { api, type StoredFile, upload } from "../../app/api-client";
import { useAuth } from "../../app/auth";
import { formatDateTime } from "../../app/format";
import { notifyError, notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { type SignOff, type SubjectDetail, signOffScanUrl } from "./review-api";
import { partyNames } from "./review-tags";

/** Whether the logged-in account is a principal (主要负责人) of the target: a head target contact. */
function useIsPrincipal(targetId: string): boolean {
  const { state } = useAuth();
  if (state.status !== "authenticated") return false;
  return state.me.grants.some(
    (g) => g.role === "targetContact" && g.isHead && (!g.targetId || g.targetId === targetId),
  );
}

const signerName = (s: SignOff) => s.name ?? s.signedByName ?? "";
const signedAt = (s: SignOff) => s.at ?? s.signedAt ?? null;

function SignOffText({ signOff, subjectId }: { signOff: SignOff; subjectId: string }) {
  return (
    <Space orientation="vertical" size={2}>
      <Typography.Text>
        <CheckCircleOutlined style={{ color: "#52c41a" }} />{" "}
        {signOff.fileId ? "已上传主要负责人签字扫描件" : `主要负责人${signerName(signOff)}已本人确认`}
        {signedAt(signOff) ? `（${formatDateTime(signedAt(signOff))}）` : ""}
      </Typography.Text>
      {signOff.fileId && (
        <a href={signOffScanUrl(subjectId)} target="_blank" rel="noreferrer">
          <PaperClipOutlined /> {signOff.fileName ?? "签字扫描件"}
        </a>
      )}
    </Space>
  );
}

/**
 * 签字背书 and 提交联审: the principal confirms with their own account, or the contact uploads the
 * signed scan; then the draft is submitted as a new version to the reviewing parties.
 */
export function SignOffBox({ detail, onChanged }: { detail: SubjectDetail; onChanged: () => void }) {
  const { subject, abilities } = detail;
  const principalGrant = useIsPrincipal(subject.target.id);
  const principal = abilities.confirmSignOff ?? principalGrant;
  const { run, pending } = useAction();
  const [uploading, setUploading] = useState(false);
  const signOff = detail.draft.signOff ?? null;
  const kind = subject.kindLabel || "材料";

  const confirm = async () => {
    const result = await run(() => api.post(`/rectification/subjects/${subject.id}/sign-off`, {}));
    if (result.ok) {
      notifySuccess("已确认签字背书");
      onChanged();
    }
  };
  const uploadScan = async (file: File) => {
    setUploading(true);
    try {
      const stored = await upload<StoredFile>("/files", file);
      await api.post(`/rectification/subjects/${subject.id}/sign-off`, { fileId: stored.id });
      notifySuccess("签字扫描件已上传");
      onChanged();
    } catch (e) {
      notifyError(e);
    } finally {
      setUploading(false);
    }
  };
  const submit = async () => {
    const result = await run(() => api.post(`/rectification/subjects/${subject.id}/submit`, {}));
    if (result.ok) {
      notifySuccess(`${kind}已提交联审`);
      onChanged();
    }
  };

  if (!abilities.edit && !abilities.signOff && !abilities.submit) return null;
  const parties = detail.state.parties.length ? detail.state.parties.map((p) => p.party) : [];
  return (
    <Card size="small" title="签字背书与提交" data-testid="sign-off-box">
      <Space orientation="vertical" size={12} style={{ width: "100%" }}>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {kind}
          须经本单位主要负责人签字背书后方可提交联审：由主要负责人用本人账号确认，或上传其签字后的扫描件。
        </Typography.Paragraph>
        {signOff ? (
          <SignOffText signOff={signOff} subjectId={subject.id} />
        ) : (
          <Alert type="info" showIcon title="尚未签字背书（签字后如再修改内容，须重新签字背书）" />
        )}
        {abilities.signOff && (
          <Space wrap>
            {principal && (
              <Popconfirm title={`以主要负责人身份确认本${kind}？`} okText="确认签字" onConfirm={confirm}>
                <Button icon={<CheckCircleOutlined />} loading={pending}>
                  本人确认签字背书
                </Button>
              </Popconfirm>
            )}
            <Upload
              accept="image/*,.pdf"
              showUploadList={false}
              beforeUpload={(file) => {
                void uploadScan(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={uploading}>
                上传签字扫描件
              </Button>
            </Upload>
          </Space>
        )}
        {(abilities.submit || abilities.edit) && (
          <Popconfirm
            title={`提交${kind}？`}
            description={`提交后由${partyNames(parties) || "各审核方"}联审，审核期间不能修改。`}
            okText="提交"
            onConfirm={submit}
            disabled={!abilities.submit}
          >
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={!abilities.submit}
              loading={pending}
              size="large"
            >
              提交联审
            </Button>
          </Popconfirm>
        )}
        {!abilities.submit && abilities.edit && (
          <Typography.Text type="secondary">签字背书并填写完整后才能提交。</Typography.Text>
        )}
      </Space>
    </Card>
  );
}
