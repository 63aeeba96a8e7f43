import { prepareTestDatabases } from "@xuncha/db/testing";

export default async function setup() {
  await prepareTestDatabases();
}
