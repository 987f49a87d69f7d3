import { useTranslations } from "next-intl";
import { ApiFailure } from "@/components/http";

/** Why a promotion could not be shown: gone, or a failed request. */
export function LoadError({ error }: { error: Error }) {
  const t = useTranslations("admin");
  const missing = error instanceof ApiFailure && error.status === 404;
  return (
    <p role="alert" className="text-red-700">
      {missing ? t("missing") : t("loadFailed", { message: error.message })}
    </p>
  );
}
