import { ROUND_STAGES, type RoundStage } from "@xuncha/domain/model";
import { App, Typography } from "antd";
import { useCallback } from "react";
import { api } from "../../app/api-client";
import { ApiError } from "../../app/api-error";
import { notifyError, notifySuccess } from "../../app/notify";
import type { OpenItemsDetails } from "./api";

/**
 * Moves a round to a stage through POST /rounds/:id/stage: when work items of the stages left
 * behind are still open, the server answers 409 with them; they are shown, and the move goes
 * ahead only if the user confirms.
 */
export function useMoveStage(roundId: string, onMoved: (stage: RoundStage) => void) {
  const { modal } = App.useApp();
  return useCallback(
    (stage: RoundStage) => {
      const label = ROUND_STAGES.labels[stage];
      const move = async (confirmOpenItems: boolean) => {
        await api.post(`/rounds/${roundId}/stage`, { stage, confirmOpenItems });
        notifySuccess(`已进入“${label}”阶段`);
        onMoved(stage);
      };
      modal.confirm({
        title: `将本轮巡察调整到“${label}”阶段？`,
        content: "阶段调整会记入审计日志。",
        okText: "确认调整",
        cancelText: "取消",
        onOk: async () => {
          try {
            await move(false);
          } catch (e) {
            if (!(e instanceof ApiError && e.code === "round.stage_open_items")) {
              notifyError(e);
              return;
            }
            const open = (e.details as OpenItemsDetails | undefined)?.openItems ?? [];
            modal.confirm({
              title: `还有 ${open.length} 项工作事项未完成`,
              width: 560,
              content: (
                <div style={{ maxHeight: 320, overflow: "auto" }}>
                  <Typography.Paragraph type="secondary">
                    仍可进入“{label}”阶段，未完成的事项会继续显示为待办或逾期。
                  </Typography.Paragraph>
                  <ul style={{ paddingInlineStart: 18, margin: 0 }}>
                    {open.slice(0, 50).map((i) => (
                      <li key={i.id}>
                        <Typography.Text type="secondary">{i.stageLabel}：</Typography.Text>
                        {i.title}
                      </li>
                    ))}
                  </ul>
                  {open.length > 50 && (
                    <Typography.Text type="secondary">…… 共 {open.length} 项</Typography.Text>
                  )}
                </div>
              ),
              okText: "仍然进入下一阶段",
              cancelText: "返回处理",
              onOk: async () => {
                try {
                  await move(true);
                } catch (err) {
                  notifyError(err);
                }
              },
            });
          }
        },
      });
    },
    [modal, roundId, onMoved],
  );
}
