import { json, readJson, route } from "@/lib/http/route";
import { services } from "@/lib/services";
import { updateUser } from "@/lib/users/admin";
import { updateUserSchema, userIdParams } from "@/lib/users/schemas";

export const PATCH = route({ access: "admin", params: userIdParams }, async ({ req, params, user }) => {
  const input = await readJson(req, updateUserSchema);
  return json(await updateUser(services(), user.id, params.id, input));
});
