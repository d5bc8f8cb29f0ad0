// One map from integration_type to its label and glyph. Unknown types show as they came.

export type IntegrationInfo = { label: string; glyph: string; oauth: boolean };

export const INTEGRATIONS: Record<string, IntegrationInfo> = {
  license_key: { label: "License key", glyph: "key", oauth: false },
  digital_files: { label: "Digital files", glyph: "file", oauth: false },
  discord: { label: "Discord", glyph: "chat", oauth: true },
  github: { label: "GitHub", glyph: "code", oauth: true },
  notion: { label: "Notion", glyph: "page", oauth: true },
  telegram: { label: "Telegram", glyph: "send", oauth: false },
  framer: { label: "Framer", glyph: "frame", oauth: false },
  figma: { label: "Figma", glyph: "frame", oauth: false },
  feature_flag: { label: "Feature flag", glyph: "flag", oauth: false },
  unknown: { label: "Unknown", glyph: "dot", oauth: false },
};

export function integrationInfo(type: string): IntegrationInfo {
  return INTEGRATIONS[type] ?? { label: type, glyph: "dot", oauth: false };
}
