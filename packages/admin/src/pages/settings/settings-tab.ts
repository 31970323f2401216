/** The sections of the settings screen, each addressed as `#/settings?tab=<name>`. */
export const SettingsTab = { profile: 'profile', policy: 'policy', replies: 'replies', widget: 'widget', integrations: 'integrations' } as const;
export type SettingsTab = (typeof SettingsTab)[keyof typeof SettingsTab];

/**
 * The tab a URL parameter names; the profile when it names none. Apart from the screen itself, so
 * the router reads the tab without loading the screen (and the schemas its forms validate with).
 */
export function settingsTabOf(value: string | null): SettingsTab {
  return value && Object.hasOwn(SettingsTab, value) ? (value as SettingsTab) : SettingsTab.profile;
}
