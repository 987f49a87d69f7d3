import { useTranslations } from "next-intl";
import { FormField } from "./form-field";

interface FieldProps {
  label: string;
  name: string;
  type?: "text" | "email" | "password";
  autoComplete?: string;
  required?: boolean;
  hint?: string;
  error?: string;
}

/** A labelled text input for the sign-in and sign-up forms, with its hint and inline error. */
export function Field({ label, name, type = "text", autoComplete, required, hint, error }: FieldProps) {
  const t = useTranslations("field");
  const caption = required ? (
    label
  ) : (
    <>
      {label}
      <span className="font-normal text-slate-500">{t("optional")}</span>
    </>
  );
  return (
    <FormField label={caption} hint={hint} errors={error ? [error] : undefined}>
      {(a11y) => (
        <input
          {...a11y}
          name={name}
          type={type}
          autoComplete={autoComplete}
          required={required}
          className="block h-11 w-full rounded-lg border border-slate-300 bg-white px-3 text-base shadow-sm focus:border-slate-900 focus:outline-2 focus:outline-slate-900 aria-invalid:border-red-600"
        />
      )}
    </FormField>
  );
}

export const submitClass =
  "h-11 w-full rounded-lg bg-slate-900 px-4 font-semibold text-white hover:bg-slate-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-slate-900 disabled:bg-slate-400";
