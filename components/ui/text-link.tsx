import Link from "next/link";
import { cn } from "@/lib/cn";
import { focusRing } from "./focus-ring";

export const linkClass = cn("rounded-sm text-link underline-offset-2 hover:underline", focusRing);

/** An in-app link in running text or a table cell. */
export function TextLink({ className, ...props }: React.ComponentProps<typeof Link>) {
  return <Link className={cn(linkClass, className)} {...props} />;
}
