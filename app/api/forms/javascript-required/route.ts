import { JAVASCRIPT_REQUIRED } from "@/components/javascript-required";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { route } from "@/lib/http/route";

/**
 * A form that needs JavaScript, posted by the browser itself (components/javascript-required.ts).
 * The body is never read, so nothing typed is kept, logged or echoed; the answer is a 303 back to
 * the form's page (a path on this site only) with ?error=javascript-required.
 */
export const POST = route({ access: "public" }, async ({ req }) => {
  const back = new URL(safeCallbackUrl(req.query.get("back")), "http://back.invalid");
  back.searchParams.set("error", JAVASCRIPT_REQUIRED);
  return new Response(null, {
    status: 303,
    headers: { location: `${back.pathname}${back.search}`, "cache-control": "no-store" },
  });
});
