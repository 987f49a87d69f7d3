/** A text input's value from submitted form data; "" when absent (a file input never is one here). */
export function formText(form: FormData, name: string): string {
  const value = form.get(name);
  return typeof value === "string" ? value : "";
}
