import { z } from "zod";

// Shared by the sign-up API, the credentials provider and the sign-in/up forms.
export const emailSchema = z.string().trim().toLowerCase().pipe(z.email("Enter a valid email address.").max(254));
export const passwordSchema = z.string().min(8, "Use at least 8 characters.").max(72, "Use at most 72 characters.");

export const credentialsSchema = z.object({ email: emailSchema, password: passwordSchema });

export const signupSchema = z
  .object({
    email: emailSchema,
    password: passwordSchema,
    name: z.string().trim().min(1).max(100).optional(),
    // The solved ALTCHA challenge, as the widget submits it (base64 JSON); see lib/auth/challenge.ts.
    altcha: z.string().max(4_000).optional(),
  })
  .strict();
