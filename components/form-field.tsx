import { useId, type ReactNode } from "react";

export interface InputA11y {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
}

interface FormFieldProps {
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  /** Renders the input with the id and descriptions that tie it to its label, hint and errors. */
  children: (a11y: InputA11y) => ReactNode;
}

export const inputClass =
  "block h-10 w-full rounded-lg border border-slate-300 bg-white px-3 text-base shadow-sm focus:border-slate-900 focus:outline-2 focus:outline-slate-900 disabled:bg-slate-100 disabled:text-slate-500 aria-invalid:border-red-600";

/** A labelled control with its hint and the errors (from a schema or the server) right under it. */
export function FormField({ label, hint, errors, children }: FormFieldProps) {
  const id = useId();
  const error = errors?.[0];
  const describedBy = [hint && `${id}-hint`, error && `${id}-error`].filter(Boolean).join(" ") || undefined;
  return (
    <div className="space-y-1">
      <label htmlFor={id} className="block text-sm font-medium text-slate-800">
        {label}
      </label>
      {children({ id, "aria-invalid": error ? true : undefined, "aria-describedby": describedBy })}
      {hint && (
        <p id={`${id}-hint`} className="text-sm text-slate-500">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="text-sm font-medium text-red-700">
          {error}
        </p>
      )}
    </div>
  );
}
