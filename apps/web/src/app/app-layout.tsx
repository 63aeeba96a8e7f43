import { LogoutOutlined, MenuOutlined, UserOutlined } from "@ant-design/icons";
import { Breadcrumb, Button, Drawer, Dropdown, Grid, Layout, Menu, Space, Spin, Tag, Typography } from "antd";
import { createContext, Suspense, useContext, useEffect, useMemo, useState } from "react";
import { Link, Navigate, Outlet, useLocation, useMatches, useNavigate } from "react-router-dom";
import { useAuth } from "./auth";
import { navItemsFor, selectedNavPath } from "./navigation";
import { NotificationBell } from "./notification-bell";
import { roleLabels } from "./session";

/** Route handle: the breadcrumb label of a route (a string, or a function of its params). */
export interface RouteHandle {
  crumb?: string | ((params: Record<string, string | undefined>) => string);
}

function Brand({ collapsed }: { collapsed?: boolean }) {
  return (
    <div className="xc-brand">
      <span className="xc-brand-mark" aria-hidden>
        巡
      </span>
      {!collapsed && <span>巡察工作信息系统</span>}
    </div>
  );
}

const CrumbTitleContext = createContext<(title: string | null) => void>(() => {});

/** Lets a detail page name the last breadcrumb (the person's or the round's name instead of "人员详情"). */
export function useCrumbTitle(title: string | null | undefined) {
  const set = useContext(CrumbTitleContext);
  useEffect(() => {
    set(title || null);
    return () => set(null);
  }, [set, title]);
}

function Crumbs({ lastTitle }: { lastTitle: string | null }) {
  const matches = useMatches();
  const items = matches.flatMap((m) => {
    const crumb = (m.handle as RouteHandle | undefined)?.crumb;
    if (!crumb) return [];
    const title = typeof crumb === "function" ? crumb(m.params) : crumb;
    return [{ key: m.id, path: m.pathname, title }];
  });
  const last = items[items.length - 1];
  if (last && lastTitle && last.path === matches[matches.length - 1]?.pathname) last.title = lastTitle;
  // A single crumb repeats the page title; show the trail only below the first level.
  if (items.length < 2) return null;
  return (
    <Breadcrumb
      items={items.map((c, i) => ({
        key: c.key,
        title: i < items.length - 1 ? <Link to={c.path}>{c.title}</Link> : c.title,
      }))}
    />
  );
}

export function PageLoading() {
  return (
    <div style={{ padding: 48, textAlign: "center" }}>
      <Spin size="large" description="加载中…" />
    </div>
  );
}

/** The shell of every logged-in page: left navigation by module, header with the account, breadcrumbs. */
export function AppLayout() {
  const { state, logout } = useAuth();
  const screens = Grid.useBreakpoint();
  const location = useLocation();
  const navigate = useNavigate();
  const [collapsed, setCollapsed] = useState(false);
  const [drawerOpen, setDrawerOpen] = useState(false);
  const [crumbTitle, setCrumbTitle] = useState<string | null>(null);
  const me = state.status === "authenticated" ? state.me : null;
  const items = useMemo(() => (me ? navItemsFor(me) : []), [me]);

  if (state.status === "loading") return <PageLoading />;
  if (!me) return <Navigate to="/login" replace state={{ from: location.pathname + location.search }} />;

  // Before the first measurement, breakpoints are empty: treat as desktop.
  const mobile = screens.md === false;
  const selected = selectedNavPath(items, location.pathname);
  const menu = (
    <Menu
      theme="dark"
      mode="inline"
      selectedKeys={selected ? [selected] : []}
      items={items.map((i) => ({ key: i.path, icon: i.icon, label: i.label }))}
      onClick={({ key }) => {
        setDrawerOpen(false);
        navigate(key);
      }}
    />
  );
  const labels = roleLabels(me);
  const onLogout = async () => {
    await logout();
    navigate("/login", { replace: true });
  };

  return (
    <Layout style={{ minHeight: "100vh" }}>
      {!mobile && (
        <Layout.Sider
          collapsible
          collapsed={collapsed}
          onCollapse={setCollapsed}
          width={216}
          style={{ position: "sticky", top: 0, height: "100vh", overflow: "auto" }}
        >
          <Brand collapsed={collapsed} />
          <nav aria-label="主导航">{menu}</nav>
        </Layout.Sider>
      )}
      {mobile && (
        <Drawer
          placement="left"
          open={drawerOpen}
          onClose={() => setDrawerOpen(false)}
          size={248}
          closable={false}
          styles={{ body: { padding: 0, background: "#001529" } }}
        >
          <Brand />
          <nav aria-label="主导航">{menu}</nav>
        </Drawer>
      )}
      <Layout style={{ minWidth: 0 }}>
        <Layout.Header className="xc-header">
          {mobile && (
            <Button
              type="text"
              icon={<MenuOutlined />}
              aria-label="打开导航菜单"
              onClick={() => setDrawerOpen(true)}
            />
          )}
          {mobile && <Typography.Text strong>巡察工作信息系统</Typography.Text>}
          <div className="xc-header-user">
            {!mobile && me.account.committeeName && (
              <Typography.Text type="secondary" ellipsis style={{ maxWidth: 240 }}>
                {me.account.committeeName}
              </Typography.Text>
            )}
            {!mobile &&
              labels.slice(0, 3).map((l) => (
                <Tag key={l} color="blue" style={{ marginInlineEnd: 0 }}>
                  {l}
                </Tag>
              ))}
            <NotificationBell />
            <Dropdown
              trigger={["click"]}
              menu={{
                items: [
                  ...(mobile
                    ? [
                        {
                          key: "info",
                          disabled: true,
                          label: (
                            <Space orientation="vertical" size={2}>
                              <span>{me.account.committeeName ?? "本系统"}</span>
                              <span>{labels.join("、")}</span>
                            </Space>
                          ),
                        },
                        { type: "divider" as const },
                      ]
                    : []),
                  { key: "logout", icon: <LogoutOutlined />, label: "退出登录", onClick: onLogout },
                ],
              }}
            >
              <Button type="text" icon={<UserOutlined />} data-testid="user-menu">
                {me.account.name}
              </Button>
            </Dropdown>
            {!mobile && (
              <Button type="text" icon={<LogoutOutlined />} onClick={onLogout}>
                退出
              </Button>
            )}
          </div>
        </Layout.Header>
        <Layout.Content className="xc-content">
          <Crumbs lastTitle={crumbTitle} />
          <CrumbTitleContext.Provider value={setCrumbTitle}>
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </CrumbTitleContext.Provider>
        </Layout.Content>
      </Layout>
    </Layout>
  );
}
