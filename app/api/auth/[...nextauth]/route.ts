import type { NextRequest } from "next/server";
import { nextAuthAnswer } from "@/lib/auth/next-auth-answer";
import { fromWebRequest } from "@/lib/http/request";

type Context = { params: Promise<{ nextauth: string[] }> };

/** next-auth, held to the API's error contract (lib/auth/next-auth-answer.ts). */
async function handler(req: NextRequest, ctx: Context): Promise<Response> {
  return nextAuthAnswer(fromWebRequest(req), (await ctx.params).nextauth);
}

export { handler as GET, handler as POST };
