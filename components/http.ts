// The browser's one way to call the API: JSON both ways, never answered from the browser's own
// cache, and every error answer turned into an ApiFailure. A rejection that is not an ApiFailure
// means no answer arrived at all (the network failed), so whether the request took effect is unknown.
import type { ErrorCode } from "@/lib/errors/codes";
import { isLocale, type Locale } from "@/lib/i18n/locale";
import { messagesOf } from "@/lib/i18n/messages";

export type FieldErrors = Partial<Record<string, string[]>>;

/** An error answer of the API: `{error, message, fields?}`, its HTTP status and when to try again. */
export class ApiFailure extends Error {
  override readonly name = "ApiFailure";
  readonly status: number;
  readonly code: ErrorCode;
  readonly fields: FieldErrors;
  /** From Retry-After, when the answer had a readable one. */
  readonly retryAfterMs: number | undefined;
  /** The whole error body, for codes that carry more (ALREADY_CLAIMED's claim, NOT_STARTED's times). */
  readonly body: Readonly<Record<string, unknown>>;

  constructor(failure: {
    status: number;
    code: ErrorCode;
    message: string;
    fields?: FieldErrors;
    retryAfterMs?: number;
    body?: Record<string, unknown>;
  }) {
    super(failure.message);
    this.status = failure.status;
    this.code = failure.code;
    this.fields = failure.fields ?? {};
    this.retryAfterMs = failure.retryAfterMs;
    this.body = failure.body ?? {};
  }
}

/** A successful answer: its parsed body, status and headers. */
export interface ApiAnswer<T> {
  data: T;
  status: number;
  headers: Headers;
}

export interface ApiCall {
  method?: "GET" | "POST" | "PATCH" | "DELETE";
  /** Sent as JSON. */
  body?: unknown;
}

// An answer that is not the API's own (a proxy's error page, a cut-off body) is read as an outage.
const FALLBACK_CODE: ErrorCode = "UNAVAILABLE";

/** The page's language (<html lang>), for text made outside React components. */
function pageLocale(): Locale {
  const lang = typeof document === "undefined" ? "en" : document.documentElement.lang;
  return isLocale(lang) ? lang : "en";
}

/** "Something went wrong. Please try again." in the page's language. */
export const fallbackMessage = (): string => messagesOf(pageLocale()).claim.fallback;
/** "This promotion is no longer available." in the page's language. */
export const unavailableMessage = (): string => messagesOf(pageLocale()).claim.unavailable;

export async function requestApi<T>(path: string, { method = "GET", body }: ApiCall = {}): Promise<ApiAnswer<T>> {
  const res = await fetch(path, {
    method,
    cache: "no-store",
    headers: body === undefined ? undefined : { "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const parsed = await readBody(res);
  if (!res.ok || parsed === UNREADABLE) throw failureOf(res.status, res.headers, parsed);
  return { data: parsed as T, status: res.status, headers: res.headers };
}

/** The parsed body of a successful answer (undefined for 204 No Content). */
export async function callApi<T>(path: string, request?: ApiCall): Promise<T> {
  return (await requestApi<T>(path, request)).data;
}

const UNREADABLE = Symbol("unreadable body");

async function readBody(res: Response): Promise<unknown> {
  if (res.status === 204) return undefined;
  try {
    return (await res.json()) as unknown;
  } catch {
    return UNREADABLE;
  }
}

/** The failure an answer stands for, from its status, headers and (parsed) body. */
export function failureOf(status: number, headers: Headers, body: unknown, now = Date.now()): ApiFailure {
  const answer = isRecord(body) ? body : {};
  const code = typeof answer.error === "string" ? (answer.error as ErrorCode) : undefined;
  return new ApiFailure({
    status,
    code: code ?? FALLBACK_CODE,
    message: code && typeof answer.message === "string" ? answer.message : fallbackMessage(),
    fields: isFieldErrors(answer.fields) ? answer.fields : {},
    retryAfterMs: parseRetryAfter(headers.get("Retry-After"), now),
    body: code ? answer : {},
  });
}

/** Retry-After in seconds or as an HTTP date, in ms from `now`; undefined when absent or unreadable. */
export function parseRetryAfter(header: string | null, now = Date.now()): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(seconds, 0) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(date - now, 0);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);

const isFieldErrors = (value: unknown): value is FieldErrors =>
  isRecord(value) &&
  Object.values(value).every((messages) => Array.isArray(messages) && messages.every((m) => typeof m === "string"));
