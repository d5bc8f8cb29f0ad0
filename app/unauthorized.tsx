import { TextLink } from "@/components/ui/text-link";

export default function Unauthorized() {
  return (
    <main className="grid min-h-[60vh] place-items-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-danger">401</p>
        <h1 className="mt-2 text-xl font-semibold text-fg">You are signed out</h1>
        <p className="mt-2 text-sm text-muted">Your session ended or your account was disabled.</p>
        <TextLink href="/sign-in" className="mt-4 inline-block text-sm font-medium">
          Sign in again
        </TextLink>
      </div>
    </main>
  );
}
