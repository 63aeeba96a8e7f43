import { GROUP_ROLE_LABELS } from "@xuncha/domain/model";
import { Button, Card, DatePicker, Form, Modal, Space, Tag, Typography } from "antd";
import type { Dayjs } from "dayjs";
import { useState } from "react";
import type { StoredFile } from "../../app/api-client";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { DataTable } from "../../components/data-table";
import { FileUpload } from "../../components/file-upload";
import { LoadError } from "../../components/load-error";
import { COMMITMENT_LABELS, type CommitmentKind, type Pledge, type RoundCommitments } from "./group-api";

type Row = RoundCommitments["people"][number];

/**
 * 保密承诺书 and 廉洁履职承诺书 of everyone in the round: who signed when (with the scan), who has
 * not. A person opens the group's records only after signing both. The office records signatures.
 */
export function CommitmentsCard({ roundId }: { roundId: string }) {
  const list = useRequest<RoundCommitments>(`/rounds/${roundId}/commitments`);
  const [recording, setRecording] = useState<{ row: Row; kind: CommitmentKind } | null>(null);
  const [form] = Form.useForm<{ signedOn: Dayjs; files?: StoredFile[] }>();
  const { run, pending } = useAction();

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  const data = list.data;
  const canRecord = data?.abilities.record ?? false;

  const submit = async () => {
    if (!recording) return;
    const v = await form.validateFields();
    const fileId = v.files?.[0]?.id;
    const result = await run(() =>
      api.post(`/rounds/${roundId}/commitments`, {
        personId: recording.row.personId,
        kind: recording.kind,
        signedOn: v.signedOn.format("YYYY-MM-DD"),
        ...(fileId ? { fileId } : {}),
      }),
    );
    if (result.ok) {
      notifySuccess(`已登记${recording.row.name}的${COMMITMENT_LABELS[recording.kind]}`);
      setRecording(null);
      form.resetFields();
      list.reload();
    }
  };
  const cell = (row: Row, kind: CommitmentKind, pledge: Pledge | null) => (
    <Space size={4} wrap>
      {pledge ? (
        <>
          <Tag color="green">{pledge.signedOn} 已签</Tag>
          {pledge.fileId && (
            <Typography.Link href={`/api/commitments/${pledge.id}/file`} target="_blank">
              扫描件
            </Typography.Link>
          )}
        </>
      ) : (
        <Tag color="red">未签</Tag>
      )}
      {canRecord && (
        <Button size="small" type="link" onClick={() => setRecording({ row, kind })}>
          {pledge ? "重新登记" : "登记"}
        </Button>
      )}
    </Space>
  );

  return (
    <Card
      size="small"
      title="承诺书签订"
      extra={
        data && (
          <Typography.Text type={data.unsigned ? "danger" : "success"}>
            {data.unsigned ? `${data.unsigned} 人未签齐` : "全部签齐"}
          </Typography.Text>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        保密承诺书、廉洁履职承诺书两份均签订后，方可查看本组巡察记录。
      </Typography.Paragraph>
      <DataTable<Row>
        size="small"
        rowKey="personId"
        loading={list.loading}
        dataSource={data?.people ?? []}
        pagination={false}
        locale={{ emptyText: "本轮尚无巡察组成员" }}
        scroll={{ x: 560 }}
        columns={[
          { title: "姓名", dataIndex: "name", width: 100 },
          {
            title: "巡察组",
            key: "group",
            width: 150,
            render: (_, r) => `${r.groupName} · ${GROUP_ROLE_LABELS[r.role] ?? r.role}`,
          },
          {
            title: COMMITMENT_LABELS.confidentiality,
            key: "confidentiality",
            render: (_, r) => cell(r, "confidentiality", r.confidentiality),
          },
          {
            title: COMMITMENT_LABELS.integrity,
            key: "integrity",
            render: (_, r) => cell(r, "integrity", r.integrity),
          },
        ]}
      />
      <Modal
        open={recording !== null}
        title={recording ? `登记${recording.row.name}的${COMMITMENT_LABELS[recording.kind]}` : ""}
        okText="登记"
        onOk={submit}
        confirmLoading={pending}
        onCancel={() => setRecording(null)}
        destroyOnHidden
      >
        <Form form={form} layout="vertical" preserve={false}>
          <Form.Item name="signedOn" label="签订日期" rules={[{ required: true, message: "请选择签订日期" }]}>
            <DatePicker style={{ width: "100%" }} />
          </Form.Item>
          <Form.Item name="files" label="扫描件（可选）">
            <FileUpload buttonText="上传扫描件" />
          </Form.Item>
        </Form>
      </Modal>
    </Card>
  );
}
