import { signupSchema } from "@/lib/auth/schemas";
import { signUpRequest } from "@/lib/auth/signup";
import { json, readJson, route } from "@/lib/http/route";
import { services } from "@/lib/services";

export const POST = route({ access: "public" }, async ({ req }) => {
  const input = await readJson(req, signupSchema);
  const user = await signUpRequest(services(), input, req.ip);
  return json({ user }, 201);
});
