import { ASSIGNABLE_ROLES, type AssignableRole, ROLE_LABELS } from "@xuncha/domain/model";
import { Checkbox, Form, Input, Select } from "antd";
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
      {role === "officeStaff" && (
        <Form.Item name={[...prefix, "isHead"]} valuePropName="checked">
          <Checkbox>巡察办主任（可查看问题线索）</Checkbox>
        </Form.Item>
      )}
    </>
  );
}
