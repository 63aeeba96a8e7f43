import { Select, Typography } from "antd";
import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { findingStatusTag } from "../../app/status";
import { useRequest } from "../../app/use-request";
import { StatusTagView } from "../../components/status-tag";
import type { FindingDetail, FindingItem, FindingList } from "../findings/api";
import { findingLabel, findingMatches } from "./finding-search";

/** The most findings loaded at once: a group's findings in one round usually fit, then the search is local. */
const PAGE = 200;

interface FindingOption {
  value: string;
  label: string;
  finding: FindingItem;
}

/**
 * Chooses one finding of a round (and group) by its number, title and target, never by its id. The
 * findings are loaded once and searched in the page; where there are more than fit in one request,
 * the typed words are searched on the server (title and description).
 */
export function FindingPicker({
  id,
  value,
  onChange,
  roundId,
  groupId,
}: {
  /** Set by Form.Item, so its label points at the input. */
  id?: string;
  value?: string;
  onChange?: (findingId: string | undefined) => void;
  roundId: string;
  groupId?: string | null | undefined;
}) {
  const scope = { roundId, groupId: groupId ?? undefined };
  const all = useRequest<FindingList>("/findings", { ...scope, pageSize: PAGE });
  const complete = !!all.data && all.data.items.length >= all.data.total;
  const [input, setInput] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(t);
  }, [input]);
  const remote = !!all.data && !complete && q !== "";
  const search = useRequest<FindingList>(remote ? "/findings" : null, { ...scope, q, pageSize: 50 });
  const [known, setKnown] = useState<Record<string, FindingItem>>({});
  useEffect(() => {
    const loaded = [...(all.data?.items ?? []), ...(search.data?.items ?? [])];
    if (loaded.length) setKnown((k) => ({ ...k, ...Object.fromEntries(loaded.map((f) => [f.id, f])) }));
  }, [all.data, search.data]);

  // By number, as the group counts them (the list comes newest first).
  const listed = [...(remote ? (search.data?.items ?? []) : (all.data?.items ?? []))].sort(
    (a, b) => a.number - b.number,
  );
  const chosen = value && !listed.some((f) => f.id === value) ? known[value] : undefined;
  const shown = chosen ? [chosen, ...listed] : listed;
  const loading = all.loading || (remote && search.loading);

  return (
    <Select<string, FindingOption>
      id={id}
      value={value}
      onChange={(v) => onChange?.(v)}
      allowClear
      // A finding registered meanwhile (e.g. in another tab) shows up when the list opens again.
      onOpenChange={(open) => open && all.reload()}
      showSearch={{
        onSearch: setInput,
        filterOption: complete ? (typed, option) => !!option && findingMatches(option.finding, typed) : false,
      }}
      loading={loading}
      placeholder="输入编号、标题或被巡察对象搜索本组问题"
      notFoundContent={loading ? "加载中…" : input.trim() ? "没有匹配的问题" : "本组在本轮尚未登记问题"}
      options={shown.map((f) => ({ value: f.id, label: findingLabel(f), finding: f }))}
      optionRender={(option) => {
        const f = option.data.finding;
        return (
          <div style={{ whiteSpace: "normal" }}>
            <div>{findingLabel(f)}</div>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {f.target.name} · {f.categoryName} <StatusTagView tag={findingStatusTag(f.status)} />
            </Typography.Text>
          </div>
        );
      }}
      style={{ width: "100%" }}
    />
  );
}

/** The finding a used tip is linked to, as a link to it; a reader who may not see it reads that it is linked. */
export function LinkedFinding({ findingId }: { findingId: string }) {
  const finding = useRequest<FindingDetail>(`/findings/${findingId}`);
  if (finding.error)
    return finding.error.status === 404 || finding.error.status === 403 ? (
      <Typography.Text type="secondary">已关联问题（无权查看）</Typography.Text>
    ) : (
      <Typography.Text type="secondary">
        已关联问题（加载失败：{finding.error.message}）{" "}
        <Typography.Link onClick={finding.reload}>重试</Typography.Link>
      </Typography.Text>
    );
  if (!finding.data) return <Typography.Text type="secondary">加载中…</Typography.Text>;
  const f = finding.data;
  return (
    <Link to={`/findings?roundId=${f.roundId}&open=${f.id}`}>
      {findingLabel(f)}（{f.target.name}）
    </Link>
  );
}
