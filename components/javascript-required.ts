// Forms that cannot work without JavaScript (sign-up solves a proof of work; the admin's promotion
// form checks and sends JSON) still carry method="post" and this action, so a submit before
// hydration or with JavaScript off is never the browser's default GET, which would put what the
// form holds (a password, a secret) in the URL. The endpoint reads nothing of the body and sends
// the browser back to the form's page with ?error=javascript-required, where a notice says so.

/** The `error` the form's page is sent back with. */
export const JAVASCRIPT_REQUIRED = "javascript-required";

/** The form's action: the endpoint, told which page (a local path) to send the browser back to. */
export const javascriptRequiredAction = (back: string) => `/api/forms/javascript-required?back=${encodeURIComponent(back)}`;
