"use client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { queryKeys } from "@/components/query-keys";
import { deletePromotion, type AdminPromotion } from "./api";
import { buttonClass } from "./styles";

/** Deletes a promotion nobody has claimed yet, after a confirmation. */
export function DeleteButton({ promotion, claims }: { promotion: AdminPromotion; claims: number }) {
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
    if (window.confirm(`Delete “${promotion.title}”? This cannot be undone.`)) remove.mutate();
  }

  return (
    <span className="inline-flex flex-wrap items-center gap-2">
      <button type="button" onClick={onClick} disabled={claims > 0 || remove.isPending} className={buttonClass.danger}>
        {remove.isPending ? "Deleting…" : "Delete"}
      </button>
      {/* The claims' coupons must stay traceable, so only an unclaimed promotion can go. */}
      {claims > 0 && <span className="text-sm text-slate-500">Has claims, so it cannot be deleted; unpublish it instead.</span>}
      {remove.isError && (
        <span role="alert" className="text-sm text-red-700">
          {remove.error.message}
        </span>
      )}
    </span>
  );
}
