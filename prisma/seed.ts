// `npm run db:seed`: upserts the admin from ADMIN_EMAIL / ADMIN_PASSWORD and one demo promotion.
// Runs with tsx under the react-server condition, so the app's server-only modules load.
import { loadEnvConfig } from "@next/env";

loadEnvConfig(process.cwd());

async function main() {
  const { seed } = await import("@/lib/seed");
  const { getDb } = await import("@/lib/db");
  const result = await seed(getDb());
  console.log(JSON.stringify(result));
  await getDb().$disconnect();
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
