import { Form } from "antd";
import dayjs from "dayjs";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { useGuardedClose } from "../../components/use-guarded-close";
import {
  MeasureFindingHeading,
  type MeasureForm,
  MeasureFormFields,
  measureBody,
} from "./measure-form-fields";
import type { PlanDraftFinding, PlanDraftMeasure } from "./review-api";

/** What the drawer edits: a new measure of a problem, or one of its measures. */
export interface MeasureEditing {
  finding: PlanDraftFinding;
  measure: PlanDraftMeasure | null;
}

/** The contact adds or edits a measure of the plan's draft (整改措施). */
export function PlanMeasureDrawer({
  editing,
  onClose,
  onSaved,
}: {
  editing: MeasureEditing | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<MeasureForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);
  const measure = editing?.measure ?? null;

  const initial: Partial<MeasureForm> = measure
    ? { ...measure, deadline: dayjs(measure.deadline) }
    : { longTerm: false };

  const submit = async (v: MeasureForm) => {
    if (!editing) return;
    const body = measureBody(v, "");
    const result = await run(() =>
      measure
        ? api.patch(`/measures/${measure.id}`, body)
        : api.post(`/findings/${editing.finding.id}/measures`, body),
    );
    if (result.ok) {
      notifySuccess(measure ? "整改措施已修改" : "整改措施已添加");
      form.resetFields();
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={editing !== null}
      onClose={close}
      title={measure ? "修改整改措施" : "添加整改措施"}
      width={560}
      submitText="保存措施"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      {editing && <MeasureFindingHeading finding={editing.finding} />}
      <Form<MeasureForm>
        key={measure?.id ?? editing?.finding.id ?? "none"}
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={initial}
      >
        <MeasureFormFields />
      </Form>
    </FormDrawer>
  );
}
