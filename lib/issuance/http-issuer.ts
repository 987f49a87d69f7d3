import { createHmac } from "node:crypto";
import type { Response } from "undici";
import { z } from "zod";
import { refusalIn, serviceFetch } from "./service-fetch";

export type IssueOutcome =
  | { kind: "ISSUED"; couponCode: string }
  | { kind: "RETRY"; error: string } // worth trying again: 5xx, timeout, connection error
  | { kind: "REJECTED"; error: string }; // final: any other answer, a redirect, a refused address

export interface IssueRequest {
  claimId: string;
  promotionId: string;
  userId: string;
  /** The coupon's terms, so the service can mint the right coupon. Amounts in the currency's minor units. */
  currency: string;
  discount: { type: string; value: number };
  maxDiscountAmount: number | null;
  minOrderAmount: number | null;
  /** ISO-8601 UTC, fixed at claim time; null: the coupon never expires. */
  expiresAt: string | null;
}

export interface IssueCallOptions {
  timeoutMs?: number;
  /** Defaults to ALLOW_PRIVATE_SERVICE_URLS. */
  allowPrivateAddresses?: boolean;
}

const DEFAULT_TIMEOUT_MS = 3_000;
const couponSchema = z.object({ couponCode: z.string().min(1).max(200) });

/** HMAC-SHA256 of the exact body bytes sent, so the coupon service can verify the sender. */
export function signature(body: string, secret: string): string {
  return `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;
}

/**
 * Asks the external coupon service for this claim's coupon. The claim id is the idempotency key:
 * a retry after a lost answer gets the same coupon (409 with its code), never a second one.
 */
export async function requestCoupon(
  issuer: { url: string; secret: string },
  request: IssueRequest,
  { timeoutMs = DEFAULT_TIMEOUT_MS, allowPrivateAddresses }: IssueCallOptions = {},
): Promise<IssueOutcome> {
  const body = JSON.stringify(request);
  let res: Response;
  try {
    res = await serviceFetch(
      issuer.url,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          "idempotency-key": request.claimId,
          "x-signature": signature(body, issuer.secret),
        },
        body,
        signal: AbortSignal.timeout(timeoutMs),
      },
      allowPrivateAddresses,
    );
  } catch (error) {
    // The address will not change by retrying: as final as a 4xx.
    const refusal = refusalIn(error);
    if (refusal) return { kind: "REJECTED", error: `coupon service not called: ${refusal.message}` };
    return { kind: "RETRY", error: `request failed: ${describe(error)}` };
  }
  if (res.status >= 500) return { kind: "RETRY", error: `coupon service answered ${res.status}` };
  if ((res.status >= 200 && res.status < 300) || res.status === 409) {
    const parsed = couponSchema.safeParse(await res.json().catch(() => null));
    if (parsed.success) return { kind: "ISSUED", couponCode: parsed.data.couponCode };
    return { kind: "RETRY", error: `coupon service answered ${res.status} without a couponCode` };
  }
  if (res.status >= 300 && res.status < 400) {
    return { kind: "REJECTED", error: `coupon service redirected with ${res.status}; redirects are not followed` };
  }
  return { kind: "REJECTED", error: `coupon service refused with ${res.status}` };
}

/** fetch wraps what went wrong ("fetch failed"); the cause says what. */
function describe(error: unknown): string {
  const e = error as Error;
  return e.cause instanceof Error ? `${e.message}: ${e.cause.message}` : e.message;
}
