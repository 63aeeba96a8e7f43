import { DatePicker, Form, Input, Select } from "antd";
import type { Dayjs } from "dayjs";
import { api } from "../../app/api-client";
import { drafts } from "../../app/draft";
import { formatDate } from "../../app/format";
import { notifySuccess } from "../../app/notify";
import { useAction } from "../../app/use-request";
import { FormDrawer } from "../../components/form-drawer";
import type { IssuedDocument } from "./api";

interface AnnouncementForm {
  groupId?: string;
  phone: string;
  mailbox: string;
  email: string;
  deadline: Dayjs;
}

/** The contact lines of the last announcement issued from this browser, offered again. */
const CONTACT_KEY = "announcement.contact";
type Contact = Pick<AnnouncementForm, "phone" | "mailbox" | "email">;

/** Office: generate the round's (or one group's) 巡察公告 with phone, mailbox, email, deadline. */
export function AnnouncementFormDrawer({
  roundId,
  groups,
  open,
  onClose,
  onIssued,
}: {
  roundId: string;
  groups: { id: string; name: string }[];
  open: boolean;
  onClose: () => void;
  onIssued: (d: IssuedDocument) => void;
}) {
  const [form] = Form.useForm<AnnouncementForm>();
  const { run, pending } = useAction();
  const submit = async (v: AnnouncementForm) => {
    const result = await run(() =>
      api.post<IssuedDocument>(`/rounds/${roundId}/documents/announcement`, {
        phone: v.phone.trim(),
        mailbox: v.mailbox.trim(),
        email: v.email.trim(),
        deadline: formatDate(v.deadline.toDate()),
        groupId: v.groupId || undefined,
      }),
    );
    if (result.ok) {
      notifySuccess(`已生成${result.value.number}`);
      const contact: Contact = { phone: v.phone.trim(), mailbox: v.mailbox.trim(), email: v.email.trim() };
      drafts.save(CONTACT_KEY, contact);
      form.resetFields();
      form.setFieldsValue(contact);
      onIssued(result.value);
    }
  };
  return (
    <FormDrawer
      open={open}
      onClose={onClose}
      title="生成巡察公告"
      width={480}
      submitText="生成公告"
      pending={pending}
      onSubmit={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        name="announcement"
        onFinish={submit}
        initialValues={drafts.load<Contact>(CONTACT_KEY)}
      >
        <Form.Item name="groupId" label="范围" extra="不选则生成本轮各巡察组的统一公告">
          <Select
            allowClear
            placeholder="本轮全部巡察组"
            options={groups.map((g) => ({ value: g.id, label: g.name }))}
          />
        </Form.Item>
        <Form.Item
          name="phone"
          label="值班电话"
          rules={[{ required: true, whitespace: true, message: "请填写值班电话" }]}
          extra="电话、信箱和邮箱默认沿用上次生成公告时填写的内容，各组不同时请修改。"
        >
          <Input maxLength={40} inputMode="tel" placeholder="如：0931-1234567" />
        </Form.Item>
        <Form.Item
          name="mailbox"
          label="邮政信箱"
          rules={[{ required: true, whitespace: true, message: "请填写邮政信箱" }]}
        >
          <Input maxLength={100} placeholder="如：××县邮政1001号信箱" />
        </Form.Item>
        <Form.Item
          name="email"
          label="电子邮箱"
          rules={[
            { required: true, whitespace: true, message: "请填写电子邮箱" },
            { type: "email", message: "电子邮箱格式有误" },
          ]}
        >
          <Input maxLength={100} inputMode="email" />
        </Form.Item>
        <Form.Item
          name="deadline"
          label="受理截止日期"
          rules={[{ required: true, message: "请选择受理截止日期" }]}
        >
          <DatePicker style={{ width: "100%" }} />
        </Form.Item>
      </Form>
    </FormDrawer>
  );
}
