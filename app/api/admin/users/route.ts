import { json, route } from "@/lib/http/route";
import { services } from "@/lib/services";
import { listUsers } from "@/lib/users/admin";
import { listUsersQuery } from "@/lib/users/schemas";

export const GET = route({ access: "admin", query: listUsersQuery }, async ({ query }) =>
  json(await listUsers(services(), query.q, query.page)),
);
