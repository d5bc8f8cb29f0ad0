import Link from "next/link";
import { buttonVariants } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="grid min-h-screen place-items-center px-6">
      <div className="text-center">
        <p className="text-sm font-semibold text-accent">404</p>
        <h1 className="mt-2 text-2xl font-semibold">Page not found</h1>
        <p className="mt-2 text-muted">There is nothing at this address.</p>
        <Link href="/" className={buttonVariants({ className: "mt-6 px-4 py-2" })}>
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
