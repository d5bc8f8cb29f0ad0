/** The source a forgotten customer keeps, so no sync fills the email and name back in. */
export const FORGOTTEN_SOURCE = "forgotten";
