// Start-up of the server process (called from instrumentation.ts). With DATABASE_URL unset it
// brings up the zero-service local run: embedded PostgreSQL under .data/, migrations, an admin
// account and a demo promotion. In every mode it logs which engines serve this process, reloads
// running promotions into the stock engine (healing what a crashed process left behind), and
// starts the phantom sweeper, the claim outcome flusher, the fair-start draw timer, the pre-warm
// before each start and the issuing worker (unless ISSUING_WORKER=off).
import { randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { LOCAL_SECRET_FILE, readOrCreateLocalSecret } from "@/lib/auth/local-secret";
import { startEmbeddedPostgres } from "@/lib/local/embedded-postgres";
import { log } from "@/lib/log";
import { processState } from "@/lib/process-state";
import { applyMigrations } from "@/prisma/migrate";

const DATA_DIR = path.join(process.cwd(), ".data");

/** Runs once per process, whoever calls first: the production server or Next's instrumentation. */
export function bootstrap(): Promise<void> {
  return processState("local/bootstrap", start);
}

async function start(): Promise<void> {
  const embedded = !process.env.DATABASE_URL;
  if (embedded) {
    // Before DATABASE_URL is set: from then on lib/env.ts requires a session secret.
    process.env.NEXTAUTH_SECRET ||= readOrCreateLocalSecret(LOCAL_SECRET_FILE).secret;
    const databaseUrl = await startEmbeddedPostgres(path.join(DATA_DIR, "pglite"));
    process.env.DATABASE_URL = databaseUrl;
    process.env.DATABASE_POOL_SIZE = "1";
    await applyMigrations(databaseUrl, { quiet: true });
    const admin = localAdmin();
    const { seed } = await import("@/lib/seed");
    const { getDb } = await import("@/lib/db");
    const seeded = await seed(getDb(), admin);
    const siteUrl = process.env.NEXTAUTH_URL ?? `http://localhost:${process.env.PORT ?? 3000}`;
    console.log(
      [
        "",
        "  Zero-service local run (no DATABASE_URL): embedded PostgreSQL in .data/pglite",
        `  Open ${siteUrl}`,
        // A password someone chose (ADMIN_PASSWORD) is never printed; a generated one must be, once per start.
        admin.generated
          ? `  Admin: ${admin.email} / ${admin.password}`
          : `  Admin: ${admin.email} (password from ADMIN_PASSWORD)`,
        `  Demo promotion "${seeded.demoPromotion.slug}" starts at ${seeded.demoPromotion.startsAt}`,
        "",
      ].join("\n"),
    );
  }
  const database = embedded ? "embedded PGlite (.data/pglite)" : `PostgreSQL ${new URL(process.env.DATABASE_URL!).host}`;
  const { services } = await import("@/lib/services");
  log("info", "engines", { database, stock: services().engine.name });

  const { healAfterRestart } = await import("@/lib/promotions/reconcile");
  const healed = await healAfterRestart(services()).catch((error) => {
    log("error", "start-up reconciliation failed; stock loads on first use", { error });
    return [];
  });
  const drifted = healed.filter((r) => r.drift);
  if (drifted.length) log("warn", "start-up reconciliation fixed drift", { promotions: drifted });

  const { env } = await import("@/lib/env");
  const { startPhantomSweeper } = await import("@/lib/claims/phantom-sweeper");
  startPhantomSweeper(services, env.PHANTOM_RELEASE_AFTER_S * 1_000);
  const { startOutcomeFlusher } = await import("@/lib/metrics/flusher");
  startOutcomeFlusher(services);
  const { startDrawTimer } = await import("@/lib/fair-start/scheduler");
  startDrawTimer(services);
  const { startPrewarmTimer } = await import("@/lib/promotions/prewarm");
  startPrewarmTimer(services);

  if (process.env.ISSUING_WORKER !== "off") {
    const { startIssuanceWorker } = await import("@/lib/issuance/worker");
    startIssuanceWorker(services);
  }
}

/**
 * ADMIN_EMAIL / ADMIN_PASSWORD when set; otherwise credentials generated once for this local run
 * and kept in .data/ (`generated`: only those may be printed).
 */
function localAdmin(): { email: string; password: string; generated: boolean } {
  if (process.env.ADMIN_EMAIL && process.env.ADMIN_PASSWORD) {
    return { email: process.env.ADMIN_EMAIL, password: process.env.ADMIN_PASSWORD, generated: false };
  }
  const file = path.join(DATA_DIR, "admin.json");
  try {
    return { ...(JSON.parse(readFileSync(file, "utf8")) as { email: string; password: string }), generated: true };
  } catch {
    const admin = { email: "admin@localhost.test", password: randomBytes(9).toString("base64url") };
    mkdirSync(DATA_DIR, { recursive: true });
    writeFileSync(file, JSON.stringify(admin, null, 2), { mode: 0o600 });
    return { ...admin, generated: true };
  }
}
