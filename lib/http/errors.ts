import { z } from "zod";
import type { ErrorBody } from "@/lib/errors/codes";
import { DomainError, isDomainError } from "@/lib/errors/domain-error";
import { isTransientOutage } from "@/lib/errors/transient";
import { requestLocale, type Locale } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/messages";
import { log } from "@/lib/log";
import { HTTP_STATUS } from "./error-status";

/** Everything an error answer is made of, before it becomes a Response (or a plain node reply). */
export interface ErrorReply {
  status: number;
  body: ErrorBody;
  headers: Record<string, string>;
}

/**
 * The language of an API error's `message`: the NEXT_LOCALE cookie, else Accept-Language, else
 * English (not DEFAULT_LOCALE: scripts and other machine clients keep today's messages). Two
 * header reads and no lookup, so the claim and stock fast lanes can afford it on every refusal.
 */
export const apiLocale = (cookie: string | null | undefined, acceptLanguage: string | null | undefined): Locale =>
  requestLocale(cookie, acceptLanguage, "en");

/**
 * The API's error answer in `locale`. The code never changes; in English the message is the one
 * the thrower wrote, in another language it is that language's message for the code
 * (messages/<locale>.json, apiErrors), with the fields of an INVALID_INPUT named.
 */
export function errorReply(error: unknown, requestId?: string, locale: Locale = "en"): ErrorReply {
  const reply = englishReply(error, requestId);
  if (locale === "en") return reply;
  const { body } = reply;
  const fields = body.fields && typeof body.fields === "object" ? Object.keys(body.fields) : [];
  const message = messagesOf(locale).apiErrors[body.error] + (fields.length ? ` (${fields.join(", ")})` : "");
  return { ...reply, body: { ...body, message } };
}

/**
 * Turns anything thrown into the API's error answer: a DomainError by its code (lib/http/error-status.ts),
 * a zod error into 400 INVALID_INPUT with the fields, a known transient outage into 503 with
 * Retry-After, and every other error into 500 INTERNAL, logged with its stack and never shown.
 */
function englishReply(error: unknown, requestId?: string): ErrorReply {
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
    return englishReply(new DomainError("UNAVAILABLE", "The service is temporarily unavailable. Please retry."), requestId);
  }
  log("error", "unhandled error", { requestId, error });
  return {
    status: 500,
    body: { error: "INTERNAL", message: "Something went wrong on our side.", requestId },
    headers: {},
  };
}

export function errorResponse(error: unknown, requestId?: string, locale: Locale = "en"): Response {
  const { status, body, headers } = errorReply(error, requestId, locale);
  return Response.json(body, { status, headers });
}
