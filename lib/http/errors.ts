import { z } from "zod";
import { log } from "@/lib/log";

/** The one error type of the API. Every thrown ApiError becomes `{error, message, ...extra}`. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

export const notFound = (what = "Promotion") => new ApiError(404, "NOT_FOUND", `${what} not found.`);

export function errorResponse(error: unknown, requestId?: string): Response {
  if (error instanceof ApiError) {
    return Response.json(
      { error: error.code, message: error.message, ...error.extra },
      { status: error.status, headers: error.headers },
    );
  }
  if (error instanceof z.ZodError) {
    return Response.json(
      {
        error: "INVALID_INPUT",
        message: error.issues.map((i) => (i.path.length ? `${i.path.join(".")}: ${i.message}` : i.message)).join("; "),
        fields: z.flattenError(error).fieldErrors,
      },
      { status: 400 },
    );
  }
  // Unknown failures are logged with their stack here and never shown to the client.
  log("error", "unhandled error", { requestId, error });
  return Response.json(
    { error: "UNAVAILABLE", message: "The service is temporarily unavailable. Please retry." },
    { status: 503, headers: { "Retry-After": "1" } },
  );
}
