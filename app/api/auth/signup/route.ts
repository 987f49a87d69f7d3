import { signupSchema } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/signup";
import { getDb } from "@/lib/db";
import { readJson, route } from "@/lib/http/route";

export const POST = route({ access: "public" }, async ({ req }) => {
  const user = await signUp(getDb(), await readJson(req, signupSchema));
  return Response.json({ user }, { status: 201 });
});
