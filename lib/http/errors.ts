import { z } from "zod";
import type { ErrorBody } from "@/lib/errors/codes";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import { isTransientOutage } from "@/lib/errors/transient";
import { log } from "@/lib/log";
import { HTTP_STATUS } from "./error-status";

/** Everything an error answer is made of, before it becomes a Response (or a plain node reply). */
export interface ErrorReply {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

/**
 * Turns anything thrown into the API's error answer: a DomainError by its code (lib/http/error-status.ts),
 * a zod error into 400 INVALID_INPUT with the fields, a known transient outage into 503 with
 * Retry-After, and every other error into 500 INTERNAL, logged with its stack and never shown.
 */
export function errorReply(error: unknown, requestId?: string): ErrorReply {
  if (isDomainError(error)) {
    const { status, retryAfterS } = HTTP_STATUS[error.code];
    const retryS = error.retryAfterMs !== undefined ? Math.max(1, Math.ceil(error.retryAfterMs / 1000)) : retryAfterS;
    return {
      status,
      body: { error: error.code, message: error.message, ...error.extra },
      headers: retryS !== undefined ? { "Retry-After": String(retryS) } : {},
    };
  }
  if (error instanceof z.ZodError) {
    return {
      status: 400,
      body: {
        error: "INVALID_INPUT",
        message: error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "),
        fields: z.flattenError(error).fieldErrors,
      },
      headers: {},
    };
  }
  if (isTransientOutage(error)) {
    log("error", "dependency unavailable", { requestId, error });
    return errorReply(new DomainError("UNAVAILABLE", "The service is temporarily unavailable. Please retry."), requestId);
  }
  log("error", "unhandled error", { requestId, error });
  return {
    status: 500,
    body: { error: "INTERNAL", message: "Something went wrong on our side.", requestId },
    headers: {},
  };
}

export function errorResponse(error: unknown, requestId?: string): Response {
  const { status, body, headers } = errorReply(error, requestId);
  return Response.json(body, { status, headers });
}
