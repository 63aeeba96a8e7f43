import { Button, Result } from "antd";
import { type ComponentType, lazy, type ReactNode, Suspense } from "react";
import { createBrowserRouter, Link, Navigate, useRouteError } from "react-router-dom";
import { AppLayout, PageLoading, type RouteHandle } from "./app-layout";
import { useAuth } from "./auth";
import { homePath } from "./navigation";
import type { ModuleKey } from "./session";

/** React.lazy for a named export: each page is its own chunk. */
function page<M extends Record<string, unknown>>(load: () => Promise<M>, name: keyof M & string) {
  return lazy(async () => ({ default: (await load())[name] as ComponentType }));
}

const LoginPage = page(() => import("../modules/auth/login-page"), "LoginPage");
const DashboardPage = page(() => import("../modules/dashboard/dashboard-page"), "DashboardPage");
const TargetsPage = page(() => import("../modules/targets/targets-page"), "TargetsPage");
const PeoplePage = page(() => import("../modules/personnel/people-page"), "PeoplePage");
const PersonPage = page(() => import("../modules/personnel/person-page"), "PersonPage");
const TrainingsPage = page(() => import("../modules/personnel/trainings-page"), "TrainingsPage");
const CoveragePage = page(() => import("../modules/planning/coverage-page"), "CoveragePage");
const RoundsPage = page(() => import("../modules/rounds/rounds-page"), "RoundsPage");
const RoundDetailPage = page(() => import("../modules/rounds/round-detail-page"), "RoundDetailPage");
const FeedbackPage = page(() => import("../modules/feedback/feedback-page"), "FeedbackPage");
const FindingsPage = page(() => import("../modules/findings/findings-page"), "FindingsPage");
const NewFindingPage = page(() => import("../modules/findings/new-finding-page"), "NewFindingPage");
const ImmediateFixesPage = page(
  () => import("../modules/findings/immediate-fixes-page"),
  "ImmediateFixesPage",
);
const ReportsPage = page(() => import("../modules/reports/reports-page"), "ReportsPage");
const ReportPage = page(() => import("../modules/reports/report-page"), "ReportPage");
const CluesPage = page(() => import("../modules/clues/clues-page"), "CluesPage");
const BriefingsPage = page(() => import("../modules/fieldwork/briefings-page"), "BriefingsPage");
const PartnerBriefingsPage = page(
  () => import("../modules/fieldwork/partner-briefings-page"),
  "PartnerBriefingsPage",
);
const InterviewsPage = page(() => import("../modules/fieldwork/interviews-page"), "InterviewsPage");
const FieldworkRecordsPage = page(() => import("../modules/fieldwork/records-page"), "FieldworkRecordsPage");
const LedgerPage = page(() => import("../modules/rectification/ledger-page"), "LedgerPage");
const MyRectificationPage = page(
  () => import("../modules/rectification/my-rectification-page"),
  "MyRectificationPage",
);
const SubjectPage = page(() => import("../modules/rectification/subject-page"), "SubjectPage");
const ReviewsPage = page(() => import("../modules/rectification/reviews-page"), "ReviewsPage");
const EscalationsPage = page(() => import("../modules/rectification/escalations-page"), "EscalationsPage");
const MyEscalationsPage = page(
  () => import("../modules/rectification/my-escalations-page"),
  "MyEscalationsPage",
);
const ReviewPage = page(() => import("../modules/rectification/review-page"), "ReviewPage");
const FollowUpPage = page(() => import("../modules/rectification/follow-up/follow-up-page"), "FollowUpPage");
const CommitteesPage = page(() => import("../modules/admin/committees-page"), "CommitteesPage");
const AccountsPage = page(() => import("../modules/admin/accounts-page"), "AccountsPage");
const SecurityPage = page(() => import("../modules/admin/security-page"), "SecurityPage");
const AuditPage = page(() => import("../modules/audit/audit-page"), "AuditPage");
const WorkItemSettingsPage = page(
  () => import("../modules/work-items/work-item-settings-page"),
  "WorkItemSettingsPage",
);
const RoundEvaluationsPage = page(
  () => import("../modules/evaluations/round-evaluations-page"),
  "RoundEvaluationsPage",
);
const ConductPage = page(() => import("../modules/evaluations/conduct-page"), "ConductPage");
const SurveysPage = page(() => import("../modules/surveys/surveys-page"), "SurveysPage");
const SurveyPage = page(() => import("../modules/surveys/survey-page"), "SurveyPage");
const QuestionnairesPage = page(() => import("../modules/surveys/questionnaires-page"), "QuestionnairesPage");
const SurveyAnswerPage = page(() => import("../modules/surveys/answer-page"), "SurveyAnswerPage");
const RegistersPage = page(() => import("../modules/documents/registers-page"), "RegistersPage");
const TipsPage = page(() => import("../modules/tips/tips-page"), "TipsPage");
const PublicTipPage = page(() => import("../modules/tips/public-tip-page"), "PublicTipPage");
const TipReceiptPage = page(() => import("../modules/tips/receipt-page"), "ReceiptPage");

