// Runs in each test worker before the test file is imported, so lib/env.ts sees the run's
// own database and key prefix.
import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.REDIS_URL = inject("redisUrl");
process.env.REDIS_KEY_PREFIX = inject("keyPrefix");
process.env.NEXTAUTH_SECRET = "test-secret-of-this-run-0123456789";
process.env.NEXTAUTH_URL = "http://localhost:3000";
process.env.CRON_SECRET = "cron-secret-of-this-run-0123";
process.env.RATE_LIMIT_USER = "30/10s";
process.env.RATE_LIMIT_IP = "8/10s";
// Each sign-in attempt costs a password hash: a smaller per-address limit keeps the test short.
process.env.SIGNIN_RATE_LIMIT_IP = "10/1m";
// The coupon services and validators of the tests listen on 127.0.0.1.
process.env.ALLOW_PRIVATE_SERVICE_URLS = "true";
