import { DatePicker, Form, Input, Radio, Select, Switch } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { useGuardedClose } from "../../components/use-guarded-close";
import { TargetPicker } from "../targets/target-picker";
import { EXPERTISE_OPTIONS, type Person, type PersonPool, POLITICAL_STATUSES, POOL_LABELS } from "./api";

interface PersonForm {
  name: string;
  pool: PersonPool;
  sex?: string;
  birthMonth?: Dayjs | null;
  politicalStatus?: string;
  unit?: string;
  unitTargetId?: string[];
  post?: string;
  rank?: string;
  expertise?: string[];
  joinedOn?: Dayjs | null;
  available?: boolean;
  phone?: string;
  email?: string;
  recusalNote?: string;
  roundsNote?: string;
}

const toForm = (p: Person): PersonForm => ({
  name: p.name,
  pool: p.pool,
  sex: p.sex || undefined,
  birthMonth: p.birthMonth ? dayjs(`${p.birthMonth}-01`) : null,
  politicalStatus: p.politicalStatus || undefined,
  unit: p.unit,
  unitTargetId: p.unitTargetId ? [p.unitTargetId] : [],
  post: p.post,
  rank: p.rank,
  expertise: p.expertise,
  joinedOn: p.joinedOn ? dayjs(p.joinedOn) : null,
  available: p.available,
  phone: p.phone,
  email: p.email,
  recusalNote: p.recusalNote,
  roundsNote: p.roundsNote,
});

/** Office: add a person to the leader pool or the talent pool, or edit one (`person`). */
export function PersonFormDrawer({
  open,
  person,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The person edited (with the name of their unit's target when known); absent: a new person. */
  person?: (Person & { unitTargetName?: string | null }) | null;
  onClose: () => void;
  onSaved: (saved: Person) => void;
}) {
  const [form] = Form.useForm<PersonForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    if (person) form.setFieldsValue(toForm(person));
  }, [open, person, form]);

  const submit = async (v: PersonForm) => {
    const body = {
      name: v.name.trim(),
      pool: v.pool,
      sex: v.sex ?? "",
      birthMonth: v.birthMonth ? v.birthMonth.format("YYYY-MM") : "",
      politicalStatus: v.politicalStatus ?? "",
      unit: v.unit?.trim() ?? "",
      unitTargetId: v.unitTargetId?.[0] ?? null,
      post: v.post?.trim() ?? "",
      rank: v.rank?.trim() ?? "",
      expertise: v.expertise ?? [],
      joinedOn: v.joinedOn ? v.joinedOn.format("YYYY-MM-DD") : null,
      available: v.available ?? true,
      phone: v.phone?.trim() ?? "",
      email: v.email?.trim() ?? "",
      ...(person ? { recusalNote: v.recusalNote?.trim() ?? "", roundsNote: v.roundsNote?.trim() ?? "" } : {}),
    };
    const result = await run(() =>
      person ? api.patch<Person>(`/people/${person.id}`, body) : api.post<Person>("/people", body),
    );
    if (result.ok) {
      notifySuccess(person ? `已保存${body.name}的信息` : `已将${body.name}加入${POOL_LABELS[body.pool]}`);
      form.resetFields();
      onSaved(result.value);
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title={person ? `编辑人员：${person.name}` : "新增巡察人员"}
      width={520}
      submitText="保存"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form<PersonForm>
        form={form}
        layout="vertical"
        onFinish={submit}
        initialValues={{ pool: "talent", available: true }}
      >
        <Form.Item
          name="name"
          label="姓名"
          rules={[{ required: true, whitespace: true, message: "请填写姓名" }]}
        >
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="pool" label="入库类别" rules={[{ required: true, message: "请选择入库类别" }]}>
          <Radio.Group
            optionType="button"
            options={(Object.keys(POOL_LABELS) as PersonPool[]).map((k) => ({
              value: k,
              label: POOL_LABELS[k],
            }))}
          />
        </Form.Item>
        <Form.Item name="sex" label="性别">
          <Radio.Group options={["男", "女"]} />
        </Form.Item>
        <Form.Item name="birthMonth" label="出生年月">
          <DatePicker picker="month" style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="politicalStatus" label="政治面貌">
          <Select allowClear options={POLITICAL_STATUSES.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="unit" label="工作单位">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item
          name="unitTargetId"
          label="工作单位对应的被巡察对象"
          extra="工作单位在被巡察对象库中时请选择，用于回避审查（本单位须回避）"
        >
          <TargetPicker
            multiple={false}
            placeholder="输入名称搜索（可不选）"
            labels={person?.unitTargetId ? { [person.unitTargetId]: person.unitTargetName ?? "" } : {}}
          />
        </Form.Item>
        <Form.Item name="post" label="职务">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="rank" label="职级">
          <Input maxLength={50} placeholder="如：正科级、一级主任科员" />
        </Form.Item>
        <Form.Item name="expertise" label="业务特长" extra="可选择或输入">
          <Select
            mode="tags"
            maxCount={10}
            options={EXPERTISE_OPTIONS.map((e) => ({ value: e, label: e }))}
          />
        </Form.Item>
        <Form.Item name="joinedOn" label="入库时间">
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="available" label="可选派" valuePropName="checked">
          <Switch checkedChildren="可选派" unCheckedChildren="暂不可选派" />
        </Form.Item>
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={50} inputMode="tel" />
        </Form.Item>
        <Form.Item name="email" label="电子邮箱" rules={[{ type: "email", message: "邮箱格式有误" }]}>
          <Input maxLength={100} inputMode="email" />
        </Form.Item>
        {person && (
          <>
            <Form.Item
              name="roundsNote"
              label="系统外参加巡察轮次"
              extra="系统启用前的巡察经历（导入时保留的文字）"
            >
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
            </Form.Item>
            <Form.Item
              name="recusalNote"
              label="回避情形备注"
              extra="导入时未能识别为工作经历或亲属的文字；请尽量改录为下方的工作经历、亲属记录"
            >
              <Input.TextArea maxLength={2000} autoSize={{ minRows: 2 }} />
            </Form.Item>
          </>
        )}
      </Form>
    </FormDrawer>
  );
}
