import { prepareTestDatabases } from "@xuncha/db/testing";

/** Once per integration run: migrates the PGlite template, or resets and migrates the PostgreSQL test database. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  if (url) {
    const { host, pathname } = new URL(url);
    console.log(`Integration tests on PostgreSQL (${host}${pathname}; TEST_DATABASE_URL)`);
  } else {
    console.log("Integration tests on PGlite (embedded; set TEST_DATABASE_URL to use PostgreSQL)");
  }
  await prepareTestDatabases();
}
