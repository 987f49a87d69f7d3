// next-intl's typed keys: every useTranslations/getTranslations key is checked against English.
import type { Locale } from "@/lib/i18n/locale";
import type en from "./messages/en.json";

declare module "next-intl" {
  interface AppConfig {
    Locale: Locale;
    Messages: typeof en;
  }
}