/** Shows the page only when the account's menu holds its module, or one of them (the server checks again). */
function RequireModule({ module, children }: { module: ModuleKey | ModuleKey[]; children: ReactNode }) {
  const { state } = useAuth();
  if (state.status !== "authenticated") return null;
  const modules = Array.isArray(module) ? module : [module];
  if (!modules.some((m) => state.me.menu.includes(m))) {
    return <Result status="403" title="没有权限" subTitle="您的角色不能访问此页面。" />;
  }
  return <>{children}</>;
}

function Home() {
  const { state } = useAuth();
  if (state.status !== "authenticated") return <PageLoading />;
  return <Navigate to={homePath(state.me)} replace />;
}

function NotFound() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，请从左侧导航进入。"
      extra={
        <Link to="/">
          <Button type="primary">返回首页</Button>
        </Link>
      }
    />
  );
}

function RouteError() {
  const error = useRouteError();
  console.error(error);
  const chunkFailed = error instanceof TypeError && /dynamically imported module|import/.test(error.message);
  return (
    <Result
      status="error"
      title={chunkFailed ? "页面加载失败" : "页面出错了"}
      subTitle={
        chunkFailed
          ? "系统可能已更新或网络中断，请刷新页面后重试。"
          : "请刷新页面后重试；如仍有问题，请联系系统管理员。"
      }
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          刷新页面
        </Button>
      }
    />
  );
}

const guarded = (module: ModuleKey | ModuleKey[], element: ReactNode) => (
  <RequireModule module={module}>{element}</RequireModule>
);
const h = (crumb: RouteHandle["crumb"]): RouteHandle => ({ crumb });

