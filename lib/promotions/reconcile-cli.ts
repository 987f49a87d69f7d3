// `npm run reconcile [-- --fix]`: prints one JSON line per promotion and a summary; exits 1
// when drift remains (so a scheduler can alert on it).
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd());

async function main() {
  const fix = process.argv.includes("--fix");
  const { reconcile } = await import("@/lib/promotions/reconcile");
  const { services } = await import("@/lib/services");
  const reports = await reconcile(services(), { fix });
  for (const report of reports) console.log(JSON.stringify(report));
  const drifted = reports.filter((r) => r.drift);
  const remaining = drifted.filter((r) => !r.fixed);
  console.log(JSON.stringify({ promotions: reports.length, drifted: drifted.length, fixed: drifted.length - remaining.length }));
  await services().db.$disconnect();
  await services().engine.close();
  process.exit(remaining.length > 0 ? 1 : 0);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(2);
});
