import { json, route } from "@/lib/http/route";
import { services } from "@/lib/services";
import { signOutEverywhere } from "@/lib/users/admin";
import { userIdParams } from "@/lib/users/schemas";

export const POST = route({ access: "admin", params: userIdParams }, async ({ params, user }) => {
  return json(await signOutEverywhere(services(), user.id, params.id));
});
