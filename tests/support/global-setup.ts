// Once per test run: a fresh PostgreSQL database with the migrations applied, and a Redis key
// prefix of its own, so parallel runs on one machine never see each other's data.
import { randomBytes } from "node:crypto";
import type { TestProject } from "vitest/node";
import { deleteKeys, dropDatabase } from "./cleanup";
import { applyMigrations, createDatabaseIfMissing } from "../../prisma/migrate";

const BASE_DATABASE_URL = process.env.TEST_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/test";
const REDIS_URL = process.env.TEST_REDIS_URL ?? "redis://127.0.0.1:6379";

export default async function setup(project: TestProject) {
  const runId = `${Date.now().toString(36)}${randomBytes(3).toString("hex")}`;
  const databaseUrl = new URL(BASE_DATABASE_URL);
  databaseUrl.pathname = `/coupon_test_${runId}`;
  const keyPrefix = `test:${runId}:`;

  await createDatabaseIfMissing(databaseUrl.toString());
  await applyMigrations(databaseUrl.toString(), { quiet: true });

  project.provide("databaseUrl", databaseUrl.toString());
  project.provide("redisUrl", REDIS_URL);
  project.provide("keyPrefix", keyPrefix);

  return async () => {
    await dropDatabase(databaseUrl.toString());
    await deleteKeys(REDIS_URL, keyPrefix);
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    databaseUrl: string;
    redisUrl: string;
    keyPrefix: string;
  }
}
