import { SEVERITIES } from "@xuncha/domain/model";
import { Cascader, Form, Input, Radio } from "antd";
import { taxonomyOptions } from "./taxonomy-options";

const OPTIONS = taxonomyOptions();

/** Title, classification, severity and description: shared by the new-finding form and the revision form. */
export function FindingFields() {
  return (
    <>
      <Form.Item
        name="title"
        label="问题标题"
        rules={[
          { required: true, whitespace: true, message: "请填写问题标题" },
          { max: 200, message: "不能超过 200 个字" },
        ]}
      >
        <Input placeholder="一句话概括问题" />
      </Form.Item>
      <Form.Item
        name="classification"
        label="问题类别"
        rules={[{ required: true, type: "array", len: 2, message: "请选择分类体系和问题类别" }]}
      >
        <Cascader options={OPTIONS} placeholder="分类体系 / 问题类别" showSearch expandTrigger="hover" />
      </Form.Item>
      <Form.Item name="severity" label="严重程度" rules={[{ required: true, message: "请选择严重程度" }]}>
        <Radio.Group
          optionType="button"
          options={SEVERITIES.keys.map((k) => ({ value: k, label: SEVERITIES.labels[k] }))}
        />
      </Form.Item>
      <Form.Item
        name="description"
        label="问题描述"
        rules={[
          { required: true, whitespace: true, message: "请填写问题描述" },
          { max: 20000, message: "不能超过 20000 个字" },
        ]}
        extra="写明事实、时间、涉及金额或人员、依据；内容会自动保存为本机草稿。"
      >
        <Input.TextArea autoSize={{ minRows: 8, maxRows: 24 }} showCount maxLength={20000} />
      </Form.Item>
    </>
  );
}
