import { notFound } from "@/lib/errors/domain-error";
import { apiLocale, errorResponse } from "@/lib/http/errors";

// Unknown API paths answer in the API's JSON error shape, not with Next's HTML 404 page, and in
// the caller's language like every other API error (English unless a cookie or Accept-Language asks).
const noSuchEndpoint = (req: Request) =>
  errorResponse(notFound("API endpoint"), undefined, apiLocale(req.headers.get("cookie"), req.headers.get("accept-language")));

export {
  noSuchEndpoint as GET,
  noSuchEndpoint as POST,
  noSuchEndpoint as PUT,
  noSuchEndpoint as PATCH,
  noSuchEndpoint as DELETE,
};
