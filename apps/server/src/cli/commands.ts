import { parseArgs } from "node:util";
import type { Database } from "@xuncha/db";
import { createAccount, systemActor, verifyAuditChain } from "@xuncha/domain";
import type { Config } from "../config";
import { demo } from "./demo";
import { serve } from "./serve";

export interface CommandContext {
  database: Database;
  config: Config;
  args: string[];
}

/** A CLI command; returns an exit code, or undefined to keep running (serve). */
export interface Command {
  describe: string;
  run(ctx: CommandContext): Promise<number | undefined>;
}

export const commands: Record<string, Command> = {
  serve: { describe: "启动服务（默认端口 3000）", run: serve },
  migrate: {
    describe: "执行数据库迁移",
    run: async () => {
      console.log("数据库已迁移到最新版本");
      return 0;
    },
  },
  "create-admin": {
    describe: "创建首个系统管理员：--username --password [--name]",
    run: async ({ database, args }) => {
      const { values } = parseArgs({
        args,
        options: { username: { type: "string" }, password: { type: "string" }, name: { type: "string" } },
      });
      if (!values.username || !values.password) {
        console.error("用法：xuncha create-admin --username <用户名> --password <密码> [--name <姓名>]");
        return 2;
      }
      const { username, password } = values;
      await database.db.transaction((tx) =>
        createAccount(tx, systemActor("命令行"), {
          username,
          password,
          displayName: values.name ?? "系统管理员",
          committeeId: null,
          roles: [{ role: "sysAdmin" }],
        }),
      );
      console.log(`已创建系统管理员 ${username}`);
      return 0;
    },
  },
  demo: {
    describe: "向空数据库加载演示数据（虚构的市、县、对象、人员、轮次和各类记录）：[--seed <整数>] [--force]",
    run: demo,
  },
  "audit-verify": {
    describe: "校验审计日志的哈希链，指出第一条被篡改的记录",
    run: async ({ database }) => {
      const verdict = await verifyAuditChain(database.db);
      if (verdict.ok) {
        console.log(`审计日志完整：共 ${verdict.entries} 条，哈希链校验通过`);
        return 0;
      }
      const b = verdict.firstBroken!;
      console.error(
        `审计日志已被篡改：第 ${b.seq} 条记录${b.reason === "prev_hash" ? "的前序哈希不符（其前有记录被删除或修改）" : "的内容与哈希不符"}`,
      );
      return 1;
    },
  },
};
