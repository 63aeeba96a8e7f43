import type { Db } from "@xuncha/db";
import {
  dispatchOutbound,
  ESCALATION_STEP_LABELS,
  ESCALATION_STEPS,
  type OutboundChannel,
  runEscalationSweep,
  type SweepResult,
} from "@xuncha/domain";

export interface SchedulerLog {
  info(message: string): void;
  error(message: string): void;
}

export interface SchedulerOptions {
  db: Db;
  log: SchedulerLog;
  /** Between runs; an hour by default. */
  intervalMs?: number;
  /** Where outbound messages go after each sweep (none: they wait in the outbox). */
  channels?: readonly OutboundChannel[];
  /** Only these committees (tests); every committee by default. */
  committeeIds?: readonly string[];
}

export interface Scheduler {
  /** Runs the jobs now (waits for a run in progress instead of starting a second one). */
  runNow(): Promise<void>;
  /** No more runs; waits for the one in progress. */
  stop(): Promise<void>;
}

/** One line for the log: what a sweep took, per step, and which committees failed. */
export function describeSweep(r: SweepResult): string {
  const steps = r.committees.reduce((n, c) => n + c.steps, 0);
  const letters = r.committees.reduce((n, c) => n + c.batches.filter((b) => b.document).length, 0);
  const perStep = ESCALATION_STEPS.map((s) => [s, r.committees.reduce((n, c) => n + c.byStep[s], 0)] as const)
    .filter(([, n]) => n > 0)
    .map(([s, n]) => `${ESCALATION_STEP_LABELS[s]} ${n}`);
  const failed = r.failures.length
    ? `；${r.failures.length} 个党委失败（${r.failures.map((f) => `${f.committeeId}: ${f.error}`).join("；")}）`
    : "";
  return (
    `督办巡查 ${r.today}：${r.committees.length} 个党委，新办 ${steps} 步` +
    `${perStep.length ? `（${perStep.join("，")}）` : ""}，发文 ${letters} 件${failed}`
  );
}

/**
 * The in-process scheduler: the escalation sweep for every committee at start and then every hour
 * (the sweep is idempotent, so an hourly run takes each day's steps once), then the outbox. A failing
 * committee is logged and the others are swept; a failing run is logged and the next one happens.
 */
export function startScheduler(options: SchedulerOptions): Scheduler {
  const { db, log, channels = [] } = options;
  let running: Promise<void> | null = null;
  let stopped = false;

  const run = async () => {
    try {
      const result = await runEscalationSweep(
        db,
        options.committeeIds ? { committeeIds: options.committeeIds } : {},
      );
      (result.failures.length ? log.error : log.info).call(log, describeSweep(result));
    } catch (e) {
      log.error(`督办巡查失败：${e instanceof Error ? e.message : String(e)}`);
    }
    if (channels.length === 0) return;
    try {
      const sent = await dispatchOutbound(db, channels, { limit: 1000 });
      if (sent.sent || sent.retrying || sent.failed) {
        log.info(`外发消息：发送 ${sent.sent} 条，待重试 ${sent.retrying} 条，失败 ${sent.failed} 条`);
      }
    } catch (e) {
      log.error(`外发消息失败：${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const runNow = () => {
    if (!running) {
      running = run().finally(() => {
        running = null;
      });
    }
    return running;
  };

  void runNow();
  const timer = setInterval(() => {
    if (!stopped) void runNow();
  }, options.intervalMs ?? 3_600_000);
  timer.unref();

  return {
    runNow,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
