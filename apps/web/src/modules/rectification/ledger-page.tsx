import { PrinterOutlined } from "@ant-design/icons";
import { chinaDate } from "@xuncha/domain/model";
import { App, Button, Space, Tag, Typography } from "antd";
import { useState } from "react";
import { Navigate, useSearchParams } from "react-router-dom";
import { api } from "../../app/api-client";
import { useMe } from "../../app/auth";
import { notifySuccess } from "../../app/notify";
import { hasRole } from "../../app/session";
import { ledgerStateTag, TONE_COLORS } from "../../app/status";
import { totalText } from "../../app/table";
import { useAction, useRequest } from "../../app/use-request";
import { useServerPaging } from "../../app/use-server-paging";
import { DataTable } from "../../components/data-table";
import { ExportButton } from "../../components/export-button";
import { LoadError } from "../../components/load-error";
import { PageContainer } from "../../components/page-container";
import { RateText } from "../../components/rate-text";
import { ReasonModal } from "../../components/reason-modal";
import { TableToolbar } from "../../components/table-toolbar";
import type { Ledger, LedgerItem } from "./api";
import { CloseOutModal } from "./close-out";
import { LedgerItemDetail, ledgerColumns } from "./ledger-columns";
import { LedgerFilters, ledgerQuery, useLedgerFilters } from "./ledger-filters";
import { LedgerSumsText, RatesCard } from "./ledger-rates";

/** 整改台账 for the office and reviewers: one row per fed-back problem, coloured by state. */
export function LedgerPage() {
  const me = useMe();
  const { modal } = App.useApp();
  const contactOnly =
    hasRole(me, "targetContact") &&
    !hasRole(me, "officeStaff", "leadership", "disciplineReviewer", "organizationReviewer");
  const { page, pageSize, setPage, pagination } = useServerPaging(50, [20, 50, 100, 200]);
  const [params] = useSearchParams();
  const { values, change } = useLedgerFilters(setPage, params.get("state"));
  const filters = ledgerQuery(values);
  const ledger = useRequest<Ledger>(contactOnly ? null : "/rectification/ledger", {
    ...filters,
    page,
    pageSize,
  });
  const [closing, setClosing] = useState<LedgerItem | null>(null);
  const [reopening, setReopening] = useState<LedgerItem | null>(null);
  const { run, pending } = useAction();

  if (contactOnly) return <Navigate to="/rectification/mine" replace />;
  const items = ledger.data?.items ?? [];
  const today = ledger.data?.today ?? chinaDate();

  const reopen = async (reason: string) => {
    if (!reopening) return;
    const result = await run(() => api.post(`/findings/${reopening.finding.id}/reopen`, { reason }));
    if (result.ok) {
      notifySuccess(`问题 ${reopening.finding.number} 已重新打开`);
      setReopening(null);
      ledger.reload();
    }
  };

  const columns = ledgerColumns({
    today,
    onCloseOut: setClosing,
    onReopen: (i) =>
      modal.confirm({
        title: "重新打开已销号的问题？",
        content:
          "重新打开后，该问题不再计入已整改，整改率随之变化；各项措施记为“未完成”，被巡察单位须重新报告完成、经审核后再销号。须填写理由，并记入审计日志。",
        okText: "继续",
        cancelText: "取消",
        onOk: () => setReopening(i),
      }),
  });

  return (
    <PageContainer
      title="整改台账"
      extra={
        <Space className="xc-no-print">
          <ExportButton path="/rectification/ledger/export" query={filters} fileName="整改台账.xlsx" />
          <Button icon={<PrinterOutlined />} onClick={() => window.print()}>
            打印
          </Button>
        </Space>
      }
    >
      <LedgerFilters values={values} onChange={change} />
      <RatesCard roundId={values.roundId} />
      {ledger.error ? (
        <LoadError error={ledger.error} onRetry={ledger.reload} />
      ) : (
        <>
          <TableToolbar
            countText={
              <Space orientation="vertical" size={0}>
                <span>
                  共 {ledger.data?.total ?? items.length} 个问题 · 整改率{" "}
                  {ledger.data ? <RateText rate={ledger.data.rate} strong /> : "—"}
                </span>
                {ledger.data?.sums && (
                  <Typography.Text type="secondary">
                    <LedgerSumsText sums={ledger.data.sums} />
                  </Typography.Text>
                )}
              </Space>
            }
          >
            <Space size={4} wrap>
              {(["overdue", "dueSoon", "progress", "waiting", "done"] as const).map((t) => (
                <Tag key={t} color={TONE_COLORS[t]}>
                  {
                    {
                      overdue: "已逾期",
                      dueSoon: "即将到期",
                      progress: "整改中",
                      waiting: "待销号",
                      done: "已销号",
                    }[t]
                  }
                </Tag>
              ))}
            </Space>
          </TableToolbar>
          <DataTable<LedgerItem>
            rowKey={(i) => i.finding.id}
            size="middle"
            loading={ledger.loading}
            columns={columns}
            dataSource={items}
            scroll={{ x: "max-content" }}
            rowClassName={(i) => `xc-row-${ledgerStateTag(i.state, i.measures, today).tone}`}
            expandable={{
              expandedRowRender: (i) => <LedgerItemDetail item={i} today={today} onChanged={ledger.reload} />,
            }}
            pagination={pagination(ledger.data?.total ?? 0, totalText("个问题"))}
            locale={{ emptyText: "暂无已反馈的问题" }}
          />
        </>
      )}
      <CloseOutModal
        item={closing}
        onClose={() => setClosing(null)}
        onDone={() => {
          setClosing(null);
          ledger.reload();
        }}
      />
      <ReasonModal
        open={reopening !== null}
        title="重新打开问题"
        label="重新打开的理由"
        okText="重新打开"
        danger
        pending={pending}
        onSubmit={reopen}
        onCancel={() => setReopening(null)}
      />
    </PageContainer>
  );
}
