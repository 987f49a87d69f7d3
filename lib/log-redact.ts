// What a log line must never carry: the value of a query parameter named like a credential, in
// any URL anywhere in the line (a message, a field, an error's message or stack, or an error's
// own properties such as Node's ERR_INVALID_URL `input`). Query strings travel into logs through
// errors more than through access logs, so every line is cleaned, not just the request line.
import pino from "pino";

export const REDACTED = "[REDACTED]";

// A parameter's name counts as a credential when it contains one of these (case-insensitive):
// password, passwd, pwd, secret, token (csrfToken, access_token), key (api_key), auth, signature,
// credential, session, jwt.
const CREDENTIAL_NAME = "(?:pass(?:word|wd)?|pwd|secret|token|key|auth|signature|credential|session|jwt)";
// A parameter starts after "?", "&" or ";", plain or percent-encoded (a URL inside another URL's
// query, such as a callbackUrl); its value runs to the next separator, quote, space or "#".
const START = "(?:[?&;]|%3[Ff]|%26)";
const NAME_CHAR = "(?:(?!%3[Dd]|%26)[^=&#\\s\"'<>])";
const VALUE_CHAR = "(?:(?!%26)[^&#\\s\"'<>])";
const CREDENTIAL_PARAM = new RegExp(`(${START}${NAME_CHAR}*?${CREDENTIAL_NAME}${NAME_CHAR}*(?:=|%3[Dd]))${VALUE_CHAR}*`, "gi");

/** `text` with the value of every credential-named query parameter replaced by [REDACTED]. */
export function redactUrlCredentials(text: string): string {
  return text.replace(CREDENTIAL_PARAM, `$1${REDACTED}`);
}

// Field names whose whole value is a secret, whatever it looks like.
const SECRET_FIELD = new RegExp(`^${CREDENTIAL_NAME}$|password|secret`, "i");
const MAX_DEPTH = 8;

/**
 * A log line's fields, cleaned: strings redacted, errors serialized the way pino does (so the
 * logger gets them already serialized) and cleaned too, string fields named like a secret replaced.
 * Values it does not know (numbers, dates, buffers) pass as they are.
 */
export function redactForLog(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === "string") return redactUrlCredentials(value);
  if (typeof value !== "object" || value === null || depth > MAX_DEPTH) return value;
  if (seen.has(value)) return "[Circular]";
  seen.add(value);
  if (value instanceof Error) return redactForLog(plainError(value), depth + 1, seen);
  if (Array.isArray(value)) return value.map((item) => redactForLog(item, depth + 1, seen));
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    out[key] = SECRET_FIELD.test(key) && typeof item === "string" ? REDACTED : redactForLog(item, depth + 1, seen);
  }
  return out;
}

/** An error as pino shows it (type, message and stack with their causes, own properties), as a plain object. */
function plainError(error: Error): Record<string, unknown> {
  return { ...(pino.stdSerializers.err(error) as unknown as Record<string, unknown>) };
}
