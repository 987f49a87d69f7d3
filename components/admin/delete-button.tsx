"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { queryKeys } from "@/components/query-keys";
import { deletePromotion, type AdminPromotion } from "./api";
import { buttonClass } from "./styles";

/** Deletes a promotion nobody has claimed yet, after a confirmation. */
export function DeleteButton({ promotion, claims }: { promotion: AdminPromotion; claims: number }) {
  const t = useTranslations("admin");
  const router = useRouter();
  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: () => deletePromotion(promotion.id),
    onSuccess: () => {
      // Stop polling a promotion that no longer exists (its winners and audit log too).
      queryClient.removeQueries({ queryKey: queryKeys.admin.promotion(promotion.id) });
      void queryClient.invalidateQueries({ queryKey: queryKeys.admin.promotions });
      router.push("/admin");
    },
  });

  function onClick() {
    if (window.confirm(t("deleteConfirm", { title: promotion.title }))) remove.mutate();
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={onClick} disabled={claims > 0 || remove.isPending} className={buttonClass.danger}>
        {remove.isPending ? t("deleting") : t("delete")}
      </button>
      {/* The claims' coupons must stay traceable, so only an unclaimed promotion can go. */}
      {claims > 0 && <span className="text-sm text-slate-500">{t("deleteBlocked")}</span>}
      {remove.isError && (
        <span role="alert" className="text-sm text-red-700">
          {remove.error.message}
        </span>
      )}
    </span>
  );
}
