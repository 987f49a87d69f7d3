import { listClaimsOf } from "@/lib/claims/mine";
import { getDb } from "@/lib/db";
import { route } from "@/lib/http/route";

export const GET = route({ access: "user" }, async ({ user }) => {
  return Response.json({ claims: await listClaimsOf(getDb(), user.id) }, { headers: { "Cache-Control": "no-store" } });
});
