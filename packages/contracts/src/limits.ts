/** Limits shared by server validation and client forms. */
export const LIMITS = {
  nameMax: 120,
  /** A unit of measure: km, pages, glasses. */
  unitMax: 40,
  emailMax: 254,
  passwordMin: 10,
  passwordMax: 128,
  textMax: 4000,
  tokenNameMax: 80,
  tokensPerUser: 50,
  bodyBytes: 1024 * 1024,
  importBytes: 50 * 1024 * 1024,
} as const;
