import { z } from "zod";
import { safeCallbackUrl } from "@/lib/auth/callback-url";
import { route } from "@/lib/http/route";
import { LOCALE_COOKIE, LOCALE_COOKIE_MAX_AGE_S, LOCALES } from "@/lib/i18n/locale";

const body = z.object({ locale: z.enum(LOCALES) });

/**
 * The language switcher's form post (components/language-switcher.tsx): sets NEXT_LOCALE and
 * answers 303 back to the page it came from (a path on this site only). Not a secret, so not
 * HttpOnly; Lax like next-intl's own cookie.
 */
export const POST = route({ access: "public" }, async ({ req }) => {
  const { locale } = body.parse(Object.fromEntries(new URLSearchParams(await req.text(1024))));
  return new Response(null, {
    status: 303,
    headers: {
      location: safeCallbackUrl(req.query.get("back")),
      "set-cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${LOCALE_COOKIE_MAX_AGE_S}; SameSite=Lax`,
      "cache-control": "no-store",
    },
  });
});
