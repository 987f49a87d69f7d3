import { z } from "zod";

// The admin Users API's input. Unknown fields are rejected (strict), like every other body.

export const userIdParams = z.object({ id: z.string().regex(/^[\w-]{1,64}$/) });

export const USERS_PAGE_SIZE = 20;

export const listUsersQuery = z
  .object({
    q: z.string().trim().max(200).default(""),
    page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  })
  .strict();

export const updateUserSchema = z
  .object({
    role: z.enum(["USER", "ADMIN"]).optional(),
    disabled: z.boolean().optional(),
  })
  .strict()
  .refine((input) => input.role !== undefined || input.disabled !== undefined, "Send role, disabled or both.");

export type UpdateUserInput = z.infer<typeof updateUserSchema>;

/** An account as the admin API shows it. */
export interface AdminUserView {
  id: string;
  email: string;
  name: string | null;
  role: "USER" | "ADMIN";
  disabled: boolean;
  createdAt: string;
}
