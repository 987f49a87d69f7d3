import type { NextRequest } from "next/server";
import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { notFound } from "@/lib/errors/domain-error";
import { apiLocale, errorResponse } from "@/lib/http/errors";
import { formPostAnswer, isFormPostRedirect } from "./form-post";
import { answeredRefusal, thrownRefusal } from "./refusals";

type Context = { params: Promise<{ nextauth: string[] }> };

// next-auth v4's actions (next-auth/core/index.js); it would answer any other in plain text.
const ACTIONS = new Set(["signin", "signout", "callback", "session", "csrf", "providers", "error", "verify-request", "_log"]);

/** next-auth, held to the API's error contract: an unknown action is 404, a refusal never a 500. */
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  const [action] = (await ctx.params).nextauth;
  // Its refusals are ours (below), so their message follows the caller's language like the API's.
  const locale = apiLocale(req.headers.get("cookie"), req.headers.get("accept-language"));
  if (!ACTIONS.has(action)) return errorResponse(notFound("Auth action"), undefined, locale);
  // The sign-in form's post without JavaScript: its callbackUrl is read from a copy of the body
  // (next-auth reads the body itself), and only that field.
  const signInPost = action === "callback" && req.method === "POST" ? req.clone() : null;
  let res: Response;
  try {
    // next-auth v4 types its App Router handler as any.
    res = (await NextAuth(req, ctx, authOptions())) as Response;
  } catch (error) {
    return thrownRefusal(error, locale);
  }
  if (signInPost && isFormPostRedirect(res)) return formPostAnswer(res, await formField(signInPost, "callbackUrl"));
  return res.status >= 400 ? answeredRefusal(res, req.nextUrl.pathname, locale) : res;
}

/** One text field of a form body, or null (no form, or not a text field). */
async function formField(req: Request, name: string): Promise<string | null> {
  const value = await req
    .formData()
    .then((form) => form.get(name))
    .catch(() => null);
  return typeof value === "string" ? value : null;
}

export { handler as GET, handler as POST };
