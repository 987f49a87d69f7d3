// `npm run worker`: the issuing worker on its own, for deployments that run it apart from the
// web servers (then set ISSUING_WORKER=off on those). Stops cleanly on SIGTERM/SIGINT.
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd());

async function main() {
  const { startIssuanceWorker } = await import("@/lib/issuance/worker");
  const { services } = await import("@/lib/services");
  const { log } = await import("@/lib/log");
  const stop = startIssuanceWorker(services);
  log("info", "issuing worker started");
  const shutdown = async () => {
    await stop();
    await services().db.$disconnect();
    await services().engine.close();
    log("info", "issuing worker stopped");
    process.exit(0);
  };
  process.once("SIGTERM", () => void shutdown());
  process.once("SIGINT", () => void shutdown());
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
