import { z } from "zod";
import { DomainError, unavailable } from "@/lib/errors/domain-error";
import { log } from "@/lib/log";
import { refusalIn, serviceFetch } from "./service-fetch";

const answerSchema = z.object({ eligible: z.boolean(), reason: z.string().max(500).optional() });

const validatorDown = () => unavailable("Eligibility cannot be checked right now. Please retry.", 2_000);

/**
 * Asks the promotion's eligibility service before any stock is reserved:
 * POST url {promotionId, userId, email} -> 200 {eligible, reason?}.
 * Not eligible -> 403 NOT_ELIGIBLE; down, slow, nonsense, a redirect or a refused (private)
 * address -> 503, and nothing was taken. The person cannot tell a misconfigured validator from
 * a down one, and must not be told "not eligible" for the operator's mistake.
 */
export async function assertEligible(
  validator: { url: string; timeoutMs: number },
  input: { promotionId: string; userId: string; email: string | null },
  allowPrivateAddresses?: boolean, // defaults to ALLOW_PRIVATE_SERVICE_URLS
): Promise<void> {
  let answer: z.infer<typeof answerSchema>;
  try {
    const res = await serviceFetch(
      validator.url,
      {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(input),
        signal: AbortSignal.timeout(validator.timeoutMs),
      },
      allowPrivateAddresses,
    );
    if (res.status !== 200) throw new Error(`validator answered ${res.status}`);
    answer = answerSchema.parse(await res.json());
  } catch (error) {
    // A refused address is the operator's to fix, not an outage that passes: say so louder.
    if (refusalIn(error)) log("error", "validator address refused", { url: validator.url, error });
    else log("warn", "validator unavailable", { url: validator.url, error });
    throw validatorDown();
  }
  if (!answer.eligible) {
    throw new DomainError("NOT_ELIGIBLE", answer.reason ?? "You are not eligible for this promotion.", {
      reason: answer.reason ?? null,
    });
  }
}
