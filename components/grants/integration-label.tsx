import { OutlineIcon } from "@/components/ui/outline-icon";
import { integrationInfo } from "@/lib/grants/labels/integrations";

// "dot" and any glyph name not drawn here: an unknown type still gets a mark.
const DOT = "M12 12m-3 0a3 3 0 1 0 6 0 3 3 0 1 0-6 0";

const GLYPHS: Record<string, string> = {
  key: "M15 7a2 2 0 0 1 2 2m4 0a6 6 0 0 1-7.74 5.74L11 17H9v2H7v2H4a1 1 0 0 1-1-1v-2.59a1 1 0 0 1 .29-.7l5.97-5.97A6 6 0 1 1 21 9z",
  file: "M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8l-5-5zm0 0v5h5",
  chat: "M21 12a8 8 0 0 1-11.6 7.1L4 21l1.9-5.4A8 8 0 1 1 21 12z",
  code: "M16 18l6-6-6-6M8 6l-6 6 6 6",
  page: "M6 3h9l3 3v15H6zM9 9h6M9 13h6M9 17h4",
  send: "M22 2 11 13M22 2l-7 20-4-9-9-4 20-7z",
  frame: "M4 4h16v16H4zM4 9h16M9 4v16",
  flag: "M4 22V4m0 0h12l-2 4 2 4H4",
};

export function IntegrationLabel({ type }: { type: string }) {
  const info = integrationInfo(type);
  return (
    <span className="inline-flex items-center gap-1.5 whitespace-nowrap">
      <OutlineIcon path={GLYPHS[info.glyph] ?? DOT} className="h-4 w-4 text-faint" />
      {info.label}
    </span>
  );
}
