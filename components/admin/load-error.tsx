import { ApiFailure } from "@/components/http";

/** Why a promotion could not be shown: gone, or a failed request. */
export function LoadError({ error }: { error: Error }) {
  const missing = error instanceof ApiFailure && error.status === 404;
  return (
    <p role="alert" className="text-red-700">
      {missing ? "This promotion does not exist (any more)." : `Could not load the promotion: ${error.message}`}
    </p>
  );
}
