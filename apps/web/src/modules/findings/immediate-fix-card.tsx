import { DownloadOutlined } from "@ant-design/icons";
import { Button, DatePicker, Descriptions, Divider, Form, Input, Tag, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api, download } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { formatDate } from "../../app/format";
import { notifyError, notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import type { FindingDetail, ImmediateFix, ImmediateFixDetail } from "./api";

export const IMMEDIATE_FIX_COLORS: Record<string, string> = {
  issued: "orange",
  reported: "blue",
  done: "green",
};

/** The 立行立改 status tag, red when overdue. */
export function ImmediateFixTag({ fix }: { fix: Pick<ImmediateFix, "status" | "statusLabel" | "overdue"> }) {
  return (
    <Tag color={fix.overdue ? "red" : IMMEDIATE_FIX_COLORS[fix.status]}>
      {fix.statusLabel}
      {fix.overdue ? "（已逾期）" : ""}
    </Tag>
  );
}

export const downloadNotice = (fix: Pick<ImmediateFix, "id">) =>
  download(`/immediate-fixes/${fix.id}/notice`, {}, "立行立改通知书.docx").catch(notifyError);

interface IssueForm {
  requirement: string;
  deadline: Dayjs;
}

/**
 * 立行立改 in the finding's drawer: the item's status and notice once sent; for the group leader of
 * an approved finding, the action that issues the numbered notice (立行立改通知书).
 */
export function ImmediateFixCard({ finding }: { finding: FindingDetail }) {
  const me = useMe();
  const list = useRequest<{ items: ImmediateFix[] }>("/immediate-fixes", { findingId: finding.id });
  const [open, setOpen] = useState(false);
  const [form] = Form.useForm<IssueForm>();
  const { run, pending } = useAction();
  const isLeader = me.grants.some((g) => g.role === "groupLeader" && g.groupId === finding.group.id);
  const fix = list.data?.items[0];
  if (list.loading && !list.data) return null;
  if (!fix && !(isLeader && finding.status === "approved")) return null;

  const submit = async (v: IssueForm) => {
    const result = await run(() =>
      api.post<ImmediateFixDetail>(`/findings/${finding.id}/immediate-fix`, {
        requirement: v.requirement.trim(),
        deadline: v.deadline.format("YYYY-MM-DD"),
      }),
    );
    if (result.ok) {
      notifySuccess(`立行立改通知书已下发（${result.value.notice.number}）`);
      setOpen(false);
      list.reload();
    }
  };

  return (
    <>
      <Divider titlePlacement="start">立行立改</Divider>
      {fix ? (
        <Descriptions
          size="small"
          bordered
          column={1}
          items={[
            { key: "status", label: "状态", children: <ImmediateFixTag fix={fix} /> },
            {
              key: "notice",
              label: "通知书",
              children: (
                <Button
                  type="link"
                  style={{ padding: 0 }}
                  icon={<DownloadOutlined />}
                  onClick={() => downloadNotice(fix)}
                >
                  {fix.notice.number}
                </Button>
              ),
            },
            { key: "deadline", label: "整改时限", children: formatDate(fix.deadline) },
            {
              key: "requirement",
              label: "整改要求",
              children: <span className="xc-pre">{fix.requirement}</span>,
            },
            {
              key: "more",
              label: "整改情况",
              children: <Link to={`/findings/immediate-fixes?open=${fix.id}`}>查看报告与确认</Link>,
            },
          ]}
        />
      ) : (
        <>
          <Typography.Paragraph type="secondary">
            问题性质明确、能够立即整改的，可向被巡察单位下发立行立改通知书，跟踪至整改完成。
          </Typography.Paragraph>
          <Button onClick={() => setOpen(true)}>下发立行立改通知</Button>
        </>
      )}
      <FormDrawer
        open={open}
        onClose={() => setOpen(false)}
        title="下发立行立改通知书"
        width={560}
        submitText="生成并下发"
        pending={pending}
        onSubmit={() => form.submit()}
      >
        <Typography.Paragraph type="secondary">
          通知书按“立行立改通知书”的发文字号编号，以公文格式生成 Word 文档，被巡察单位联系人可在系统中查看。
        </Typography.Paragraph>
        <Form<IssueForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ deadline: dayjs().add(15, "day") }}
        >
          <Form.Item
            name="requirement"
            label="整改要求"
            rules={[{ required: true, whitespace: true, message: "请填写整改要求" }]}
          >
            <Input.TextArea rows={5} maxLength={5000} showCount placeholder="每条要求一行" />
          </Form.Item>
          <Form.Item name="deadline" label="整改时限" rules={[{ required: true, message: "请选择整改时限" }]}>
            <DatePicker style={{ width: "100%" }} inputReadOnly />
          </Form.Item>
        </Form>
      </FormDrawer>
    </>
  );
}
