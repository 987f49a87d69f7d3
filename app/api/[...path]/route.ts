// Unknown API paths answer in the API's JSON error shape, not with Next's HTML 404 page.
const notFound = () => Response.json({ error: "NOT_FOUND", message: "No such API endpoint." }, { status: 404 });

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
