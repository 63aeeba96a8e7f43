import { ORG_FORMS, TARGET_CATEGORIES } from "@xuncha/domain/model";
import { AutoComplete, DatePicker, Form, Input, Select, Typography } from "antd";
import dayjs, { type Dayjs } from "dayjs";
import { useEffect } from "react";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import { useGuardedClose } from "../../components/use-guarded-close";
import type { Target } from "./api";

interface TargetForm {
  name: string;
  category?: string | null;
  orgForm?: string;
  parentOrgName?: string;
  sector?: string;
  principal?: string;
  leaders?: string;
  phone?: string;
  lastInspectedOn?: Dayjs | null;
  lastRoundLabel?: string;
}

const SECTORS = [
  "教育",
  "卫健",
  "政法",
  "农业农村",
  "财政金融",
  "交通运输",
  "住建",
  "市场监管",
  "民政",
  "国资",
];

/** Create or edit a target of the registry. */
export function TargetFormDrawer({
  target,
  onClose,
  onSaved,
}: {
  target: Target | "new" | null;
  onClose: () => void;
  onSaved: () => void;
}) {
  const [form] = Form.useForm<TargetForm>();
  const { run, pending } = useAction();
  const editing = target && target !== "new" ? target : null;
  const close = useGuardedClose(form, onClose);

  useEffect(() => {
    if (!target) return;
    form.resetFields();
    if (target !== "new") {
      form.setFieldsValue({
        ...target,
        lastInspectedOn: target.lastInspectedOn ? dayjs(target.lastInspectedOn) : null,
      });
    }
  }, [target, form]);

  const submit = async (v: TargetForm) => {
    const body = {
      name: v.name.trim(),
      category: v.category || null,
      orgForm: v.orgForm?.trim() ?? "",
      parentOrgName: v.parentOrgName?.trim() ?? "",
      sector: v.sector?.trim() ?? "",
      principal: v.principal?.trim() ?? "",
      leaders: v.leaders?.trim() ?? "",
      phone: v.phone?.trim() ?? "",
      lastInspectedOn: v.lastInspectedOn ? v.lastInspectedOn.format("YYYY-MM-DD") : null,
      lastRoundLabel: v.lastRoundLabel?.trim() ?? "",
    };
    const result = await run(() =>
      editing ? api.patch<Target>(`/targets/${editing.id}`, body) : api.post<Target>("/targets", body),
    );
    if (result.ok) {
      notifySuccess(editing ? "已保存" : `已新增“${body.name}”`);
      onSaved();
    }
  };

  return (
    <FormDrawer
      open={target !== null}
      onClose={close}
      title={editing ? `编辑：${editing.name}` : "新增被巡察对象"}
      width={560}
      submitText="保存"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      {editing && (
        <Typography.Paragraph type="secondary">
          对象编号：
          <Typography.Text copyable={{ tooltips: ["复制编号", "已复制"] }} code>
            {editing.id}
          </Typography.Text>
          （为本单位联系人开通账号时，提供给安全管理员）
        </Typography.Paragraph>
      )}
      <Form<TargetForm> form={form} layout="vertical" onFinish={submit}>
        <Form.Item
          name="name"
          label="党组织名称"
          rules={[
            { required: true, whitespace: true, message: "请填写党组织名称" },
            { max: 100, message: "不能超过 100 个字" },
          ]}
        >
          <Input placeholder="如：中共某某县教育局党组" />
        </Form.Item>
        <Form.Item name="category" label="对象类别" extra="不选时按类型和名称自动判断">
          <Select
            allowClear
            placeholder="自动判断"
            options={TARGET_CATEGORIES.keys.map((k) => ({ value: k, label: TARGET_CATEGORIES.labels[k] }))}
          />
        </Form.Item>
        <Form.Item name="orgForm" label="类型">
          <AutoComplete
            options={ORG_FORMS.map((f) => ({ value: f }))}
            placeholder="党组 / 党委 / 党工委 / 党总支 / 党支部 …"
          />
        </Form.Item>
        <Form.Item name="parentOrgName" label="上级党组织">
          <Input maxLength={100} />
        </Form.Item>
        <Form.Item name="sector" label="所属系统领域">
          <AutoComplete options={SECTORS.map((s) => ({ value: s }))} />
        </Form.Item>
        <Form.Item name="principal" label="主要负责人">
          <Input maxLength={50} />
        </Form.Item>
        <Form.Item name="leaders" label="班子成员">
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Form.Item
          name="phone"
          label="联系电话"
          rules={[{ pattern: /^[0-9+\-() 转]{0,30}$/, message: "请填写有效的电话号码" }]}
        >
          <Input maxLength={50} inputMode="tel" />
        </Form.Item>
        <Form.Item name="lastInspectedOn" label="上次巡察时间">
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
        <Form.Item name="lastRoundLabel" label="上次巡察轮次">
          <Input maxLength={50} placeholder="如：十三届县委第五轮巡察" />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
