/**
 * The Excel hosts an add-in meets, with the ExcelApi level each supports and its payload limit. Levels are from
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/excel-api-requirement-sets (table "Requirement set
 * availability", dated 09/12/2025): Excel on the web supports every set up to 1.20; Microsoft 365 on Windows from
 * Version 2509 and on Mac from 16.100 reach 1.20 too; perpetual Office 2021 on Windows stops at 1.14 and Office 2024
 * at 1.17. Only Excel on the web has the 5 MB request/response limit
 * (https://learn.microsoft.com/office/dev/add-ins/concepts/resource-limits-and-performance-optimization#excel-add-ins).
 */
export type Platform = 'web' | 'windows' | 'windows-2021' | 'windows-2024' | 'mac';

export type PlatformProfile = {
  /** Office.context.platform */
  officePlatform: 'OfficeOnline' | 'PC' | 'Mac';
  /** highest ExcelApi set for which isSetSupported answers true */
  excelApi: string;
  /** bytes per request and per response, null where Office documents no such limit */
  payloadLimitBytes: number | null;
};

export const EXCEL_ON_THE_WEB_LIMIT_BYTES = 5 * 1024 * 1024;

export const PLATFORMS: Record<Platform, PlatformProfile> = {
  web: { officePlatform: 'OfficeOnline', excelApi: '1.20', payloadLimitBytes: EXCEL_ON_THE_WEB_LIMIT_BYTES },
  windows: { officePlatform: 'PC', excelApi: '1.20', payloadLimitBytes: null },
  'windows-2021': { officePlatform: 'PC', excelApi: '1.14', payloadLimitBytes: null },
  'windows-2024': { officePlatform: 'PC', excelApi: '1.17', payloadLimitBytes: null },
  mac: { officePlatform: 'Mac', excelApi: '1.20', payloadLimitBytes: null },
};

/** "1.8" ≤ "1.20": requirement set versions compare by number, not as text */
export function versionAtMost(asked: string, available: string): boolean {
  const [a1, a2 = 0] = asked.split('.').map(Number);
  const [b1, b2 = 0] = available.split('.').map(Number);
  return a1 < b1 || (a1 === b1 && a2 <= b2);
}
