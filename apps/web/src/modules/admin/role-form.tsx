import { ASSIGNABLE_ROLES, type AssignableRole, ROLE_LABELS } from "@xuncha/domain/model";
import { Checkbox, Form, Input, Select } from "antd";
import { useRequest } from "../../app/use-request";
import type { Committee } from "./api";
import { INSTALLATION_ROLES } from "./api";

/** The fields of one role assignment: the role, its committee, and the target or head flag where they apply. */
export function RoleFields({
  committees,
  prefix = [],
}: {
  committees: Committee[];
  prefix?: (string | number)[];
}) {
  const role = Form.useWatch([...prefix, "role"]) as AssignableRole | undefined;
  const scoped = role !== undefined && !INSTALLATION_ROLES.includes(role);
  const committeeId = Form.useWatch([...prefix, "committeeId"]) as string | undefined;
  const departments = useRequest<{ id: string; name: string }[]>(
    role === "partnerDept" && committeeId ? "/partner-departments" : null,
    { committeeId },
  );
  return (
    <>
      <Form.Item name={[...prefix, "role"]} label="角色" rules={[{ required: true, message: "请选择角色" }]}>
        <Select
          options={ASSIGNABLE_ROLES.map((r) => ({ value: r, label: ROLE_LABELS[r] }))}
          placeholder="选择角色"
        />
      </Form.Item>
      {scoped && (
        <Form.Item
          name={[...prefix, "committeeId"]}
          label="所属党委"
          rules={[{ required: true, message: "请选择该角色所属的党委" }]}
        >
          <Select
            showSearch={{ optionFilterProp: "label" }}
            options={committees.map((c) => ({ value: c.id, label: `${"　".repeat(c.depth)}${c.name}` }))}
            placeholder="选择党委"
          />
        </Form.Item>
      )}
      {role === "targetContact" && (
        <Form.Item
          name={[...prefix, "targetId"]}
          label="被巡察对象编号"
          rules={[
            { required: true, whitespace: true, message: "请填写该联系人所在的被巡察对象编号" },
            { pattern: /^[0-9a-f-]{36}$/i, message: "编号格式有误：请从被巡察对象库的编辑页复制" },
          ]}
          extra="由巡察办在“被巡察对象库 → 编辑”中复制对象编号提供。联系人只能查看本单位的反馈与整改。"
        >
          <Input placeholder="如：3f2b…（36 位）" />
        </Form.Item>
      )}
      {role === "partnerDept" && (
        <Form.Item
          name={[...prefix, "partnerDepartmentId"]}
          label="联席会成员单位"
          rules={[{ required: true, message: "请选择该账号所代表的单位" }]}
          extra="单位由巡察办在“巡前情况通报 → 联席会成员单位”中添加。该账号只能看到发给本单位的通报请求。"
        >
          <Select
            loading={departments.loading}
            placeholder={committeeId ? "选择单位" : "请先选择所属党委"}
            options={(departments.data ?? []).map((d) => ({ value: d.id, label: d.name }))}
          />
        </Form.Item>
      )}
      {role === "officeStaff" && (
        <Form.Item name={[...prefix, "isHead"]} valuePropName="checked">
          <Checkbox>巡察办主任（可查看问题线索）</Checkbox>
        </Form.Item>
      )}
      {role === "targetContact" && (
        <Form.Item name={[...prefix, "isHead"]} valuePropName="checked">
          <Checkbox>主要负责人（以本人账号对整改方案、整改报告签字背书）</Checkbox>
        </Form.Item>
      )}
    </>
  );
}
