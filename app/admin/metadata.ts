import { getTranslations } from "next-intl/server";

/** "Users · Admin · Coupon Drop" in the page's language: an admin page's title. */
export async function adminMetadata(page: "promotions" | "promotion" | "dropReport" | "users") {
  const [meta, t] = await Promise.all([getTranslations("meta"), getTranslations("admin")]);
  return { title: meta("pageTitle", { page: `${t(page)} · ${t("area")}` }) };
}
