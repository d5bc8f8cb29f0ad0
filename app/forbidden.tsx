import { TextLink } from "@/components/ui/text-link";

export default function Forbidden() {
  return (
    <main className="grid min-h-[60vh] place-items-center px-4">
      <div className="max-w-md text-center">
        <p className="text-sm font-semibold text-danger">403</p>
        <h1 className="mt-2 text-xl font-semibold text-fg">Only admins can open this page</h1>
        <p className="mt-2 text-sm text-muted">
          Your role is support: you can read every grant and event, but managing the team, API keys
          and the audit log is for admins. Ask an admin of your team if you need it.
        </p>
        <TextLink href="/" className="mt-4 inline-block text-sm font-medium">
          Back to the overview
        </TextLink>
      </div>
    </main>
  );
}
