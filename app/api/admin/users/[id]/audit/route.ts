import { json, route } from "@/lib/http/route";
import { services } from "@/lib/services";
import { userAudit } from "@/lib/users/admin";
import { userIdParams } from "@/lib/users/schemas";

export const GET = route({ access: "admin", params: userIdParams }, async ({ params }) => {
  return json({ entries: await userAudit(services(), params.id) });
});