export const router = createBrowserRouter([
  {
    // Public, outside the logged-in layout: the anonymous conduct questionnaire (作风评价).
    path: "/p/conduct",
    element: (
      <Suspense fallback={<PageLoading />}>
        <ConductPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    // Public, outside the logged-in layout: answering a survey with a one-time code (问卷测评).
    path: "/s",
    element: (
      <Suspense fallback={<PageLoading />}>
        <SurveyAnswerPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    // Public, outside the logged-in layout: 码上巡察 (the announcement's QR code), per round or group,
    // and the follow-up by receipt.
    path: "/t",
    errorElement: <RouteError />,
    children: [
      {
        path: "receipt",
        element: (
          <Suspense fallback={<PageLoading />}>
            <TipReceiptPage />
          </Suspense>
        ),
      },
      {
        path: ":roundId",
        element: (
          <Suspense fallback={<PageLoading />}>
            <PublicTipPage />
          </Suspense>
        ),
      },
      {
        path: ":roundId/g/:groupId",
        element: (
          <Suspense fallback={<PageLoading />}>
            <PublicTipPage />
          </Suspense>
        ),
      },
    ],
  },
  {
    path: "/login",
    element: (
      <Suspense fallback={<PageLoading />}>
        <LoginPage />
      </Suspense>
    ),
    errorElement: <RouteError />,
  },
  {
    path: "/",
    element: <AppLayout />,
    errorElement: <RouteError />,
    children: [
      {
        // Errors of a page show inside the layout, so the navigation stays usable.
        errorElement: <RouteError />,
        children: [
          { index: true, element: <Home /> },
          { path: "dashboard", handle: h("工作概览"), element: guarded("dashboard", <DashboardPage />) },
          { path: "targets", handle: h("被巡察对象库"), element: guarded("targets", <TargetsPage />) },
          {
            path: "personnel",
            handle: h("巡察人才库"),
            children: [
              { index: true, element: guarded("personnel", <PeoplePage />) },
              {
                path: "trainings",
                handle: h("巡察干部培训"),
                element: guarded("personnel", <TrainingsPage />),
              },
              { path: ":id", handle: h("人员详情"), element: guarded("personnel", <PersonPage />) },
            ],
          },
          { path: "planning", handle: h("巡察全覆盖"), element: guarded("planning", <CoveragePage />) },
          {
            path: "rounds",
            handle: h("巡察轮次"),
            children: [
              { index: true, element: guarded("rounds", <RoundsPage />) },
              { path: ":id", handle: h("轮次详情"), element: guarded("rounds", <RoundDetailPage />) },
              {
                path: ":id/evaluations",
                handle: h("一巡一评"),
                element: guarded("rounds", <RoundEvaluationsPage />),
              },
            ],
          },
          {
            path: "surveys",
            handle: h("问卷测评"),
            children: [
              { index: true, element: guarded("rounds", <SurveysPage />) },
              {
                path: "questionnaires",
                handle: h("问卷库"),
                element: guarded("rounds", <QuestionnairesPage />),
              },
              { path: ":id", handle: h("测评结果"), element: guarded("rounds", <SurveyPage />) },
            ],
          },
          { path: "feedback", handle: h("巡察反馈"), element: guarded("rounds", <FeedbackPage />) },
          {
            path: "findings",
            handle: h("巡察发现问题"),
            children: [
              { index: true, element: guarded("findings", <FindingsPage />) },
              { path: "new", handle: h("登记问题"), element: guarded("findings", <NewFindingPage />) },
              {
                path: "immediate-fixes",
                handle: h("立行立改"),
                element: guarded("findings", <ImmediateFixesPage />),
              },
            ],
          },
          {
            path: "reports",
            handle: h("巡察报告"),
            children: [
              { index: true, element: guarded("reports", <ReportsPage />) },
              { path: ":id", handle: h("报告详情"), element: guarded("reports", <ReportPage />) },
            ],
          },
          { path: "tips", handle: h("信访举报"), element: guarded("tips", <TipsPage />) },
          { path: "clues", handle: h("问题线索"), element: guarded("clues", <CluesPage />) },
          {
            path: "fieldwork",
            children: [
              {
                path: "briefings",
                handle: h("巡前情况通报"),
                element: guarded("fieldwork", <BriefingsPage />),
              },
              {
                path: "interviews",
                handle: h("个别谈话"),
                element: guarded("fieldwork", <InterviewsPage />),
              },
              {
                path: "records",
                handle: h("查阅资料与调研走访"),
                element: guarded("fieldwork", <FieldworkRecordsPage />),
              },
            ],
          },
          {
            path: "briefings/mine",
            handle: h("巡前情况通报"),
            element: guarded("briefings", <PartnerBriefingsPage />),
          },
          {
            path: "rectification",
            children: [
              { index: true, handle: h("整改台账"), element: guarded("rectification", <LedgerPage />) },
              {
                path: "immediate-fixes",
                handle: h("立行立改通知"),
                element: guarded("rectification", <ImmediateFixesPage />),
              },
              {
                path: "mine",
                handle: h("我的整改"),
                element: guarded("rectification", <MyRectificationPage />),
              },
              {
                path: "escalations",
                handle: h("督办记录"),
                element: guarded("rectification", <EscalationsPage />),
              },
              {
                path: "follow-up",
                handle: h("整改成效"),
                element: guarded("rectification", <FollowUpPage />),
              },
              {
                path: "my-escalations",
                handle: h("督办函"),
                element: guarded("rectification", <MyEscalationsPage />),
              },
              {
                // The notifications of a submission or a decision link here, for the target and the reviewers.
                path: "subjects/:id",
                handle: h("整改方案与报告"),
                element: guarded(["rectification", "reviews"], <SubjectPage />),
              },
              {
                path: "reviews",
                handle: h("整改联审"),
                children: [
                  { index: true, element: guarded("reviews", <ReviewsPage />) },
                  { path: ":id", handle: h("联审"), element: guarded("reviews", <ReviewPage />) },
                ],
              },
            ],
          },
          {
            path: "admin",
            children: [
              { index: true, element: <Navigate to="/" replace /> },
              {
                path: "committees",
                handle: h("党委管理"),
                element: guarded("committees", <CommitteesPage />),
              },
              { path: "accounts", handle: h("账号与角色"), element: guarded("accounts", <AccountsPage />) },
              { path: "security", handle: h("安全策略"), element: guarded("accounts", <SecurityPage />) },
            ],
          },
          {
            path: "settings",
            handle: h("工作设置"),
            children: [
              { index: true, element: guarded("rounds", <WorkItemSettingsPage />) },
              {
                path: "registers",
                handle: h("发文字号设置"),
                element: guarded("rounds", <RegistersPage />),
              },
            ],
          },
          // Earlier addresses of the settings pages.
          { path: "settings/work-items", element: <Navigate to="/settings" replace /> },
          { path: "documents/registers", element: <Navigate to="/settings/registers" replace /> },
          { path: "audit", handle: h("审计日志"), element: guarded("audit", <AuditPage />) },
          {
            path: "no-access",
            element: (
              <Result status="403" title="暂无可用功能" subTitle="您的账号尚未分配角色，请联系安全管理员。" />
            ),
          },
          { path: "*", element: <NotFound /> },
        ],
      },
    ],
  },
]);
