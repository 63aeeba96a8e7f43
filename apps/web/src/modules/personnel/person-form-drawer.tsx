import { DatePicker, Form, Input, Radio, Select } from "antd";
import type { Dayjs } from "dayjs";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { useGuardedClose } from "../../components/use-guarded-close";
import { EXPERTISE_OPTIONS, type Person, type PersonPool, POOL_LABELS } from "./api";

interface PersonForm {
  name: string;
  pool: PersonPool;
  sex?: string;
  birthMonth?: Dayjs | null;
  politicalStatus?: string;
  unit?: string;
  post?: string;
  rank?: string;
  expertise?: string[];
  joinedOn?: Dayjs | null;
  phone?: string;
}

const POLITICAL = ["中共党员", "中共预备党员", "共青团员", "民主党派", "群众"];

/** Office: add a person to the leader pool or the talent pool. */
export function PersonFormDrawer({
  open,
  onClose,
  onSaved,
}: {
  open: boolean;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<PersonForm>();
  const { run, pending } = useAction();
  const close = useGuardedClose(form, onClose);

  const submit = async (v: PersonForm) => {
    const body = {
      name: v.name.trim(),
      pool: v.pool,
      sex: v.sex ?? "",
      birthMonth: v.birthMonth ? v.birthMonth.format("YYYY-MM") : "",
      politicalStatus: v.politicalStatus ?? "",
      unit: v.unit?.trim() ?? "",
      post: v.post?.trim() ?? "",
      rank: v.rank?.trim() ?? "",
      expertise: v.expertise ?? [],
      joinedOn: v.joinedOn ? v.joinedOn.format("YYYY-MM-DD") : undefined,
      phone: v.phone?.trim() ?? "",
    };
    const result = await run(() => api.post<Person>("/people", body));
    if (result.ok) {
      notifySuccess(`已将${body.name}加入${POOL_LABELS[body.pool]}`);
      form.resetFields();
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={open}
      onClose={close}
      title="新增巡察人员"
      width={520}
      submitText="保存"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form<PersonForm> form={form} layout="vertical" onFinish={submit} initialValues={{ pool: "talent" }}>
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
          <Select allowClear options={POLITICAL.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="unit" label="工作单位">
          <Input maxLength={100} />
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
        <Form.Item name="phone" label="联系电话">
          <Input maxLength={30} inputMode="tel" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
