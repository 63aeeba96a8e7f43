import { TARGET_CATEGORIES } from "@xuncha/domain/model";
import { Select } from "antd";
import { useEffect, useState } from "react";
import { asPaged, type Paged } from "../../app/paged";
import { useRequest } from "../../app/use-request";
import type { Target } from "./api";

/** Searches the target registry on the server (by name), for large registries of villages. */
export function TargetPicker({
  id,
  value,
  onChange,
  exclude = [],
  multiple = true,
  placeholder = "输入名称搜索被巡察对象",
  labels = {},
}: {
  /** Set by Form.Item, so its label points at the input. */
  id?: string;
  value?: string[];
  onChange?: (ids: string[]) => void;
  exclude?: string[];
  multiple?: boolean;
  placeholder?: string;
  /** Names of targets already chosen (shown before a search loads them, instead of their id). */
  labels?: Record<string, string>;
}) {
  const [input, setInput] = useState("");
  const [q, setQ] = useState("");
  useEffect(() => {
    const t = setTimeout(() => setQ(input.trim()), 300);
    return () => clearTimeout(t);
  }, [input]);
  const result = useRequest<Paged<Target> | Target[]>("/targets", { q, pageSize: 50 });
  const [known, setKnown] = useState<Record<string, Target>>({});
  const items = asPaged(result.data).items;
  useEffect(() => {
    const loaded = asPaged(result.data).items;
    if (loaded.length) setKnown((k) => ({ ...k, ...Object.fromEntries(loaded.map((t) => [t.id, t])) }));
  }, [result.data]);

  const shown = [
    ...items.filter((t) => !exclude.includes(t.id)),
    ...(value ?? [])
      .filter((id) => !items.some((t) => t.id === id))
      .flatMap((id) => (known[id] ? [known[id]] : [])),
  ];
  const unnamed = (value ?? []).filter((id) => !shown.some((t) => t.id === id) && labels[id]);
  return (
    <Select
      id={id}
      mode={multiple ? "multiple" : undefined}
      // A single choice can be taken back (the field is optional where it is single).
      allowClear={!multiple}
      showSearch={{ filterOption: false, onSearch: setInput }}
      loading={result.loading}
      value={multiple ? value : value?.[0]}
      onChange={(v: string[] | string | undefined) => onChange?.(Array.isArray(v) ? v : v ? [v] : [])}
      placeholder={placeholder}
      notFoundContent={result.loading ? "搜索中…" : "没有匹配的对象"}
      options={[
        ...shown.map((t) => ({
          value: t.id,
          label: `${t.name}（${TARGET_CATEGORIES.labels[t.category] ?? t.category}）`,
        })),
        ...unnamed.map((id) => ({ value: id, label: labels[id] })),
      ]}
      style={{ width: "100%" }}
    />
  );
}
