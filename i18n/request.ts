import { cookies, headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { env } from "@/lib/env";
import { LOCALE_COOKIE, requestLocale } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/messages";

/**
 * next-intl without i18n routing: the locale comes from the request, never from the URL. The
 * NEXT_LOCALE cookie (the header's language switcher), else Accept-Language, else DEFAULT_LOCALE.
 * Times are always formatted in a named zone (a promotion's), so the UTC here only backs
 * next-intl's own defaults.
 */
export default getRequestConfig(async () => {
  const [cookieStore, headerList] = await Promise.all([cookies(), headers()]);
  const cookie = cookieStore.get(LOCALE_COOKIE)?.value;
  const locale = requestLocale(
    cookie ? `${LOCALE_COOKIE}=${cookie}` : null,
    headerList.get("accept-language"),
    env.DEFAULT_LOCALE,
  );
  return { locale, messages: messagesOf(locale), timeZone: "UTC" };
});
