import { deleteKeys, dropDatabase } from "../tests/support/cleanup";

// Drops the run's database and Redis keys.
export default async function globalTeardown() {
  await dropDatabase(process.env.E2E_DATABASE_URL!);
  await deleteKeys(process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379", `e2e:${process.env.E2E_RUN_ID}:`);
}
