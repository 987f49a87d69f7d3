import { route } from "@/lib/http/route";
import { services } from "@/lib/services";
import { listUsers } from "@/lib/users/admin";
import { listUsersQuery } from "@/lib/users/schemas";

export const GET = route({ access: "admin" }, async ({ req }) => {
  const { q, page } = listUsersQuery.parse(Object.fromEntries(req.query));
  return Response.json(await listUsers(services(), q, page));
});
