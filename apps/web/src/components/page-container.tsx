import type { ReactNode } from "react";

/** A page: its title (h1), actions on the right, then the content. */
export function PageContainer({
  title,
  extra,
  children,
}: {
  title: ReactNode;
  extra?: ReactNode;
  children: ReactNode;
}) {
  return (
    <section>
      <div className="xc-page-head">
        <h1>{title}</h1>
        {extra && <div style={{ display: "flex", flexWrap: "wrap", gap: 8 }}>{extra}</div>}
      </div>
      {children}
    </section>
  );
}
