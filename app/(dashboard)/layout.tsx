import { signOutAction } from "@/app/sign-in/actions";
import { AppShell } from "@/components/layout/app-shell";
import { Providers } from "@/components/providers";
import { requirePageViewer } from "@/lib/auth/guards";

export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  // For the shell (who is signed in, which links to show). Each page checks again itself: a
  // layout is not re-run on every navigation, so it cannot be the only guard.
  const viewer = await requirePageViewer();
  return (
    <Providers>
      <AppShell user={{ label: viewer.label, role: viewer.role }} signOut={signOutAction}>
        {children}
      </AppShell>
    </Providers>
  );
}
