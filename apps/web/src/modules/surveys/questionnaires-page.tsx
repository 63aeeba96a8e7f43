import { CopyOutlined, EditOutlined, EyeOutlined, PlusOutlined } from "@ant-design/icons";
import { Alert, Button, Form, Input, List, Modal, Select, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Link } from "react-router-dom";
import { api } from "../../app/api-client";
import { PageLoading } from "../../app/app-layout";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import {
  KIND_LABELS,
  type Questionnaire,
  type QuestionnaireList,
  type SurveyList,
  type SurveyQuestion,
} from "./api";
import { QuestionEditor, questionProblems } from "./question-editor";

interface Draft {
  id: string | null;
  groupId: string | null;
  title: string;
  intro: string;
  questions: SurveyQuestion[];
}

/** The questions of a questionnaire, read-only. */
export function QuestionPreview({ questions }: { questions: SurveyQuestion[] }) {
  return (
    <ol style={{ paddingInlineStart: 20, margin: 0 }}>
      {questions.map((q) => (
        <li key={q.id} style={{ marginBottom: 8 }}>
          <Typography.Text>{q.title}</Typography.Text> <Tag>{KIND_LABELS[q.kind]}</Tag>
          {q.required && <Tag color="red">必答</Tag>}
          {q.options.length > 0 && (
            <div>
              <Typography.Text type="secondary">{q.options.join(" / ")}</Typography.Text>
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}

/** 问卷库: the built-in questionnaires, the office's templates and the groups' own; the builder. */
export function QuestionnairesPage() {
  const list = useRequest<QuestionnaireList>("/survey-questionnaires");
  const groups = useRequest<SurveyList>("/surveys");
  const [draft, setDraft] = useState<Draft | null>(null);
  const [preview, setPreview] = useState<{ title: string; questions: SurveyQuestion[] } | null>(null);
  const { run, pending } = useAction();

  if (list.error) return <LoadError error={list.error} onRetry={list.reload} />;
  if (!list.data) return <PageLoading />;
  const data = list.data;
  const myGroups = groups.data?.groups ?? [];
  const canCreate = data.abilities.createTemplate || myGroups.length > 0;
  const problems = draft ? questionProblems(draft.questions) : [];

  const copy = (from: { title: string; intro: string; questions: SurveyQuestion[] }) =>
    setDraft({
      id: null,
      groupId: data.abilities.createTemplate ? null : (myGroups[0]?.groupId ?? null),
      title: `${from.title}（副本）`,
      intro: from.intro,
      questions: from.questions.map((q) => ({ ...q, options: [...q.options] })),
    });
  const edit = (q: Questionnaire) =>
    setDraft({ id: q.id, groupId: q.groupId, title: q.title, intro: q.intro, questions: q.questions });

  const save = async () => {
    if (!draft || problems.length || !draft.title.trim()) return;
    const body = { title: draft.title, intro: draft.intro, questions: draft.questions };
    const result = await run(() =>
      draft.id
        ? api.put(`/survey-questionnaires/${draft.id}`, body)
        : api.post("/survey-questionnaires", {
            ...body,
            ...(draft.groupId ? { groupId: draft.groupId } : {}),
          }),
    );
    if (result.ok) {
      notifySuccess("问卷已保存");
      setDraft(null);
      list.reload();
    }
  };

  const rows = [
    ...data.builtIn.map((b) => ({
      key: `b-${b.key}`,
      kind: "内置问卷",
      color: "gold",
      title: b.title,
      intro: b.intro,
      questions: b.questions,
      editable: null,
    })),
    ...data.items.map((q) => ({
      key: q.id,
      kind: q.source === "office" ? "巡察办模板" : (q.groupName ?? "本组问卷"),
      color: q.source === "office" ? "blue" : "green",
      title: q.title,
      intro: q.intro,
      questions: q.questions,
      editable: q.canEdit ? q : null,
    })),
  ];

  return (
    <PageContainer
      title="问卷库"
      extra={
        <>
          <Link to="/surveys">
            <Button>返回问卷测评</Button>
          </Link>
          {canCreate && (
            <Button
              type="primary"
              icon={<PlusOutlined />}
              onClick={() =>
                setDraft({
                  id: null,
                  groupId: data.abilities.createTemplate ? null : (myGroups[0]?.groupId ?? null),
                  title: "",
                  intro: "",
                  questions: [],
                })
              }
            >
              新建问卷
            </Button>
          )}
        </>
      }
    >
      <Typography.Paragraph type="secondary">
        巡察办维护的模板供各巡察组使用；巡察组也可以制作本组问卷。问卷测评发起时复制题目，之后修改问卷不影响已发起的测评。
      </Typography.Paragraph>
      <List
        bordered
        dataSource={rows}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button
                key="view"
                type="link"
                icon={<EyeOutlined />}
                onClick={() => setPreview({ title: r.title, questions: r.questions })}
              >
                预览
              </Button>,
              ...(canCreate
                ? [
                    <Button key="copy" type="link" icon={<CopyOutlined />} onClick={() => copy(r)}>
                      复制
                    </Button>,
                  ]
                : []),
              ...(r.editable
                ? [
                    <Button
                      key="edit"
                      type="link"
                      icon={<EditOutlined />}
                      onClick={() => r.editable && edit(r.editable)}
                    >
                      编辑
                    </Button>,
                  ]
                : []),
            ]}
          >
            <List.Item.Meta
              title={
                <Space wrap>
                  {r.title}
                  <Tag color={r.color}>{r.kind}</Tag>
                </Space>
              }
              description={`${r.questions.length} 道题`}
            />
          </List.Item>
        )}
      />
      <Modal
        open={preview !== null}
        title={preview?.title}
        onCancel={() => setPreview(null)}
        footer={null}
        width={640}
      >
        {preview && <QuestionPreview questions={preview.questions} />}
      </Modal>
      <FormDrawer
        open={draft !== null}
        onClose={() => setDraft(null)}
        title={draft?.id ? "编辑问卷" : "新建问卷"}
        width={720}
        submitText="保存"
        pending={pending}
        onSubmit={save}
      >
        {draft && (
          <Form layout="vertical">
            {!draft.id && (
              <Form.Item label="归属">
                <Select
                  value={draft.groupId ?? ""}
                  onChange={(v: string) => setDraft({ ...draft, groupId: v || null })}
                  options={[
                    ...(data.abilities.createTemplate
                      ? [{ value: "", label: "巡察办模板（各组可用）" }]
                      : []),
                    ...myGroups.map((g) => ({ value: g.groupId, label: `${g.roundName} ${g.groupName}` })),
                  ]}
                />
              </Form.Item>
            )}
            <Form.Item label="问卷名称" required>
              <Input
                value={draft.title}
                maxLength={200}
                onChange={(e) => setDraft({ ...draft, title: e.target.value })}
              />
            </Form.Item>
            <Form.Item label="填写说明">
              <Input.TextArea
                value={draft.intro}
                maxLength={2000}
                autoSize={{ minRows: 2, maxRows: 5 }}
                onChange={(e) => setDraft({ ...draft, intro: e.target.value })}
              />
            </Form.Item>
            <QuestionEditor
              value={draft.questions}
              onChange={(questions) => setDraft({ ...draft, questions })}
            />
            {(problems.length > 0 || !draft.title.trim()) && (
              <Alert
                style={{ marginTop: 12 }}
                type="warning"
                showIcon
                title="保存前请补全"
                description={[...(!draft.title.trim() ? ["问卷名称"] : []), ...problems].join("；")}
              />
            )}
          </Form>
        )}
      </FormDrawer>
    </PageContainer>
  );
}
