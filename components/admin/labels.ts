/** Human names of promotion fields, for form errors and the audit log. */
export const FIELD_LABELS: Record<string, string> = {
  title: "Title",
  description: "Description",
  slug: "Slug",
  totalStock: "Total stock",
  startsAt: "Starts at",
  endsAt: "Ends at",
  discount: "Discount",
  discountType: "Discount type",
  discountValue: "Discount value",
  published: "Published",
  paused: "Paused",
};

export const fieldLabel = (field: string) => FIELD_LABELS[field] ?? field;
