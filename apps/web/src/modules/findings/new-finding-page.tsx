import { TARGET_CATEGORIES, WORKPAPER_SOURCES } from "@xuncha/domain/model";
import { Alert, Button, Card, Empty, Form, Select, Space } from "antd";
import { useEffect, useMemo, useRef, useState } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { api, type StoredFile } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { useMe } from "../../app/auth";
import { drafts } from "../../app/draft";
import { notifySuccess } from "../../app/notify";
import { groupGrants } from "../../app/session";
import { useAction, useRequest } from "../../app/use-request";
import { FileUpload } from "../../components/file-upload";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { useUnsavedPrompt } from "../../components/use-unsaved-prompt";
import type { RoundDetail } from "../rounds/api";
import type { FindingDetail } from "./api";
import { FindingFields } from "./finding-fields";
import { schemeAndCategory } from "./taxonomy-options";

interface NewFindingForm {
  groupId: string;
  targetId?: string;
  title?: string;
  classification?: string[];
  severity?: string;
  description?: string;
  source?: string;
  files?: StoredFile[];
}

/** A group member registers a problem found on one of the group's targets. */
export function NewFindingPage() {
  const me = useMe();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const groups = groupGrants(me);
  const [form] = Form.useForm<NewFindingForm>();
  const draftKey = `finding.new.${me.account.id}`;
  const initialGroup = groups.find((g) => g.groupId === params.get("groupId"))?.groupId ?? groups[0]?.groupId;
  const groupId = (Form.useWatch("groupId", form) as string | undefined) ?? initialGroup;
  const grant = groups.find((g) => g.groupId === groupId);
  const round = useRequest<RoundDetail>(grant?.roundId ? `/rounds/${grant.roundId}` : null);
  const group = round.data?.groups.find((g) => g.id === groupId);
  const { run, pending } = useAction();
  const [dirty, setDirty] = useState(false);
  const [restored, setRestored] = useState(false);
  const saveTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useUnsavedPrompt(dirty && !pending);

  const initial = useMemo(() => drafts.load<NewFindingForm>(draftKey), [draftKey]);
  useEffect(() => {
    if (initial && (initial.title || initial.description)) {
      form.setFieldsValue({ ...initial, files: undefined });
      setRestored(true);
    }
  }, [initial, form]);

  if (groups.length === 0) {
    return (
      <PageContainer title="登记问题">
        <Empty description="您不是本轮巡察组成员，不能登记问题" />
      </PageContainer>
    );
  }
  if (round.error) return <LoadError error={round.error} onRetry={round.reload} />;
  if (!round.data) return <PageLoading />;

  const submit = async (v: NewFindingForm) => {
    const cls = schemeAndCategory(v.classification);
    if (!grant?.roundId || !v.targetId || !cls) return;
    const result = await run(() =>
      api.post<FindingDetail>("/findings", {
        roundId: grant.roundId,
        targetId: v.targetId,
        title: v.title?.trim(),
        description: v.description?.trim(),
        scheme: cls.scheme,
        category: cls.category,
        severity: v.severity,
        fileIds: (v.files ?? []).map((f) => f.id),
        workpaper: { source: v.source ?? "other" },
      }),
    );
    if (result.ok) {
      drafts.clear(draftKey);
      setDirty(false);
      notifySuccess(`问题已登记（编号 ${result.value.number}），底稿须两名巡察人员签名、审核后报组长审批`);
      // Let the blocker see the clean state before navigating.
      setTimeout(() => navigate(`/findings?roundId=${grant.roundId}&open=${result.value.id}`), 0);
    }
  };

  return (
    <PageContainer title="登记问题" extra={<span>{round.data.name}</span>}>
      <Card style={{ maxWidth: 860 }}>
        {restored && (
          <Alert
            type="info"
            showIcon
            style={{ marginBottom: 16 }}
            title="已恢复上次未提交的草稿（附件需重新上传）"
            action={
              <Button
                size="small"
                onClick={() => {
                  drafts.clear(draftKey);
                  form.resetFields();
                  setRestored(false);
                  setDirty(false);
                }}
              >
                清空草稿
              </Button>
            }
          />
        )}
        <Form<NewFindingForm>
          form={form}
          layout="vertical"
          onFinish={submit}
          initialValues={{ groupId: initialGroup, severity: "general", source: "other" }}
          onValuesChange={(_, all) => {
            setDirty(true);
            clearTimeout(saveTimer.current);
            saveTimer.current = setTimeout(() => drafts.save(draftKey, { ...all, files: undefined }), 500);
          }}
        >
          {groups.length > 1 && (
            <Form.Item name="groupId" label="巡察组" rules={[{ required: true }]}>
              <Select
                options={groups.map((g) => ({
                  value: g.groupId,
                  label: round.data?.groups.find((x) => x.id === g.groupId)?.name ?? g.label,
                }))}
              />
            </Form.Item>
          )}
          <Form.Item
            name="targetId"
            label="被巡察对象"
            rules={[{ required: true, message: "请选择被巡察对象" }]}
            extra={group && group.targets.length === 0 ? "本组尚未分配巡察对象，请联系巡察办。" : undefined}
          >
            <Select
              placeholder="选择本组负责的对象"
              showSearch={{ optionFilterProp: "label" }}
              options={(group?.targets ?? []).map((t) => ({
                value: t.id,
                label: `${t.name}（${TARGET_CATEGORIES.labels[t.category] ?? t.category}）`,
              }))}
            />
          </Form.Item>
          <FindingFields />
          <Form.Item
            name="source"
            label="问题来源"
            extra="登记后自动建立问题底稿并编号，可在问题详情中补充底稿摘要和涉及人员。"
          >
            <Select
              options={WORKPAPER_SOURCES.keys.map((k) => ({ value: k, label: WORKPAPER_SOURCES.labels[k] }))}
            />
          </Form.Item>
          <Form.Item
            name="files"
            label="证明材料"
            extra="可上传多个文件：图片、PDF、Office 文档、音视频；单个文件不超过 20 MB。"
          >
            <FileUpload />
          </Form.Item>
          <Space>
            <Button type="primary" htmlType="submit" loading={pending}>
              提交组长审批
            </Button>
            <Button onClick={() => navigate(-1)}>返回</Button>
          </Space>
        </Form>
      </Card>
    </PageContainer>
  );
}
