import { notFound } from "@/lib/errors/domain-error";
import { errorResponse } from "@/lib/http/errors";

// Unknown API paths answer in the API's JSON error shape, not with Next's HTML 404 page.
const noSuchEndpoint = () => errorResponse(notFound("API endpoint"));

export {
  noSuchEndpoint as GET,
  noSuchEndpoint as POST,
  noSuchEndpoint as PUT,
  noSuchEndpoint as PATCH,
  noSuchEndpoint as DELETE,
};
