import { listClaimsOf } from "@/lib/claims/person-claims";
import { json, route } from "@/lib/http/route";
import { services } from "@/lib/services";

export const GET = route({ access: "user" }, async ({ user }) => {
  return json({ claims: await listClaimsOf(services().db, user.id) }, 200, { "Cache-Control": "no-store" });
});
