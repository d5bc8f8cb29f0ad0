import type { Metadata } from "next";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Grantdesk", template: "%s · Grantdesk" },
  description:
    "Entitlement grants from Dodo Payments: what was delivered, what failed, what was revoked, and why.",
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
