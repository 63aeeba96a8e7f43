import { Card, Switch, Typography } from "antd";
import { api } from "../../app/api-client";
import { notifySuccess } from "../../app/notify";
import { useAction, useRequest } from "../../app/use-request";
import { LoadError } from "../../components/load-error";
import type { Setting } from "./api";

/** The committee's optional recusal rule (ROLES.md: rotation applies "where the committee sets this rule"). */
export function RecusalRulesCard({ editable }: { editable: boolean }) {
  const setting = useRequest<Setting<{ enabled: boolean }>>("/committee-settings/recusal.rotation");
  const { run, pending } = useAction();
  const save = async (enabled: boolean) => {
    const result = await run(() =>
      api.put<Setting<{ enabled: boolean }>>("/committee-settings/recusal.rotation", { value: { enabled } }),
    );
    if (result.ok) {
      setting.setData(result.value);
      notifySuccess(enabled ? "已启用轮换回避" : "已停用轮换回避");
    }
  };
  return (
    <Card size="small" title="回避规则">
      {setting.error ? (
        <LoadError error={setting.error} onRetry={setting.reload} />
      ) : (
        <>
          <Switch
            checked={setting.data?.value.enabled ?? true}
            loading={!setting.data || pending}
            disabled={!editable}
            onChange={save}
            aria-label="轮换回避"
          />{" "}
          <Typography.Text>上一轮巡察过同一单位的人员，本轮不再巡察该单位（轮换）</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, marginBottom: 0 }}>
            任职经历、亲属任职、上下级关系和本人单位的回避始终适用；存在回避情形的安排须经领导小组同意并写明理由。
          </Typography.Paragraph>
        </>
      )}
    </Card>
  );
}
