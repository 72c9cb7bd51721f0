/** Row type of the installation_settings table (migration 2026_12_06_0010). */
export interface InstallationSettingsTable {
  key: string;
  value_json: string;
  updated_at: string;
}
